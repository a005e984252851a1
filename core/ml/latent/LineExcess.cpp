// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/latent/LineExcess.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace photopeak {

namespace {
typedef double V2 __attribute__((vector_size(16)));
typedef long long M2 __attribute__((vector_size(16)));

V2 load2(const double *p)
{
    V2 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

void store2(double *p, V2 v)
{
    std::memcpy(p, &v, sizeof v);
}
} // namespace

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
        ++m_usable;
        if (!m_runs.empty() && m_runs.back().h == h && m_runs.back().first + m_runs.back().count == j) {
            ++m_runs.back().count;
            continue;
        }
        m_runs.push_back({j, 1, h, 1.0 / (2 * h + 1), 0.5 / (h + 1)});  // both side bands have the same width
    }
    m_prefix.resize(3 * size_t(m_n + 1) + 2 * size_t(m_usable));
}

double LineExcess::largest(const double *s, const double *d, const double *iso, int *channel) const
{
    if (channel)
        *channel = -1;
    if (!isValid())
        return 0.0;
    double *R = m_prefix.data(), *D = R + (m_n + 1), *I = D + (m_n + 1);
    double *F2 = I + (m_n + 1), *V = F2 + m_usable;
    R[0] = D[0] = I[0] = 0.0;
    for (int i = 0; i < m_n; ++i) {
        R[i + 1] = R[i] + (s[i] - d[i]);
        D[i + 1] = D[i] + std::max(d[i], 1.0);
        I[i + 1] = I[i] + std::max(iso[i], 0.0);
    }
    // The filter of every usable channel, run by run: channel j's window sums at offsets from j.
    int u = 0;
    for (const Run &run : m_runs) {
        const int h = run.h, count = run.count;
        const double a = run.centreWeight, b = run.bandWeight, maxIso = m_maxIso;
        const int j0 = run.first;
        const double *Rlo = R + (j0 - 2 * h - 1), *Rcl = R + (j0 - h), *Rch = R + (j0 + h + 1), *Rhi = R + (j0 + 2 * h + 2);
        const double *Dlo = D + (j0 - 2 * h - 1), *Dcl = D + (j0 - h), *Dch = D + (j0 + h + 1), *Dhi = D + (j0 + 2 * h + 2);
        const double *Ilo = I + (j0 - 2 * h - 1), *Ihi = I + (j0 + 2 * h + 2);
        double *f2Out = F2 + u, *vOut = V + u;
        const double aa = a * a, bb = b * b;
        // Two channels per step (SSE2 vectors: the same IEEE operations per lane as the scalar tail).
        const V2 av = {a, a}, bv = {b, b}, aav = {aa, aa}, bbv = {bb, bb}, iv = {maxIso, maxIso}, zero = {0.0, 0.0};
        int t = 0;
        for (; t + 2 <= count; t += 2) {
            const V2 rlo = load2(Rlo + t), rcl = load2(Rcl + t), rch = load2(Rch + t), rhi = load2(Rhi + t);
            const V2 dlo = load2(Dlo + t), dcl = load2(Dcl + t), dch = load2(Dch + t), dhi = load2(Dhi + t);
            const M2 notFree = load2(Ihi + t) - load2(Ilo + t) > iv * (dhi - dlo);
            const V2 f = av * (rch - rcl) - bv * ((rcl - rlo) + (rhi - rch));
            const V2 counted = ((f > zero) & ~notFree) != 0 ? f : zero;
            store2(f2Out + t, counted * counted);
            store2(vOut + t, aav * (dch - dcl) + bbv * ((dcl - dlo) + (dhi - dch)));
        }
        for (; t < count; ++t) {
            const bool isotopeFree = !(Ihi[t] - Ilo[t] > maxIso * (Dhi[t] - Dlo[t]));
            const double f = a * (Rch[t] - Rcl[t]) - b * ((Rcl[t] - Rlo[t]) + (Rhi[t] - Rch[t]));
            f2Out[t] = isotopeFree && f > 0.0 ? f * f : 0.0;
            vOut[t] = aa * (Dch[t] - Dcl[t]) + bb * ((Dcl[t] - Dlo[t]) + (Dhi[t] - Dch[t]));
        }
        u += count;
    }
    // Largest f / sqrt(v) over f > 0, compared as f^2 > best^2 v (the first of equals): no square root or
    // division per channel.
    double bestF2 = 0.0, bestV = 1.0;
    int best = -1;
    for (int k = 0; k < m_usable; ++k)
        if (F2[k] * bestV > bestF2 * V[k]) {
            bestF2 = F2[k];
            bestV = V[k];
            best = k;
        }
    int bestChannel = -1;
    if (best >= 0)
        for (const Run &run : m_runs) {
            if (best < run.count) {
                bestChannel = run.first + best;
                break;
            }
            best -= run.count;
        }
    const double result = bestChannel >= 0 ? std::sqrt(bestF2 / bestV) : 0.0;
    if (channel)
        *channel = bestChannel;
    return result;
}

} // namespace photopeak
