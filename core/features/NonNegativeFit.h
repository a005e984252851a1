// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <vector>

namespace photopeak {

// Non-negative least squares min |A x - b|^2, x >= 0, from the normal equations G = A^T A, h = A^T b
// (numerics/Nnls, the project's one Lawson-Hanson solver, with a tiny ridge so that collinear templates share).
// Small K (tens of columns): G and h are built once per spectrum (numerics/WeightedGram) and reused for fits on
// column subsets. Columns with allowed[j] == false stay at zero.
class NonNegativeFit {
public:
    // G: K x K row-major, h: K values. Returns x (K values). `start` (optional): a non-negative solution of
    // a related problem (e.g. with more columns allowed) to start from; the result is the same optimum.
    static std::vector<double> solve(const std::vector<double> &G, const std::vector<double> &h, int K,
                                     const std::vector<char> &allowed, const std::vector<double> *start = nullptr);
    // Reduction of the residual sum of squares achieved by x: 2 x.h - x.G.x (b^T b cancels out).
    static double reduction(const std::vector<double> &G, const std::vector<double> &h, const std::vector<double> &x);
};

} // namespace photopeak
