#pragma once

#include <vector>

namespace photopeak {

// Normal equations of a weighted least-squares fit with a fixed design matrix T (segments x K) and a new weight
// vector per spectrum: G = T^T diag(w) T (K x K, row-major, full) and h = T^T diag(w) y. T is stored once,
// segment-major and padded to a multiple of four columns, for a vector kernel (AVX2+FMA where the CPU has it,
// picked at load time). Up to MaxColumns columns; more fall back to a plain loop.
class WeightedGram {
public:
    static constexpr int MaxColumns = 32;

    WeightedGram() = default;
    // `columnMajor`: column k holds segments values contiguously (as FeatureExtractor stores its templates).
    WeightedGram(const std::vector<double> &columnMajor, int segments, int columns);

    int segments() const { return m_segments; }
    int columns() const { return m_columns; }
    bool isEmpty() const { return m_columns == 0; }

    // G: columns x columns, h: columns; weights and values: one per segment.
    void build(const double *weights, const double *values, double *G, double *h) const;

private:
    int m_segments = 0, m_columns = 0, m_padded = 0;
    std::vector<double> m_rows;  // segment-major, m_padded values per segment, zero padding
};

} // namespace photopeak
