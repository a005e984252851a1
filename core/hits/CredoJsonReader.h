// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "hits/HitCollection.h"

namespace photopeak {

// CREDO detection exports: {"detections": [{"id", "device_id", "timestamp", "x", "y", "width", "height",
// "frame_content": base64 PNG/JPEG, ...}, ...]} (or a bare array of detections). An optional "class" or
// "label" field labels a detection. Detections whose frame is missing or undecodable are listed as problems.
class CredoJsonReader {
public:
    static Result<HitCollection> read(const QString &path, const HitReadOptions &options = {});
};

} // namespace photopeak
