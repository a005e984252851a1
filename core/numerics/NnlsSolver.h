// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "numerics/WeightedGram.h"

#include <vector>

namespace photopeak {

// Exact non-negative least squares for a small number K of components (K <= MaxComponents):
//     minimise || A x - s ||^2  subject to x >= 0,   A = L[:, c0:]^T  (channels x K)
// numerics/Nnls (Lawson-Hanson active set) run on the normal equations (the "fast NNLS" of Bro and de Jong):
// the K x K Gram matrix G = A^T A is computed once per model, each spectrum costs one K x channels
// mat-vec b = A^T s (numerics/SimdKernels, AVX2 where the CPU has it) plus a few solves of at most K x K with
// inverses precomputed for every subset of components (K <= 10). Nothing is allocated per spectrum.
// The solution is unique when the loadings are linearly independent, so it matches any other exact
// NNLS solver (scipy.optimize.nnls) to rounding.
class NnlsSolver {
public:
    static constexpr int MaxComponents = 16;

    NnlsSolver() = default;
    // `loadings`: K rows of `channels` values, row-major. Only channels [firstChannel, channels) enter the fit.
    NnlsSolver(const std::vector<double> &loadings, int components, int channels, int firstChannel);

    bool isValid() const { return m_k > 0 && m_k <= MaxComponents && m_n > m_c0; }
    int components() const { return m_k; }
    int channels() const { return m_n; }
    int firstChannel() const { return m_c0; }
    const std::vector<double> &gram() const { return m_gram; }  // K x K, row-major
    // Condition number of G (largest / smallest eigenvalue); infinity when the loadings are collinear.
    double conditionEstimate() const;

    // x (K values) for one spectrum of channels() values. Returns the number of active-set iterations,
    // or -1 if the iteration limit was reached (x is then the last feasible iterate).
    int solve(const double *spectrum, double *x) const;
    // Weighted fit: minimise sum_i w_i (s_i - (A x)_i)^2 over channels >= firstChannel; w has channels() values.
    // `start` (optional, K values): a related problem's solution (e.g. the unweighted fit) to start from.
    int solveWeighted(const double *spectrum, const double *weights, double *x, const double *start = nullptr) const;
    // Many spectra at once: `count` rows of channels() values, `stride` doubles apart; X gets count x K.
    // The A^T S product runs as one matrix product. Returns the number of spectra that hit the limit.
    int solveMany(const double *spectra, int count, int stride, double *X) const;

    // The active-set core on the normal equations: minimise 0.5 x'Gx - b'x, x >= 0 (G symmetric positive
    // semi-definite, K x K row-major, K <= MaxComponents).
    static int solveNormal(const double *G, const double *b, int K, double *x);
    // The same, with this solver's precomputed inverses of every principal submatrix of its Gram matrix.
    int solveNormalPrecomputed(const double *b, double *x) const;
    // The same, first trying the active set `guess` (bit mask, e.g. a neighbouring problem's): if its solution is
    // positive and no other component's gradient is positive (the optimality conditions), that is the answer
    // (returns 0); otherwise the active-set method from scratch. Same result, fewer iterations when it holds.
    int solveNormalPrecomputed(const double *b, double *x, unsigned guess) const;

    // A^T s (K values) and (A^T diag(w) A, A^T diag(w) s), exposed for callers that fit variants.
    void project(const double *spectrum, double *b) const;
    void weightedNormal(const double *spectrum, const double *weights, double *G, double *b) const;
    // A^T diag(w) A alone (e.g. the Fisher information of a Poisson fit, w = 1 / model counts).
    void weightedGram(const double *weights, double *G) const;

private:
    void buildSubsetInverses();

    std::vector<double> m_rows;  // K x (channels - c0), row-major, the fitted part of the loadings
    std::vector<double> m_gram;  // K x K
    // Channel-major copy of the fitted loadings for the vector kernels: projection and weighted Gram matrix.
    WeightedGram m_design;
    // For K <= MaxPrecomputed: inverse of G restricted to each subset (bit mask) of components, row-major
    // over the subset's indices in increasing order; offset -1 when that submatrix is singular.
    static constexpr int MaxPrecomputed = 10;
    std::vector<double> m_subsetInverse;
    std::vector<int> m_subsetOffset;
    int m_k = 0;
    int m_n = 0;
    int m_c0 = 0;
};

} // namespace photopeak
