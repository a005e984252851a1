// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "images/BraggCandidate.h"
#include "images/ImageFrame.h"
#include "images/PixelMask.h"
#include "model/ModelInput.h"

#include <vector>

namespace photopeak {

// The model-layer input of the image workflow: frames of one detector (one mask) with their candidates and,
// for training, a label per candidate (1 peak, 0 not a peak, -1 unknown, skipped). Items are candidates in
// frame order.
struct ImageCandidates final : ModelInput {
    static constexpr const char *Kind = "image-candidates";

    struct Frame {
        ImageFrame frame;
        std::vector<BraggCandidate> candidates;
        std::vector<int> labels;  // training only; same length as candidates
    };
    PixelMask mask;
    std::vector<Frame> frames;

    QString inputKind() const override { return QString::fromLatin1(Kind); }
    qsizetype itemCount() const override
    {
        qsizetype n = 0;
        for (const Frame &f : frames)
            n += static_cast<qsizetype>(f.candidates.size());
        return n;
    }
    QString itemName(qsizetype index) const override
    {
        for (const Frame &f : frames) {
            if (index < static_cast<qsizetype>(f.candidates.size())) {
                const BraggCandidate &c = f.candidates[static_cast<size_t>(index)];
                return QStringLiteral("frame %1 (%2, %3)").arg(f.frame.index).arg(c.x, 0, 'f', 1).arg(c.y, 0, 'f', 1);
            }
            index -= static_cast<qsizetype>(f.candidates.size());
        }
        return QStringLiteral("candidate %1").arg(index + 1);
    }
};

} // namespace photopeak
