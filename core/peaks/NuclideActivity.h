// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "peaks/LineActivity.h"

#include <QString>

#include <cmath>
#include <vector>

namespace photopeak {

// Activity of one nuclide in one spectrum: lines combined with inverse-variance weights.
struct NuclideActivity {
    QString nuclide;
    double activityBq = 0.0;
    double uncCountingBq = 0.0;    // counting statistics and emission intensities, independent between lines
    double uncEfficiencyBq = 0.0;  // efficiency-curve covariance, correlated between lines
    double uncTotalBq() const { return std::hypot(uncCountingBq, uncEfficiencyBq); }
    double mdaBq = 0.0;            // smallest Currie MDA over the lines
    bool detected = false;         // activity above the decision threshold 1.645 sigma(counting)
    double lineChi2 = 0.0;         // consistency of the lines: sum of ((A_i - A) / sigma_i)^2
    int linesUsed = 0;
    double distanceCm = 0.0;
    double distanceFactor = 1.0;   // ((d + r) / (d_ref + r))^2
    double decayFactor = 1.0;      // activity at acquisition / activity at the reference date
    std::vector<LineActivity> lines;
};

} // namespace photopeak
