// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "peaks/FittedPeak.h"
#include "peaks/PeakCandidate.h"
#include "peaks/PeakRegion.h"
#include "peaks/ResolutionModel.h"

#include <vector>

namespace photopeak {

// Result of PeakAnalyzer::run on one spectrum.
struct PeakAnalysis {
    std::vector<PeakCandidate> candidates;
    std::vector<PeakRegion> regions;
    std::vector<FittedPeak> peaks;          // all fitted peaks, by channel
    ResolutionModel channelResolution;      // FWHM(channel) in channels, fitted on this spectrum's peaks
    bool calibrated = false;                // energies filled

    std::vector<FittedPeak> significantPeaks(double minSignificance) const
    {
        std::vector<FittedPeak> out;
        for (const auto &p : peaks)
            if (p.significance() >= minSignificance)
                out.push_back(p);
        return out;
    }
};

} // namespace photopeak
