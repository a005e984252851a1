// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <cmath>
#include <limits>

namespace photopeak {

// One Bragg-peak candidate of a frame: a connected group of pixels above the local threshold around a
// true 2-D local maximum. Intensities are above the local background; pixel centres at integer coordinates.
struct BraggCandidate {
    int frame = 0;
    double x = 0.0;  // intensity-weighted centroid (fast scan)
    double y = 0.0;  // (slow scan)
    int peakX = 0;   // brightest pixel
    int peakY = 0;
    double maxIntensity = 0.0;  // brightest pixel above the background
    double integrated = 0.0;    // sum over the candidate's pixels above the background
    double background = 0.0;    // local background per pixel (annulus around the peak)
    double noise = 0.0;         // local background standard deviation per pixel
    double snr = 0.0;           // maxIntensity / noise
    double boxSnr = 0.0;        // sum of the usable 3 x 3 pixels around the brightest one / (noise sqrt(n))
    int pixels = 0;
    double mxx = 0.0, myy = 0.0, mxy = 0.0;  // second central moments (pixels^2)
    bool nearMask = false;      // touches a masked pixel or the frame border
    double probability = std::numeric_limits<double>::quiet_NaN();  // of being a Bragg peak, once classified

    bool hasProbability() const { return !std::isnan(probability); }
};

} // namespace photopeak
