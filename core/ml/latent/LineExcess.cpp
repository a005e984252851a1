// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/latent/LineExcess.h"

#include <algorithm>
#include <cmath>

namespace photopeak {

LineExcess::LineExcess(const EnergyGrid &grid, int minChannel, double sigma2PerKeV, double maxIsotopeFraction)
    : m_n(grid.binCount()), m_c0(minChannel), m_b(sigma2PerKeV), m_maxIso(maxIsotopeFraction)
{
    if (!(m_b > 0.0) || m_n <= m_c0)
        return;
    const std::vector<double> &e = grid.edges();
    for (int j = m_c0; j < m_n; ++j) {
        const double centre = 0.5 * (e[size_t(j)] + e[size_t(j) + 1]), width = e[size_t(j) + 1] - e[size_t(j)];
        const double fwhm = 2.3548 * std::sqrt(m_b * std::max(centre, 1.0));
        const int h = std::max(0, int(std::lround(0.5 * fwhm / width)));
        const int lo = j - h - (h + 1), hi = j + h + (h + 1) + 1;
        if (lo < m_c0 || hi > m_n)
            continue;
        m_channel.push_back(j);
        m_centreLo.push_back(j - h);
        m_centreHi.push_back(j + h + 1);
        m_lo.push_back(lo);
        m_hi.push_back(hi);
        m_centreWeight.push_back(1.0 / (2 * h + 1));
        m_bandWeight.push_back(0.5 / (h + 1));  // both side bands have the same width
    }
    m_prefix.resize(3 * size_t(m_n + 1));
}

double LineExcess::largest(const double *s, const double *d, const double *iso, int *channel) const
{
    if (channel)
        *channel = -1;
    if (!isValid())
        return 0.0;
    double *R = m_prefix.data(), *D = R + (m_n + 1), *I = D + (m_n + 1);
    R[0] = D[0] = I[0] = 0.0;
    for (int i = 0; i < m_n; ++i) {
        R[i + 1] = R[i] + (s[i] - d[i]);
        D[i + 1] = D[i] + std::max(d[i], 1.0);
        I[i + 1] = I[i] + std::max(iso[i], 0.0);
    }
    // Largest f / sqrt(v) over f > 0, compared as f^2 > best^2 v: no square root or division per channel.
    double bestF2 = 0.0, bestV = 1.0;
    int bestChannel = -1;
    for (size_t u = 0; u < m_channel.size(); ++u) {
        const int lo = m_lo[u], cl = m_centreLo[u], ch = m_centreHi[u], hi = m_hi[u];
        // Without branches until a new best (rare): the two tests below are data-dependent coin flips.
        const bool isotopeFree = !(I[hi] - I[lo] > m_maxIso * (D[hi] - D[lo]));
        const double a = m_centreWeight[u], b = m_bandWeight[u];
        const double f = a * (R[ch] - R[cl]) - b * ((R[cl] - R[lo]) + (R[hi] - R[ch]));
        const double f2 = isotopeFree && f > 0.0 ? f * f : 0.0;
        const double v = a * a * (D[ch] - D[cl]) + b * b * ((D[cl] - D[lo]) + (D[hi] - D[ch]));
        if (f2 * bestV > bestF2 * v) {
            bestF2 = f2;
            bestV = v;
            bestChannel = m_channel[u];
        }
    }
    const double best = bestChannel >= 0 ? std::sqrt(bestF2 / bestV) : 0.0;
    if (channel)
        *channel = bestChannel;
    return best;
}

} // namespace photopeak
