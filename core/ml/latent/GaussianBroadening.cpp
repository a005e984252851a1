// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/latent/GaussianBroadening.h"

#include <algorithm>
#include <cmath>

namespace photopeak {

namespace {
// Antiderivative of the standard normal CDF: G(u) = u Phi(u) + phi(u).
double normalCdfIntegral(double u)
{
    constexpr double invSqrt2 = 0.70710678118654752440, invSqrt2Pi = 0.39894228040143267794;
    return u * 0.5 * std::erfc(-u * invSqrt2) + invSqrt2Pi * std::exp(-0.5 * u * u);
}

// Fraction of a uniform density on [l, h] that lands in [L, H] after convolution with N(0, s^2).
// (1 / (h - l)) * integral_l^h [Phi((H - x) / s) - Phi((L - x) / s)] dx, with
// integral_l^h Phi((c - x) / s) dx = s [G((c - l) / s) - G((c - h) / s)].
double transferred(double l, double h, double L, double H, double s)
{
    if (s <= 0.0)
        return std::max(0.0, std::min(h, H) - std::max(l, L)) / (h - l);
    auto part = [&](double c) { return s * (normalCdfIntegral((c - l) / s) - normalCdfIntegral((c - h) / s)); };
    return std::max(0.0, (part(H) - part(L)) / (h - l));
}
} // namespace

GaussianBroadening::GaussianBroadening(const EnergyGrid &grid, double a, double b)
{
    const int n = grid.binCount();
    const std::vector<double> &e = grid.edges();
    m_first.assign(size_t(n), 0);
    m_weights.assign(size_t(n), {});
    for (int j = 0; j < n; ++j) {
        const double s = std::sqrt(std::max(0.0, a + b * std::max(grid.center(j), 0.0)));
        const double lo = e[size_t(j)] - 8.0 * s, hi = e[size_t(j) + 1] + 8.0 * s;
        const int first = int(std::max<std::ptrdiff_t>(0, std::upper_bound(e.begin(), e.end(), lo) - e.begin() - 1));
        int last = int(std::lower_bound(e.begin(), e.end(), hi) - e.begin());
        last = std::min(last, n);  // exclusive
        m_first[size_t(j)] = first;
        std::vector<double> &w = m_weights[size_t(j)];
        for (int t = first; t < last; ++t)
            w.push_back(transferred(e[size_t(j)], e[size_t(j) + 1], e[size_t(t)], e[size_t(t) + 1], s));
    }
}

GaussianBroadening GaussianBroadening::atReference(const EnergyGrid &grid, double sigmaAtRef, double refKeV)
{
    return GaussianBroadening(grid, 0.0, sigmaAtRef * sigmaAtRef / refKeV);
}

void GaussianBroadening::apply(const double *in, double *out) const
{
    const int n = binCount();
    std::fill(out, out + n, 0.0);
    for (int j = 0; j < n; ++j) {
        const double v = in[j];
        if (v == 0.0)
            continue;
        const std::vector<double> &w = m_weights[size_t(j)];
        double *o = out + m_first[size_t(j)];
        for (size_t t = 0; t < w.size(); ++t)
            o[t] += v * w[t];
    }
}

std::vector<double> GaussianBroadening::apply(const std::vector<double> &in) const
{
    std::vector<double> out(in.size());
    apply(in.data(), out.data());
    return out;
}

} // namespace photopeak
