// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "hits/HitImage.h"
#include "util/Result.h"

#include <QByteArray>
#include <QString>

namespace photopeak {

// PNG and JPEG crops to grey levels (dlib's loaders over libpng/libjpeg). Colour is converted with the
// Rec. 601 luma weights, grey = 0.299 R + 0.587 G + 0.114 B, rounded; alpha is ignored (CREDO crops are
// opaque). Only 8-bit images: a 16-bit PNG is refused rather than silently rescaled.
class HitImageDecoder {
public:
    static Result<HitImage> decodeFile(const QString &path);
    // `source` names the bytes in error messages (a file, or "file.json: detection 12").
    static Result<HitImage> decodeBytes(const QByteArray &bytes, const QString &source);
    // True for the suffixes the decoder reads (png, jpg, jpeg; any case).
    static bool isImageFile(const QString &path);
};

} // namespace photopeak
