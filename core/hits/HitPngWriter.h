// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "hits/HitImage.h"
#include "util/Result.h"

#include <QByteArray>

#include <vector>

namespace photopeak {

// Minimal greyscale PNG encoder (zlib through qCompress): crops for the demo set, cluster sheets written by
// the command line and test files. 8-bit from a HitImage; 16-bit only to produce files other tools write.
class HitPngWriter {
public:
    static QByteArray encode(const HitImage &image);
    static QByteArray encode16(int width, int height, const std::vector<quint16> &values);
    static Status write(const QString &path, const HitImage &image);

private:
    static QByteArray encodeRows(int width, int height, int bitDepth, const QByteArray &rows);
};

} // namespace photopeak
