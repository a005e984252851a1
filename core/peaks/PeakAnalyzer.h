// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "peaks/PeakAnalysis.h"
#include "peaks/PeakFit.h"
#include "peaks/PeakSearch.h"
#include "spectrum/Spectrum.h"

namespace photopeak {

// Search and fit every peak of one spectrum in two rounds: a first search with a given or generic width,
// a FWHM(channel) model fitted on the clear peaks, then a second search and fit with that model.
class PeakAnalyzer {
public:
    struct Options {
        double searchSignificance = 4.0;  // smoothed-second-difference threshold
        double keepSignificance = 3.0;    // fitted area / its uncertainty
        double minEnergyKeV = 30.0;       // used when the calibration is valid
        int firstChannel = 10;            // used otherwise
        double maxEnergyKeV = 3000.0;
        double widthGuess = 0.5;          // FWHM = widthGuess * sqrt(channel) when no resolution is given
        int continuumDegree = 1;
        ResolutionModel resolution;       // keV model; used for the first search when valid with a valid calibration
    };

    PeakAnalyzer() = default;
    explicit PeakAnalyzer(Options options) : m_options(options) {}
    const Options &options() const { return m_options; }

    PeakAnalysis run(const Spectrum &spectrum) const;

private:
    Options m_options;
};

} // namespace photopeak
