// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "features/NonNegativeFit.h"

#include "numerics/Nnls.h"

#include <algorithm>
#include <cmath>

namespace photopeak {

std::vector<double> NonNegativeFit::solve(const std::vector<double> &G, const std::vector<double> &h, int K,
                                          const std::vector<char> &allowed, const std::vector<double> *start)
{
    std::vector<double> x(static_cast<size_t>(std::max(K, 0)), 0.0);
    if (K <= 0)
        return x;
    double trace = 0.0, hmax = 0.0;
    for (int i = 0; i < K; ++i) {
        trace += G[static_cast<size_t>(i * K + i)];
        hmax = std::max(hmax, std::abs(h[static_cast<size_t>(i)]));
    }
    Nnls::Settings settings;
    settings.allowed = allowed.data();
    settings.start = start && start->size() == x.size() ? start->data() : nullptr;
    // Template columns can be nearly collinear (continua, neighbouring lines): a tiny ridge lets them share.
    settings.ridge = 1e-12 * std::max(trace, 1e-300);
    settings.tolerance = 1e-12 * std::max(1.0, hmax);
    Nnls::solve(G.data(), h.data(), K, x.data(), settings);
    return x;
}

double NonNegativeFit::reduction(const std::vector<double> &G, const std::vector<double> &h, const std::vector<double> &x)
{
    const size_t K = x.size();
    double xh = 0.0, xGx = 0.0;
    for (size_t i = 0; i < K; ++i) {
        if (x[i] == 0.0)
            continue;
        xh += x[i] * h[i];
        for (size_t j = 0; j < K; ++j)
            xGx += x[i] * G[i * K + j] * x[j];
    }
    return 2.0 * xh - xGx;
}

} // namespace photopeak
