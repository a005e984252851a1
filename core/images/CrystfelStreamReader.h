// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "images/ImageLabelSet.h"
#include "util/Result.h"

#include <QString>

namespace photopeak {

// Peak lists of a CrystFEL stream as labels: every peak of a chunk ("Peaks from peak search" ... "End of peak
// list") becomes a peak label of the chunk's frame ("Event: //N", frame 0 without an event), and the frame is
// complete (the list is everything that was found). fs/ss are converted from CrystFEL's pixel-corner origin to
// pixel centres (x = fs - 0.5). Only chunks whose image file name matches `imageFile` (by file name; empty = all)
// are taken; multi-panel geometries are not resolved (panel coordinates are used as they are).
class CrystfelStreamReader {
public:
    static Result<ImageLabelSet> read(const QString &path, const QString &imageFile = {});
};

} // namespace photopeak
