// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

namespace photopeak {

// The one Lawson-Hanson active-set NNLS of the project, on the normal equations:
//     minimise 0.5 x'Gx - b'x  subject to x >= 0        (G = A^T A symmetric positive semi-definite, b = A^T s)
// which is min |A x - s|^2, x >= 0. Any K; nothing is allocated for K <= StackComponents. Used by the latent
// model (NnlsSolver: fixed design, inverses of every subset precomputed) and by template fits (NonNegativeFit:
// a new G per spectrum, column subsets, warm starts).
class Nnls {
public:
    static constexpr int StackComponents = 16;

    struct Settings {
        // Columns with allowed[j] == 0 stay at zero (K flags; null: all allowed).
        const char *allowed = nullptr;
        // A non-negative solution of a related problem (e.g. with more columns allowed) to start from; the
        // result is the same optimum, reached in fewer steps (K values, not aliasing x; null: cold start).
        const double *start = nullptr;
        // 0: a passive set whose Gram submatrix is singular (a pivot below 1e-13 of its diagonal) blocks the
        // entering column (it cannot improve the fit). > 0: this ridge is added to the passive diagonal and
        // pivots are floored at it, so collinear columns share their weight (template fits).
        double ridge = 0.0;
        // Gradient entries below this count as zero; < 0: 64 eps K max|b| (rounding noise of b - Gx).
        double tolerance = -1.0;
        // Optional: inverses of G restricted to each subset (bit mask, K <= 16) of components, row-major over
        // the subset's indices in increasing order, starting at subsetInverses + offsets[mask] (-1: singular).
        const double *subsetInverses = nullptr;
        const int *subsetOffsets = nullptr;
    };

    // x gets K values. Returns the number of active-set iterations, or -1 if the iteration limit was reached
    // (x is then the last feasible iterate).
    static int solve(const double *G, const double *b, int K, double *x, const Settings &settings);
    static int solve(const double *G, const double *b, int K, double *x) { return solve(G, b, K, x, Settings{}); }
    // The singularity rule of Settings::ridge == 0, for callers that precompute subset inverses: Cholesky
    // solve of G_PP z = b_P for the indices p[0..m); false if G_PP is (numerically) singular.
    static bool solveSubset(const double *G, const double *b, int K, const int *p, int m, double ridge, double *zP,
                            double *scratch);
};

} // namespace photopeak
