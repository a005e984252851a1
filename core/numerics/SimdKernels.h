// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

namespace photopeak::simd {

// The vector kernels of the numerics module, each compiled for AVX2+FMA (x86-64-v3) and for the baseline; the
// loader picks the clone the CPU runs. Both work on one layout: a design matrix stored row-major with `padded`
// (a multiple of 4) values per row (channel or segment), unused columns zero.

// b[j] = sum_i A[i][j] s[i] for the columns j in [0, columns), columns <= padded. Each column's sum runs in the
// same order whatever its position in the row and the row's width (four channel streams, then (0+1)+(2+3)), so
// a column gives the same bits alone or stacked beside others.
void project(const double *A, int rows, int padded, int columns, const double *s, double *b);

// G = A^T diag(w) A (columns x columns, row-major, full) and h = A^T diag(w) y, columns <= padded. y may be
// null (h is then not written).
void weightedGram(const double *A, int rows, int padded, int columns, const double *w, const double *y, double *G,
                  double *h);

} // namespace photopeak::simd
