// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "peaks/PeakCandidate.h"

#include <functional>
#include <vector>

namespace photopeak {

// Peak search by the smoothed second difference (Mariscotti): the counts are convolved with the negative
// second derivative of a Gaussian whose FWHM follows the detector resolution, made zero-sum so a linear
// continuum gives zero. Under Poisson statistics Var(S_i) = sum_j k_j^2 y_{i+j}, so S_i / sqrt(Var) is a
// significance in standard deviations; candidates are its local maxima above a threshold.
class PeakSearch {
public:
    using FwhmFunction = std::function<double(double channel)>;

    struct Options {
        double minSignificance = 4.0;
        int firstChannel = 0;   // search range [firstChannel, lastChannel)
        int lastChannel = -1;   // -1 = all channels
        double minFwhmChannels = 1.5;
    };

    PeakSearch() = default;
    explicit PeakSearch(Options options) : m_options(options) {}
    const Options &options() const { return m_options; }

    std::vector<PeakCandidate> find(const std::vector<double> &counts, const FwhmFunction &fwhmChannels) const;
    // The significance trace itself (for plots and tests), same length as counts.
    std::vector<double> significance(const std::vector<double> &counts, const FwhmFunction &fwhmChannels) const;
    // Generic first guess when the resolution is unknown: FWHM = g sqrt(channel), at least minFwhm.
    static FwhmFunction sqrtWidth(double g, double minFwhm = 2.0);

private:
    Options m_options;
};

} // namespace photopeak
