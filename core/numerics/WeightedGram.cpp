// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "numerics/WeightedGram.h"

#include "numerics/SimdKernels.h"

#include <cstddef>

namespace photopeak {

WeightedGram::WeightedGram(const std::vector<double> &columnMajor, int segments, int columns)
    : m_segments(segments), m_columns(columns), m_padded((columns + 3) / 4 * 4)
{
    m_rows.assign(static_cast<size_t>(segments) * m_padded, 0.0);
    for (int k = 0; k < columns; ++k)
        for (int s = 0; s < segments; ++s)
            m_rows[static_cast<size_t>(s) * m_padded + k] = columnMajor[static_cast<size_t>(k) * segments + s];
}

WeightedGram WeightedGram::fromRows(const double *rowMajor, int columns, int stride, int first, int segments)
{
    WeightedGram g;
    g.m_segments = segments;
    g.m_columns = columns;
    g.m_padded = (columns + 3) / 4 * 4;
    g.m_rows.assign(static_cast<size_t>(segments) * g.m_padded, 0.0);
    for (int k = 0; k < columns; ++k)
        for (int s = 0; s < segments; ++s)
            g.m_rows[static_cast<size_t>(s) * g.m_padded + k] = rowMajor[static_cast<size_t>(k) * stride + first + s];
    return g;
}

void WeightedGram::build(const double *weights, const double *values, double *G, double *h) const
{
    simd::weightedGram(m_rows.data(), m_segments, m_padded, m_columns, weights, values, G, h);
}

void WeightedGram::project(const double *s, double *b) const
{
    simd::project(m_rows.data(), m_segments, m_padded, m_columns, s, b);
}

} // namespace photopeak
