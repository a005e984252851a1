// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitImageDecoder.h"

#include "io/FileBytes.h"

#include <dlib/image_io.h>
#include <dlib/pixel.h>

#include <QFileInfo>

#include <cmath>

namespace photopeak {

namespace {
constexpr qint64 kMaxBytes = 64ll * 1024 * 1024;

bool isPng(const QByteArray &b) { return b.startsWith("\x89PNG\r\n\x1a\n"); }
bool isJpeg(const QByteArray &b) { return b.size() > 3 && quint8(b[0]) == 0xFF && quint8(b[1]) == 0xD8 && quint8(b[2]) == 0xFF; }

template <typename Loader>
HitImage toGrey(const Loader &loader)
{
    dlib::array2d<dlib::rgb_pixel> rgb;
    loader.get_image(rgb);
    HitImage out(static_cast<int>(rgb.nc()), static_cast<int>(rgb.nr()));
    for (long y = 0; y < rgb.nr(); ++y)
        for (long x = 0; x < rgb.nc(); ++x) {
            const dlib::rgb_pixel p = rgb[y][x];
            out.at(int(x), int(y)) = quint8(std::lround(0.299 * p.red + 0.587 * p.green + 0.114 * p.blue));
        }
    return out;
}
} // namespace

bool HitImageDecoder::isImageFile(const QString &path)
{
    const QString s = QFileInfo(path).suffix().toLower();
    return s == QLatin1String("png") || s == QLatin1String("jpg") || s == QLatin1String("jpeg");
}

Result<HitImage> HitImageDecoder::decodeFile(const QString &path)
{
    QByteArray bytes;
    const Status read = readFileBytes(path, bytes, kMaxBytes);
    if (!read)
        return read.error();
    return decodeBytes(bytes, path);
}

Result<HitImage> HitImageDecoder::decodeBytes(const QByteArray &bytes, const QString &source)
{
    if (bytes.isEmpty())
        return makeError(source, QStringLiteral("empty image (0 bytes)"));
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const size_t size = static_cast<size_t>(bytes.size());
    try {
        HitImage image;
        if (isPng(bytes)) {
            dlib::png_loader loader(data, size);
            if (loader.bit_depth() != 8)
                return makeError(source, QStringLiteral("%1-bit PNG; hit crops must be 8-bit").arg(loader.bit_depth()));
            image = toGrey(loader);
        } else if (isJpeg(bytes)) {
            image = toGrey(dlib::jpeg_loader(data, size));
        } else {
            return makeError(source, QStringLiteral("not a PNG or JPEG image"));
        }
        if (image.isEmpty())
            return makeError(source, QStringLiteral("image has no pixels"));
        return image;
    } catch (const std::exception &e) {
        return makeError(source, QStringLiteral("damaged or truncated image: %1")
                                     .arg(QString::fromLocal8Bit(e.what()).simplified()));
    }
}

} // namespace photopeak
