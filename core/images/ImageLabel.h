// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <cmath>
#include <limits>

namespace photopeak {

// A position on one frame called a Bragg peak (label 1) or not (label 0), by a person, by a peak list or by
// the ground truth of a synthetic stack (which also knows the spot's SNR).
struct ImageLabel {
    int frame = 0;
    double x = 0.0;
    double y = 0.0;
    int label = 1;
    double snr = std::numeric_limits<double>::quiet_NaN();
};

} // namespace photopeak
