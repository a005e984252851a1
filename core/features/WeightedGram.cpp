#include "features/WeightedGram.h"

#include <cstring>

namespace photopeak {

namespace {
typedef double V4 __attribute__((vector_size(32)));

// Rows j0, j0 + 1 of G and, in the first block, h: for every segment the padded template row t (NV vectors of
// four) times w t[j] (and w y). Two rows per pass keep 2 NV accumulators in registers.
template <int NV>
__attribute__((target_clones("arch=x86-64-v3", "default"))) void gramKernel(const double *rows, int segments, int columns,
                                                                            const double *w, const double *y, double *G,
                                                                            double *h)
{
    constexpr int P = 4 * NV;
    for (int j0 = 0; j0 < columns; j0 += 2) {
        const bool second = j0 + 1 < columns;
        const bool withH = j0 == 0;
        V4 a0[NV], a1[NV], ah[NV];
        for (int c = 0; c < NV; ++c)
            a0[c] = a1[c] = ah[c] = V4{0.0, 0.0, 0.0, 0.0};
        for (int s = 0; s < segments; ++s) {
            const double *t = rows + static_cast<size_t>(s) * P;
            const double f0 = w[s] * t[j0], f1 = second ? w[s] * t[j0 + 1] : 0.0, fy = withH ? w[s] * y[s] : 0.0;
            for (int c = 0; c < NV; ++c) {
                V4 v;
                std::memcpy(&v, t + 4 * c, sizeof v);
                a0[c] += v * f0;
                a1[c] += v * f1;
                if (withH)
                    ah[c] += v * fy;
            }
        }
        double r0[P], r1[P], rh[P];
        std::memcpy(r0, a0, sizeof r0);
        std::memcpy(r1, a1, sizeof r1);
        std::memcpy(rh, ah, sizeof rh);
        std::memcpy(G + static_cast<size_t>(j0) * columns, r0, sizeof(double) * static_cast<size_t>(columns));
        if (second)
            std::memcpy(G + static_cast<size_t>(j0 + 1) * columns, r1, sizeof(double) * static_cast<size_t>(columns));
        if (withH)
            std::memcpy(h, rh, sizeof(double) * static_cast<size_t>(columns));
    }
}

void plainGram(const double *rows, int segments, int columns, int padded, const double *w, const double *y, double *G,
               double *h)
{
    std::memset(G, 0, sizeof(double) * static_cast<size_t>(columns) * columns);
    std::memset(h, 0, sizeof(double) * static_cast<size_t>(columns));
    for (int s = 0; s < segments; ++s) {
        const double *t = rows + static_cast<size_t>(s) * padded;
        for (int j = 0; j < columns; ++j) {
            const double f = w[s] * t[j];
            h[j] += f * y[s];
            for (int k = 0; k < columns; ++k)
                G[static_cast<size_t>(j) * columns + k] += f * t[k];
        }
    }
}
} // namespace

WeightedGram::WeightedGram(const std::vector<double> &columnMajor, int segments, int columns)
    : m_segments(segments), m_columns(columns), m_padded((columns + 3) / 4 * 4)
{
    m_rows.assign(static_cast<size_t>(segments) * m_padded, 0.0);
    for (int k = 0; k < columns; ++k)
        for (int s = 0; s < segments; ++s)
            m_rows[static_cast<size_t>(s) * m_padded + k] = columnMajor[static_cast<size_t>(k) * segments + s];
}

void WeightedGram::build(const double *weights, const double *values, double *G, double *h) const
{
    const double *rows = m_rows.data();
    switch (m_padded / 4) {
    case 1: gramKernel<1>(rows, m_segments, m_columns, weights, values, G, h); return;
    case 2: gramKernel<2>(rows, m_segments, m_columns, weights, values, G, h); return;
    case 3: gramKernel<3>(rows, m_segments, m_columns, weights, values, G, h); return;
    case 4: gramKernel<4>(rows, m_segments, m_columns, weights, values, G, h); return;
    case 5: gramKernel<5>(rows, m_segments, m_columns, weights, values, G, h); return;
    case 6: gramKernel<6>(rows, m_segments, m_columns, weights, values, G, h); return;
    case 7: gramKernel<7>(rows, m_segments, m_columns, weights, values, G, h); return;
    case 8: gramKernel<8>(rows, m_segments, m_columns, weights, values, G, h); return;
    default: plainGram(rows, m_segments, m_columns, m_padded, weights, values, G, h); return;
    }
}

} // namespace photopeak
