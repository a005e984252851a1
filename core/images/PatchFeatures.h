// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "images/ImageFrame.h"
#include "images/BraggCandidate.h"
#include "images/PixelMask.h"

#include <QStringList>

#include <vector>

namespace photopeak {

// What the learned peak probability sees of a candidate. Features are scale-free (intensities in units of the
// local noise or of the peak), so a model trained on one detector gain transfers to another:
// SNR, 3 x 3 SNR, size, peakedness, width, ellipticity, ring profile, neighbour balance, masked share.
// Patches are size x size pixels around the brightest pixel, (value - background) / noise compressed by asinh,
// masked or outside pixels 0 (never wrapped), for the CNN and for views.
class PatchFeatures {
public:
    static constexpr int Count = 14;
    static constexpr int PatchSize = 15;

    static const QStringList &names();
    // Appends Count values to `out`.
    static void compute(const ImageFrame &frame, const PixelMask &mask, const BraggCandidate &c, double *out);
    // PatchSize * PatchSize values, row-major.
    static void patch(const ImageFrame &frame, const PixelMask &mask, const BraggCandidate &c, float *out);
};

} // namespace photopeak
