// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "hits/Hit.h"
#include "util/Result.h"

#include <QHash>
#include <QString>

#include <vector>

namespace photopeak {

// Label tables: `id,class[,device,frame_width,frame_height,x,y,timestamp_ms]` as the CREDO export tool
// writes them (columns found by header name; "label" is accepted for "class"). Also the sidecar the hits
// window writes when hits are labelled by hand (id,class).
class HitLabelsFile {
public:
    struct Row {
        QString label, device;
        qint64 timestampMs = -1;
        int frameX = -1, frameY = -1, frameWidth = 0, frameHeight = 0;
    };
    static Result<QHash<QString, Row>> read(const QString &path);
    // Copies the row's known fields into the hit (label only when the row has one).
    static void apply(const Row &row, Hit &hit);
    // id,class of every labelled hit, written atomically.
    static Status writeLabels(const QString &path, const std::vector<Hit> &hits);
};

} // namespace photopeak
