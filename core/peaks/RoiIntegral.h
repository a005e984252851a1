// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/Spectrum.h"

namespace photopeak {

// Counts in a region of interest, channels [low, high): gross counts, the continuum under them as the
// straight line through the mean counts of `edgeChannels` channels just outside each edge (the classical
// "trapezoid" net area), net = gross - continuum, and the net counts' centroid and FWHM (2.3548 x the
// standard deviation of the net distribution). Uncertainties are 1 sigma from Poisson statistics:
// var(net) = gross + (width / 2)^2 (var(left mean) + var(right mean)). Rates need a live time (else 0).
struct RoiIntegral {
    int low = 0, high = 0;     // channels, high exclusive
    int edgeChannels = 0;      // used on each side (fewer at the ends of the spectrum)
    double gross = 0.0, grossUnc = 0.0;
    double continuum = 0.0, continuumUnc = 0.0;
    double net = 0.0, netUnc = 0.0;
    double netRate = 0.0, netRateUnc = 0.0;     // counts/s of live time
    double grossRate = 0.0, grossRateUnc = 0.0;
    double centroid = 0.0, centroidUnc = 0.0;   // continuous channel coordinate
    double fwhm = 0.0, fwhmUnc = 0.0;           // channels
    double leftLevel = 0.0, rightLevel = 0.0;   // continuum counts per channel at the edges

    // Region [low, high) of s, clamped to the channels; fewer than one channel gives an empty integral.
    static RoiIntegral compute(const Spectrum &s, int low, int high, int edgeChannels = 3);
    // Continuum counts per channel at a continuous channel coordinate (the line through both edge levels).
    double continuumAt(double channel) const;
};

} // namespace photopeak
