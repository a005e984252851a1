// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <vector>

namespace photopeak {

// Normal equations of a weighted least-squares fit with a fixed design matrix T (segments x K) and a new weight
// vector per spectrum: G = T^T diag(w) T (K x K, row-major, full) and h = T^T diag(w) y. T is stored once,
// segment-major and padded to a multiple of four columns, for the vector kernels of numerics/SimdKernels
// (which also project, b = T^T s, from the same storage). The one Gram builder of the project: template
// features, the library-template fit and the latent model's weighted fit and Fisher information use it.
class WeightedGram {
public:
    WeightedGram() = default;
    // `columnMajor`: column k holds segments values contiguously (as FeatureExtractor stores its templates).
    WeightedGram(const std::vector<double> &columnMajor, int segments, int columns);
    // `rowMajor` with `stride` values per column (column k starts at k * stride), segments [first, first + segments).
    static WeightedGram fromRows(const double *rowMajor, int columns, int stride, int first, int segments);

    int segments() const { return m_segments; }
    int columns() const { return m_columns; }
    int padded() const { return m_padded; }
    bool isEmpty() const { return m_columns == 0; }
    const double *data() const { return m_rows.data(); }  // segments x padded()

    // G: columns x columns, h: columns; weights and values: one per segment. values may be null (h untouched).
    void build(const double *weights, const double *values, double *G, double *h) const;
    // b = T^T s (columns values); s: one value per segment.
    void project(const double *s, double *b) const;

private:
    int m_segments = 0, m_columns = 0, m_padded = 0;
    std::vector<double> m_rows;  // segment-major, m_padded values per segment, zero padding
};

} // namespace photopeak
