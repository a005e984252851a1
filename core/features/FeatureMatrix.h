// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <cstddef>
#include <vector>

namespace photopeak {

// Row-major table of feature vectors: one row per spectrum, one column per feature.
struct FeatureMatrix {
    int rows = 0;
    int cols = 0;
    std::vector<double> data;

    FeatureMatrix() = default;
    FeatureMatrix(int r, int c) : rows(r), cols(c), data(static_cast<size_t>(r) * static_cast<size_t>(c), 0.0) {}

    double *row(int r) { return data.data() + static_cast<size_t>(r) * static_cast<size_t>(cols); }
    const double *row(int r) const { return data.data() + static_cast<size_t>(r) * static_cast<size_t>(cols); }
    double &at(int r, int c) { return row(r)[c]; }
    double at(int r, int c) const { return row(r)[c]; }
    // Rows picked by index, in the given order.
    FeatureMatrix select(const std::vector<int> &rowIndices) const
    {
        FeatureMatrix out(static_cast<int>(rowIndices.size()), cols);
        for (size_t i = 0; i < rowIndices.size(); ++i)
            for (int c = 0; c < cols; ++c)
                out.at(static_cast<int>(i), c) = at(rowIndices[i], c);
        return out;
    }
};

} // namespace photopeak
