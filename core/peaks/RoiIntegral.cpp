// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "peaks/RoiIntegral.h"

#include <algorithm>
#include <cmath>

namespace photopeak {

namespace {
// Mean counts per channel over [a, b) and the variance of that mean (Poisson).
std::pair<double, double> meanLevel(const std::vector<double> &y, int a, int b)
{
    if (b <= a)
        return {0.0, 0.0};
    double s = 0.0;
    for (int i = a; i < b; ++i)
        s += y[static_cast<size_t>(i)];
    const double n = b - a;
    return {s / n, std::max(s, 0.0) / (n * n)};
}
} // namespace

double RoiIntegral::continuumAt(double channel) const
{
    const double a = low, b = high;
    if (b <= a)
        return 0.0;
    const double t = (channel - a) / (b - a);
    return leftLevel + t * (rightLevel - leftLevel);
}

RoiIntegral RoiIntegral::compute(const Spectrum &s, int low, int high, int edgeChannels)
{
    RoiIntegral r;
    const int n = s.channelCount();
    r.low = std::clamp(std::min(low, high), 0, n);
    r.high = std::clamp(std::max(low, high), 0, n);
    if (r.high - r.low < 1)
        return r;
    const std::vector<double> &y = s.counts;
    const int edge = std::max(1, edgeChannels);
    const auto [left, leftVar] = meanLevel(y, std::max(0, r.low - edge), r.low);
    const auto [right, rightVar] = meanLevel(y, r.high, std::min(n, r.high + edge));
    r.edgeChannels = std::min({edge, r.low, n - r.high});
    // At an end of the spectrum the other side's level stands in for the missing one.
    const bool hasLeft = r.low > 0, hasRight = r.high < n;
    r.leftLevel = hasLeft ? left : (hasRight ? right : 0.0);
    r.rightLevel = hasRight ? right : r.leftLevel;
    const double lv = hasLeft ? leftVar : rightVar, rv = hasRight ? rightVar : lv;

    const double width = r.high - r.low;
    for (int i = r.low; i < r.high; ++i)
        r.gross += y[static_cast<size_t>(i)];
    r.grossUnc = std::sqrt(std::max(r.gross, 0.0));
    r.continuum = 0.5 * width * (r.leftLevel + r.rightLevel);
    r.continuumUnc = 0.5 * width * std::sqrt(lv + rv);
    r.net = r.gross - r.continuum;
    r.netUnc = std::sqrt(r.grossUnc * r.grossUnc + r.continuumUnc * r.continuumUnc);

    // Moments of the net counts per channel (channel centres); negative channels count as zero.
    double m0 = 0.0, m1 = 0.0, m2 = 0.0;
    for (int i = r.low; i < r.high; ++i) {
        const double x = i + 0.5;
        const double w = std::max(0.0, y[static_cast<size_t>(i)] - r.continuumAt(x));
        m0 += w;
        m1 += w * x;
    }
    if (m0 > 0.0) {
        r.centroid = m1 / m0;
        for (int i = r.low; i < r.high; ++i) {
            const double x = i + 0.5;
            const double w = std::max(0.0, y[static_cast<size_t>(i)] - r.continuumAt(x));
            m2 += w * (x - r.centroid) * (x - r.centroid);
        }
        const double variance = m2 / m0;
        const double sigma = std::sqrt(variance);
        r.fwhm = 2.354820045 * sigma;
        // Each net count scatters by sigma, and the total fluctuates with its Poisson error: the standard
        // errors of a mean and of a standard deviation from an effective sample of net counts.
        const double nEff = std::max(1.0, r.net > 0.0 ? r.net * r.net / (r.netUnc * r.netUnc) : 1.0);
        r.centroidUnc = sigma / std::sqrt(nEff);
        r.fwhmUnc = r.fwhm / std::sqrt(2.0 * nEff);
    } else {
        r.centroid = 0.5 * (r.low + r.high);
    }
    if (s.hasLiveTime()) {
        r.netRate = r.net / s.liveTime;
        r.netRateUnc = r.netUnc / s.liveTime;
        r.grossRate = r.gross / s.liveTime;
        r.grossRateUnc = r.grossUnc / s.liveTime;
    }
    return r;
}

} // namespace photopeak
