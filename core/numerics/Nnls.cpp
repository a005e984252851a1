// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "numerics/Nnls.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace photopeak {

bool Nnls::solveSubset(const double *G, const double *b, int K, const int *p, int m, double ridge, double *zP,
                       double *c)
{
    // c: m x m lower Cholesky factor (scratch of at least m * m values).
    for (int r = 0; r < m; ++r) {
        for (int col = 0; col <= r; ++col) {
            double v = G[p[r] * K + p[col]] + (r == col ? ridge : 0.0);
            for (int t = 0; t < col; ++t)
                v -= c[r * m + t] * c[col * m + t];
            if (col == r) {
                if (ridge > 0.0) {
                    c[r * m + r] = std::sqrt(std::max(v, ridge));
                } else {
                    const double scale = G[p[r] * K + p[r]];
                    if (!(v > 1e-13 * scale) || !(scale > 0.0))
                        return false;
                    c[r * m + r] = std::sqrt(v);
                }
            } else {
                c[r * m + col] = v / c[col * m + col];
            }
        }
    }
    for (int r = 0; r < m; ++r) {  // L y = b_P
        double v = b[p[r]];
        for (int t = 0; t < r; ++t)
            v -= c[r * m + t] * zP[t];
        zP[r] = v / c[r * m + r];
    }
    for (int r = m - 1; r >= 0; --r) {  // L^T z = y
        double v = zP[r];
        for (int t = r + 1; t < m; ++t)
            v -= c[t * m + r] * zP[t];
        zP[r] = v / c[r * m + r];
    }
    return true;
}

int Nnls::solve(const double *G, const double *b, int K, double *x, const Settings &settings)
{
    if (K <= 0)
        return 0;
    // Scratch: on the stack for small K, else one allocation.
    constexpr int S = StackComponents;
    double stackD[S * S + 3 * S];
    int stackI[S];
    char stackC[2 * S];
    std::vector<double> heapD;
    std::vector<int> heapI;
    std::vector<char> heapC;
    double *chol = stackD;
    int *p = stackI;
    char *inP = stackC;
    if (K > S) {
        heapD.resize(size_t(K) * K + 3 * size_t(K));
        heapI.resize(size_t(K));
        heapC.resize(2 * size_t(K));
        chol = heapD.data();
        p = heapI.data();
        inP = heapC.data();
    }
    double *z = chol + size_t(K) * K, *zP = z + K;
    char *blocked = inP + K;
    const char *allowed = settings.allowed;
    const double *inverses = K <= S ? settings.subsetInverses : nullptr;
    const int *offsets = settings.subsetOffsets;

    double scale = 0.0;
    for (int k = 0; k < K; ++k) {
        x[k] = 0.0;
        inP[k] = blocked[k] = 0;
        scale = std::max(scale, std::abs(b[k]));
    }
    const double tol = settings.tolerance >= 0.0 ? settings.tolerance : 64.0 * std::numeric_limits<double>::epsilon() * K * scale;
    const int maxIterations = 3 * K + 10;

    // Solves on the passive set and steps back into the feasible region until every passive x is positive.
    // `entered`: the column that just entered (-1 for a warm start). False: that column was blocked.
    auto restoreFeasible = [&](int entered) -> int {
        bool first = entered >= 0;
        for (int inner = 0;; ++inner) {
            int m = 0;
            for (int k = 0; k < K; ++k)
                if (inP[k])
                    p[m++] = k;
            bool solved;
            if (inverses) {
                unsigned mask = 0;
                for (int r = 0; r < m; ++r)
                    mask |= 1u << p[r];
                const int off = offsets[mask];
                solved = off >= 0;
                if (solved)
                    for (int r = 0; r < m; ++r) {
                        const double *row = inverses + off + r * m;
                        double v = 0.0;
                        for (int c = 0; c < m; ++c)
                            v += row[c] * b[p[c]];
                        zP[r] = v;
                    }
            } else {
                solved = solveSubset(G, b, K, p, m, settings.ridge, zP, chol);
            }
            if (!solved) {
                if (entered < 0) {  // a singular warm start: start cold
                    for (int k = 0; k < K; ++k)
                        x[k] = 0.0, inP[k] = 0;
                    return 1;
                }
                // The new column is collinear with the active ones: it cannot improve the fit.
                inP[entered] = 0;
                blocked[entered] = 1;
                return 1;
            }
            std::fill(z, z + K, 0.0);
            bool feasible = true;
            for (int r = 0; r < m; ++r) {
                z[p[r]] = zP[r];
                feasible = feasible && zP[r] > 0.0;
            }
            if (feasible) {
                std::copy(z, z + K, x);
                std::fill(blocked, blocked + K, char(0));
                return 1;
            }
            if (first && !(z[entered] > 0.0)) {
                // Rounding made the gradient of `entered` look positive; Lawson-Hanson: ignore it and look again.
                inP[entered] = 0;
                blocked[entered] = 1;
                return 1;
            }
            first = false;
            if (inner > maxIterations)
                return -1;
            double alpha = 1.0;
            int leaving = -1;
            for (int r = 0; r < m; ++r) {
                const int j = p[r];
                if (z[j] <= 0.0) {
                    const double a = x[j] / (x[j] - z[j]);
                    if (a < alpha) {
                        alpha = a;
                        leaving = j;
                    }
                }
            }
            for (int r = 0; r < m; ++r) {
                const int j = p[r];
                x[j] += alpha * (z[j] - x[j]);
                if (j == leaving || x[j] <= 0.0) {
                    x[j] = 0.0;
                    inP[j] = 0;
                }
            }
        }
    };

    if (settings.start) {
        bool warm = false;
        for (int k = 0; k < K; ++k)
            if ((!allowed || allowed[k]) && settings.start[k] > 0.0) {
                x[k] = settings.start[k];
                inP[k] = 1;
                warm = true;
            }
        if (warm && restoreFeasible(-1) < 0)
            return -1;
    }
    int iterations = 0;
    for (;;) {
        int jmax = -1;
        double wmax = tol;
        for (int j = 0; j < K; ++j) {
            if (inP[j] || blocked[j] || (allowed && !allowed[j]))
                continue;
            double w = b[j];
            for (int k = 0; k < K; ++k)
                w -= G[j * K + k] * x[k];
            if (w > wmax) {
                wmax = w;
                jmax = j;
            }
        }
        if (jmax < 0)
            return iterations;
        if (++iterations > maxIterations)
            return -1;
        inP[jmax] = 1;
        if (restoreFeasible(jmax) < 0)
            return -1;
    }
}

} // namespace photopeak
