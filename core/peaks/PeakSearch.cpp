// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "peaks/PeakSearch.h"

#include <algorithm>
#include <cmath>

namespace photopeak {

namespace {

struct Filtered {
    double value = 0.0;
    double sigma = 0.0;
    double height = 0.0;
};

Filtered filterAt(const std::vector<double> &y, int i, double fwhm)
{
    const int n = static_cast<int>(y.size());
    const double s = fwhm / 2.3548;
    const int half = std::max(2, static_cast<int>(std::ceil(3.0 * s)));
    // Kernel values, made zero-sum over the truncated support.
    double mean = 0.0;
    std::vector<double> k(2 * half + 1);
    for (int j = -half; j <= half; ++j) {
        const double u = j / s;
        k[j + half] = (1.0 - u * u) * std::exp(-0.5 * u * u);
        mean += k[j + half];
    }
    mean /= static_cast<double>(k.size());
    double sv = 0.0, var = 0.0, resp = 0.0;
    for (int j = -half; j <= half; ++j) {
        const double kj = k[j + half] - mean;
        const int idx = std::clamp(i + j, 0, n - 1);
        sv += kj * y[idx];
        var += kj * kj * std::max(y[idx], 1.0);
        const double u = j / s;
        resp += kj * std::exp(-0.5 * u * u);  // response to a unit-height Gaussian
    }
    Filtered f;
    f.value = sv;
    f.sigma = std::sqrt(var);
    f.height = resp > 0.0 ? sv / resp : 0.0;
    return f;
}

} // namespace

PeakSearch::FwhmFunction PeakSearch::sqrtWidth(double g, double minFwhm)
{
    return [g, minFwhm](double ch) { return std::max(minFwhm, g * std::sqrt(std::max(ch, 0.0))); };
}

std::vector<double> PeakSearch::significance(const std::vector<double> &counts, const FwhmFunction &fwhmChannels) const
{
    const int n = static_cast<int>(counts.size());
    std::vector<double> z(n, 0.0);
    const int first = std::clamp(m_options.firstChannel, 0, n);
    const int last = m_options.lastChannel < 0 ? n : std::clamp(m_options.lastChannel, first, n);
    for (int i = first; i < last; ++i) {
        const double w = std::max(m_options.minFwhmChannels, fwhmChannels(i + 0.5));
        const Filtered f = filterAt(counts, i, w);
        z[i] = f.sigma > 0.0 ? f.value / f.sigma : 0.0;
    }
    return z;
}

std::vector<PeakCandidate> PeakSearch::find(const std::vector<double> &counts, const FwhmFunction &fwhmChannels) const
{
    std::vector<PeakCandidate> out;
    const int n = static_cast<int>(counts.size());
    if (n < 5)
        return out;
    const std::vector<double> z = significance(counts, fwhmChannels);
    const int first = std::clamp(m_options.firstChannel, 0, n);
    const int last = m_options.lastChannel < 0 ? n : std::clamp(m_options.lastChannel, first, n);
    for (int i = std::max(first, 1); i < last - 1; ++i) {
        if (z[i] < m_options.minSignificance || z[i] < z[i - 1] || z[i] <= z[i + 1])
            continue;
        // A local maximum must dominate half a FWHM on either side (one candidate per peak).
        const double w = std::max(m_options.minFwhmChannels, fwhmChannels(i + 0.5));
        const int reach = std::max(1, static_cast<int>(0.5 * w));
        bool dominant = true;
        for (int j = std::max(first, i - reach); j <= std::min(last - 1, i + reach) && dominant; ++j)
            dominant = j == i || z[j] < z[i] || (z[j] == z[i] && j > i);
        if (!dominant)
            continue;
        // Sub-channel position from a parabola through the three filter values.
        const double a = z[i - 1], b = z[i], c = z[i + 1];
        const double den = a - 2.0 * b + c;
        const double shift = den < 0.0 ? std::clamp(0.5 * (a - c) / den, -0.5, 0.5) : 0.0;
        PeakCandidate pc;
        pc.channel = i + 0.5 + shift;
        pc.significance = z[i];
        pc.fwhmChannels = w;
        pc.height = filterAt(counts, i, w).height;
        out.push_back(pc);
    }
    return out;
}

} // namespace photopeak
