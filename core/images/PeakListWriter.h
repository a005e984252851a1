// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "images/BraggCandidate.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace photopeak {

// Peak lists for other programs. CSV: one row per candidate with every measured quantity (pixel centres at
// integers). CrystFEL stream: one chunk per frame with "Peaks from peak search" (fs/ss with CrystFEL's
// convention that the first pixel's corner is 0,0, i.e. x + 0.5), usable as peak lists in CrystFEL tools; no
// geometry is known here, so 1/d is written as 0 and the panel as p0.
class PeakListWriter {
public:
    static QByteArray csv(const QString &imageFile, const std::vector<BraggCandidate> &candidates);
    // Candidates of several frames; chunks in frame order, frames without candidates get an empty list if
    // listed in `frames`.
    static QByteArray crystfelStream(const QString &imageFile, const QString &dataset, int frameCount,
                                     const std::vector<int> &frames, const std::vector<BraggCandidate> &candidates);
};

} // namespace photopeak
