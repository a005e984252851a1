// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/EnergyGrid.h"

#include <vector>

namespace photopeak {

// The unknown-isotope statistic: the largest line-shaped excess of a spectrum over its fit, where the fit is
// background-dominated. A zero-area filter per channel j (centre of one FWHM of the detector, sigma^2 = b E,
// weight +1/width; a side band of the centre's half width + 1 channel on each side, weight -1/2 per band) runs
// over the residual s - d; z_j = filter(s - d) / sqrt(filter^2(max(d, 1))). Channels whose filter window gets
// more than `maxIsotopeFraction` of its model counts from the isotopes are left out: there a measured
// spectrum's mismatch to its simulated template would look like a line. Range sums via prefix sums: O(channels).
class LineExcess {
public:
    LineExcess() = default;
    // `sigma2PerKeV`: the detector's b (LineWidth on the training background's lines).
    LineExcess(const EnergyGrid &grid, int minChannel, double sigma2PerKeV, double maxIsotopeFraction = 0.5);

    bool isValid() const { return !m_runs.empty(); }
    double sigma2PerKeV() const { return m_b; }

    // s: spectrum, d: model counts, iso: the isotopes' part of d (all channelCount values). Returns the largest
    // z (0 when no channel qualifies); *channel gets its channel (-1 when none).
    double largest(const double *s, const double *d, const double *iso, int *channel = nullptr) const;

private:
    // Usable channels in runs of consecutive channels with the same half width h: channel j's centre is
    // [j - h, j + h], its side bands [j - 2h - 1, j - h) and (j + h, j + 2h + 1]. Within a run every window moves
    // by one channel per channel, so the filter runs over whole vectors of channels (the same arithmetic per
    // channel as one window at a time, so the same bits), and one ordered scan then picks the largest.
    struct Run {
        int first = 0, count = 0, h = 0;
        double centreWeight = 0.0, bandWeight = 0.0;
    };
    int m_n = 0, m_c0 = 0;
    double m_b = 0.0, m_maxIso = 0.5;
    std::vector<Run> m_runs;
    int m_usable = 0;
    mutable std::vector<double> m_prefix;  // 3 x (n + 1) prefix sums, then 2 x usable filter values (work space)
};

} // namespace photopeak
