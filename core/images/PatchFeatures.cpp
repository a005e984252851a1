// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "images/PatchFeatures.h"

#include <algorithm>
#include <cmath>

namespace photopeak {

namespace {
double safeLog(double v) { return std::log(std::max(v, 0.1)); }
double clamp(double v, double lo, double hi) { return std::isfinite(v) ? std::clamp(v, lo, hi) : 0.0; }
} // namespace

const QStringList &PatchFeatures::names()
{
    static const QStringList n = {
        QStringLiteral("log_snr"), QStringLiteral("log_box_snr"), QStringLiteral("log_pixels"),
        QStringLiteral("peak_share"), QStringLiteral("width"), QStringLiteral("ellipticity"),
        QStringLiteral("ring1"), QStringLiteral("ring2"), QStringLiteral("ring3"),
        QStringLiteral("neighbour_min"), QStringLiteral("neighbour_max"), QStringLiteral("masked_share"),
        QStringLiteral("centroid_offset"), QStringLiteral("flat_top"),
    };
    return n;
}

void PatchFeatures::compute(const ImageFrame &frame, const PixelMask &mask, const BraggCandidate &c, double *out)
{
    const double peak = std::max(c.maxIntensity, 1e-9);
    const double bg = c.background;
    const bool useMask = mask.width == frame.width && mask.height == frame.height && !mask.isEmpty();
    double ring[4] = {0, 0, 0, 0};
    int ringN[4] = {0, 0, 0, 0};
    int unusable = 0, flat = 0;
    for (int dy = -3; dy <= 3; ++dy)
        for (int dx = -3; dx <= 3; ++dx) {
            const int x = c.peakX + dx, y = c.peakY + dy;
            if (!frame.contains(x, y) || (useMask && !mask.isGood(x, y)) || !std::isfinite(frame.at(x, y))) {
                ++unusable;
                continue;
            }
            const double v = frame.at(x, y) - bg;
            const int r = std::max(std::abs(dx), std::abs(dy));
            ring[r] += v;
            ++ringN[r];
            if (r <= 1 && v >= 0.95 * peak)
                ++flat;
        }
    double nMin = 1e300, nMax = -1e300;
    for (const auto &[dx, dy] : {std::pair{1, 0}, std::pair{-1, 0}, std::pair{0, 1}, std::pair{0, -1}}) {
        const int x = c.peakX + dx, y = c.peakY + dy;
        if (!frame.contains(x, y) || (useMask && !mask.isGood(x, y)))
            continue;
        const double v = (frame.at(x, y) - bg) / peak;
        nMin = std::min(nMin, v);
        nMax = std::max(nMax, v);
    }
    if (nMin > nMax)
        nMin = nMax = 0.0;
    const double trace = c.mxx + c.myy;
    const double disc = std::sqrt(std::max(0.0, 0.25 * (c.mxx - c.myy) * (c.mxx - c.myy) + c.mxy * c.mxy));
    const double l1 = 0.5 * trace + disc, l2 = std::max(0.0, 0.5 * trace - disc);
    out[0] = safeLog(c.snr);
    out[1] = safeLog(c.boxSnr);
    out[2] = std::log(double(std::max(c.pixels, 1)));
    out[3] = clamp(c.maxIntensity / std::max(c.integrated, 1e-9), 0.0, 2.0);
    out[4] = std::sqrt(std::max(trace, 0.0));
    out[5] = l1 > 1e-12 ? 1.0 - std::sqrt(l2 / l1) : 0.0;
    for (int r = 1; r <= 3; ++r)
        out[5 + r] = ringN[r] > 0 ? clamp(ring[r] / ringN[r] / peak, -2.0, 2.0) : 0.0;
    out[9] = clamp(nMin, -2.0, 2.0);
    out[10] = clamp(nMax, -2.0, 2.0);
    out[11] = unusable / 49.0;
    out[12] = std::min(3.0, std::hypot(c.x - c.peakX, c.y - c.peakY));
    out[13] = flat / 9.0;
}

void PatchFeatures::patch(const ImageFrame &frame, const PixelMask &mask, const BraggCandidate &c, float *out)
{
    const int half = PatchSize / 2;
    const bool useMask = mask.width == frame.width && mask.height == frame.height && !mask.isEmpty();
    const double noise = std::max(c.noise, 1e-9);
    for (int dy = -half; dy <= half; ++dy)
        for (int dx = -half; dx <= half; ++dx) {
            const int x = c.peakX + dx, y = c.peakY + dy;
            float v = 0.0f;
            if (frame.contains(x, y) && (!useMask || mask.isGood(x, y)) && std::isfinite(frame.at(x, y)))
                v = static_cast<float>(std::asinh((frame.at(x, y) - c.background) / noise / 3.0));
            out[(dy + half) * PatchSize + (dx + half)] = v;
        }
}

} // namespace photopeak
