// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitPngWriter.h"

#include "io/AtomicFile.h"

#include <QtEndian>

#include <array>

namespace photopeak {

namespace {
quint32 crc32(const QByteArray &data)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xFFFFFFFFu;
    for (char b : data)
        c = table[(c ^ quint8(b)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void chunk(QByteArray &out, const char *type, const QByteArray &data)
{
    char len[4];
    qToBigEndian(quint32(data.size()), len);
    out.append(len, 4);
    const QByteArray body = QByteArray(type, 4) + data;
    out += body;
    char crc[4];
    qToBigEndian(crc32(body), crc);
    out.append(crc, 4);
}
} // namespace

QByteArray HitPngWriter::encodeRows(int width, int height, int bitDepth, const QByteArray &rows)
{
    QByteArray out("\x89PNG\r\n\x1a\n", 8);
    QByteArray ihdr(13, '\0');
    qToBigEndian(quint32(width), ihdr.data());
    qToBigEndian(quint32(height), ihdr.data() + 4);
    ihdr[8] = char(bitDepth);
    ihdr[9] = 0;  // greyscale
    chunk(out, "IHDR", ihdr);
    chunk(out, "IDAT", qCompress(rows, 9).mid(4));  // qCompress prefixes the zlib stream with its length
    chunk(out, "IEND", {});
    return out;
}

QByteArray HitPngWriter::encode(const HitImage &image)
{
    QByteArray rows;
    rows.reserve((image.width + 1) * image.height);
    for (int y = 0; y < image.height; ++y) {
        rows.append('\0');  // filter: none
        rows.append(reinterpret_cast<const char *>(image.pixels.data()) + size_t(y) * image.width, image.width);
    }
    return encodeRows(image.width, image.height, 8, rows);
}

QByteArray HitPngWriter::encode16(int width, int height, const std::vector<quint16> &values)
{
    QByteArray rows;
    for (int y = 0; y < height; ++y) {
        rows.append('\0');
        for (int x = 0; x < width; ++x) {
            char be[2];
            qToBigEndian(values[size_t(y) * width + x], be);
            rows.append(be, 2);
        }
    }
    return encodeRows(width, height, 16, rows);
}

Status HitPngWriter::write(const QString &path, const HitImage &image)
{
    return writeFileAtomically(path, encode(image));
}

} // namespace photopeak
