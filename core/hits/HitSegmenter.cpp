// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitSegmenter.h"

#include <algorithm>
#include <array>

namespace photopeak {

bool ThresholdOptions::parseMethod(const QString &name, ThresholdMethod *out)
{
    if (name.compare(QLatin1String("otsu"), Qt::CaseInsensitive) == 0)
        *out = ThresholdMethod::Otsu;
    else if (name.compare(QLatin1String("fixed"), Qt::CaseInsensitive) == 0)
        *out = ThresholdMethod::Fixed;
    else
        return false;
    return true;
}

QString ThresholdOptions::methodName(ThresholdMethod m)
{
    return m == ThresholdMethod::Otsu ? QStringLiteral("otsu") : QStringLiteral("fixed");
}

int HitSegmenter::otsuLevel(const HitImage &image)
{
    std::array<double, 256> hist{};
    for (quint8 g : image.pixels)
        hist[g] += 1.0;
    const double n = double(image.pixels.size());
    double total = 0.0;
    for (int g = 0; g < 256; ++g)
        total += g * hist[g];
    double w0 = 0.0, sum0 = 0.0, best = -1.0;
    int level = 0;
    for (int t = 0; t < 255; ++t) {
        w0 += hist[t];
        sum0 += t * hist[t];
        const double w1 = n - w0;
        if (w0 == 0.0 || w1 == 0.0)
            continue;
        const double m0 = sum0 / w0, m1 = (total - sum0) / w1;
        const double between = w0 * w1 * (m0 - m1) * (m0 - m1);
        if (between > best) {
            best = between;
            level = t;
        }
    }
    return level;
}

int HitSegmenter::level(const HitImage &image, const ThresholdOptions &options)
{
    if (options.method == ThresholdMethod::Fixed)
        return options.fixedLevel;
    return std::max(otsuLevel(image), options.minimumLevel);
}

void HitSegmenter::segment(const HitImage &image, const ThresholdOptions &options, HitSegments &out,
                           std::vector<quint8> &mask)
{
    // A flood fill over a byte mask: on 60 x 60 crops this is several times faster than copying into a dlib
    // image for label_connected_blobs, and it leaves each component's pixels contiguous for the features.
    const int w = image.width, h = image.height, n = w * h;
    out.level = level(image, options);
    out.pixels.clear();
    out.components.clear();
    out.main = -1;
    mask.resize(size_t(n));
    const quint8 lv = quint8(std::clamp(out.level, 0, 255));
    for (int i = 0; i < n; ++i)
        mask[i] = image.pixels[i] > lv && out.level < 255;
    out.pixels.reserve(size_t(n));
    double bestBrightness = -1.0;
    for (int seed = 0; seed < n; ++seed) {
        if (!mask[seed])
            continue;
        const int first = int(out.pixels.size());
        mask[seed] = 0;
        out.pixels.push_back(seed);
        double brightness = 0.0;
        for (size_t k = size_t(first); k < out.pixels.size(); ++k) {
            const int p = out.pixels[k];
            brightness += image.pixels[p];
            const int x = p % w, y = p / w;
            for (int dy = -1; dy <= 1; ++dy) {
                const int yy = y + dy;
                if (yy < 0 || yy >= h)
                    continue;
                for (int dx = -1; dx <= 1; ++dx) {
                    const int xx = x + dx;
                    if (xx < 0 || xx >= w)
                        continue;
                    const int q = yy * w + xx;
                    if (mask[q]) {
                        mask[q] = 0;
                        out.pixels.push_back(q);
                    }
                }
            }
        }
        const int area = int(out.pixels.size()) - first;
        if (area < options.minimumArea) {
            out.pixels.resize(size_t(first));
            continue;
        }
        out.components.push_back({area, brightness, first});
        if (brightness > bestBrightness) {
            bestBrightness = brightness;
            out.main = int(out.components.size()) - 1;
        }
    }
}

} // namespace photopeak
