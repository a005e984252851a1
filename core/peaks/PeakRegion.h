// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "peaks/FittedPeak.h"

#include <vector>

namespace photopeak {

// A fitted region of channels [low, high): Gaussians on a polynomial continuum in (x - pivot).
struct PeakRegion {
    int low = 0, high = 0;
    double pivot = 0.0;
    std::vector<double> continuum;  // coefficients, constant first, counts per channel
    std::vector<FittedPeak> peaks;
    double chi2 = 0.0;
    int ndf = 0;
    int iterations = 0;
    bool converged = false;

    double continuumAt(double x) const
    {
        double v = 0.0, p = 1.0;
        for (double c : continuum) {
            v += c * p;
            p *= (x - pivot);
        }
        return v;
    }
    double reducedChi2() const { return ndf > 0 ? chi2 / ndf : 0.0; }
};

} // namespace photopeak
