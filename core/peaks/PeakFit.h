// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "peaks/PeakCandidate.h"
#include "peaks/PeakRegion.h"
#include "spectrum/EnergyCalibration.h"
#include "util/Result.h"

#include <functional>
#include <vector>

namespace photopeak {

// Least-squares fit of Gaussian peaks sharing one region on a linear or quadratic continuum
// (Levenberg-Marquardt, Eigen). Each peak is integrated over its channel, so narrow peaks keep their area.
// Weights are Poisson variances from the model itself (refit twice), which avoids the low bias of weighting
// by the data. Uncertainties come from the covariance (J^T W J)^-1, scaled by chi2/ndf when that exceeds 1.
class PeakFit {
public:
    struct Options {
        int continuumDegree = 1;     // 0, 1 or 2
        bool fixCentroids = false;   // only areas and continuum: a linear problem (known lines)
        bool fixWidths = false;
        double maxCentroidShift = 0.0;  // channels a free centroid may move from its start; 0 = 1 FWHM
        int maxIterations = 200;
    };

    PeakFit() = default;
    explicit PeakFit(Options options) : m_options(options) {}
    const Options &options() const { return m_options; }

    // Fit channels [low, high) with one Gaussian per start centroid (same order out).
    Result<PeakRegion> fitRegion(const std::vector<double> &counts, int low, int high,
                                 const std::vector<double> &centroids, const std::vector<double> &fwhms) const;

    // Group candidates whose +-1.5 FWHM overlap into regions reaching 2.5 FWHM beyond the outer peaks, fit each,
    // and drop peaks whose area is below minSignificance standard deviations (refitting without them).
    std::vector<PeakRegion> fitCandidates(const std::vector<double> &counts, const std::vector<PeakCandidate> &candidates,
                                          double minSignificance = 3.0) const;

    // Fill energies and keV widths of every peak from a calibration (no-op when it is invalid).
    static void applyCalibration(std::vector<PeakRegion> &regions, const EnergyCalibration &calibration, int channelCount);
    static void applyCalibration(FittedPeak &peak, const EnergyCalibration &calibration, int channelCount);

private:
    Options m_options;
};

} // namespace photopeak
