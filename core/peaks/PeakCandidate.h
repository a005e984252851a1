// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

namespace photopeak {

// A channel where the smoothed second difference says "peak": position, significance, rough size.
struct PeakCandidate {
    double channel = 0.0;       // continuous channel coordinate (channel i covers [i, i + 1))
    double significance = 0.0;  // filtered value / its Poisson standard deviation
    double height = 0.0;        // rough peak height above the continuum, counts per channel
    double fwhmChannels = 0.0;  // width the filter assumed
};

} // namespace photopeak
