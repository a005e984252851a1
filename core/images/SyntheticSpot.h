// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

namespace photopeak {

// Ground truth of one generated Bragg spot. snr = expected signal of the brightest pixel over the
// background noise sqrt(background) at the spot: the quantity the candidate finder's SNR estimates.
struct SyntheticSpot {
    int frame = 0;
    double x = 0.0;  // true centre, pixel centres at integer coordinates
    double y = 0.0;
    double sigma = 1.0;      // Gaussian width in pixels
    double intensity = 0.0;  // photons in the whole spot
    double snr = 0.0;
    bool saturated = false;  // the brightest pixel reaches the detector's saturation value
};

} // namespace photopeak
