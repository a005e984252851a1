// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "hits/HitImage.h"

#include <QString>

namespace photopeak {

// One cosmic-ray hit: its crop and what is known about where and when it was recorded.
struct Hit {
    QString id;         // file name without suffix, or the detection id of a CREDO export
    QString source;     // file the crop came from ("export.json#12" for the 13th detection of an export)
    QString label;      // class name ("track", "worm", ...); empty = unlabelled
    QString device;     // device id when known; empty otherwise
    qint64 timestampMs = -1;  // detection time, ms since 1970 UTC; -1 unknown
    int frameX = -1, frameY = -1;            // hit position in the camera frame (crop centre); -1 unknown
    int frameWidth = 0, frameHeight = 0;     // camera frame size; 0 unknown
    HitImage image;
    quint32 flags = 0;  // artefact rules that marked this hit (HitFilter::Rule bits); 0 = clean
    int cluster = -1;   // cluster index after clustering; -1 none

    // The device a hit belongs to for per-device rules and grouped validation: the device id, or when
    // exports strip it (the shared CREDO set) the camera frame size as the closest available proxy.
    QString deviceKey() const
    {
        if (!device.isEmpty())
            return device;
        return frameWidth > 0 ? QStringLiteral("frame %1x%2").arg(frameWidth).arg(frameHeight) : QStringLiteral("unknown");
    }
};

} // namespace photopeak
