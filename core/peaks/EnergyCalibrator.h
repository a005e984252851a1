// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "peaks/CalibrationPoint.h"
#include "peaks/FittedPeak.h"
#include "peaks/GammaLine.h"
#include "spectrum/EnergyCalibration.h"
#include "util/Result.h"

#include <vector>

namespace photopeak {

// Energy calibration from peaks.
// - manual: fit E(channel) through user-given pairs (linear or quadratic).
// - automatic: match fitted peaks to the lines of chosen nuclides without any prior calibration (works for
//   spectra with slope 0): every pair of strong peaks against every pair of lines (and every peak against every
//   line through the origin) proposes a gain and offset; the proposal whose matches explain the most significant
//   peaks with the most intense lines wins, then matches are refitted with the requested degree.
// - refine: start from a prior calibration and re-match within a window (small drifts).
class EnergyCalibrator {
public:
    struct Options {
        int degree = 1;               // 1 linear, 2 quadratic (used when enough points)
        double minIntensity = 0.02;   // lines weaker than this (per decay) are ignored
        double minEnergyKeV = 40.0;   // below the threshold of most detectors
        double maxEnergyKeV = 3000.0;
        double maxOffsetKeV = 60.0;   // |E(0)| allowed for the automatic search
        double minGain = 0.01, maxGain = 20.0;  // keV per channel
        double matchFwhm = 1.0;       // a peak matches a line within this many FWHM
        double mergeFraction = 0.012; // lines closer than this fraction of E merge (unresolved multiplets)
        int maxPeaks = 14;            // strongest peaks tried by the automatic search
    };
    struct Fit {
        EnergyCalibration calibration;
        std::vector<CalibrationPoint> points;
        double rmsKeV = 0.0;
        QString method;  // "manual", "automatic", "refine"
    };

    EnergyCalibrator() = default;
    explicit EnergyCalibrator(Options options) : m_options(options) {}
    const Options &options() const { return m_options; }

    // Least-squares polynomial through the points; degree lowered to points - 1, a single point goes through
    // the origin (or keeps `fixedOffset` when given).
    static Result<Fit> fitPoints(std::vector<CalibrationPoint> points, int degree, int channelCount,
                                 const double *fixedOffset = nullptr);

    Result<Fit> automatic(const std::vector<FittedPeak> &peaks, const std::vector<GammaLine> &lines, int channelCount) const;
    Result<Fit> refine(const std::vector<FittedPeak> &peaks, const std::vector<GammaLine> &lines,
                       const EnergyCalibration &prior, int channelCount) const;

    // Lines of interest merged into unresolved groups (intensity-weighted energy), strongest first.
    std::vector<GammaLine> mergedLines(const std::vector<GammaLine> &lines) const;

private:
    // Greedy one-to-one matching of lines (strongest first) to peaks under a calibration.
    std::vector<CalibrationPoint> match(const std::vector<FittedPeak> &peaks, const std::vector<GammaLine> &lines,
                                        const EnergyCalibration &cal, double windowFwhm, double *score) const;
    Options m_options;
};

} // namespace photopeak
