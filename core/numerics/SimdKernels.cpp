// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "numerics/SimdKernels.h"

#include <cstddef>
#include <cstring>

namespace photopeak::simd {

namespace {
typedef double V4 __attribute__((vector_size(32)));

// An unaligned load of four doubles (a macro: a function returning V4 would change the baseline clone's ABI).
#define PHOTOPEAK_LOAD4(dst, src) \
    V4 dst;                       \
    std::memcpy(&dst, (src), sizeof dst)

// Columns [4 c0, 4 (c0 + NV)) of b. Four channels in flight, each with its own accumulators, so that the FMA
// latency is hidden; channels past the last multiple of four go to the first stream.
template <int NV>
__attribute__((target_clones("arch=x86-64-v3", "default"))) void projectBlock(const double *A, int rows, int padded,
                                                                              int c0, int columns, const double *s,
                                                                              double *b)
{
    V4 acc[4][NV];
    for (int u = 0; u < 4; ++u)
        for (int k = 0; k < NV; ++k)
            acc[u][k] = V4{0.0, 0.0, 0.0, 0.0};
    const double *base = A + 4 * c0;
    int i = 0;
    for (; i + 4 <= rows; i += 4)
        for (int u = 0; u < 4; ++u) {
            const double v = s[i + u];
            const double *row = base + size_t(i + u) * padded;
            for (int k = 0; k < NV; ++k) {
                PHOTOPEAK_LOAD4(a, row + 4 * k);
                acc[u][k] += a * v;
            }
        }
    for (; i < rows; ++i) {
        const double *row = base + size_t(i) * padded;
        for (int k = 0; k < NV; ++k) {
            PHOTOPEAK_LOAD4(a, row + 4 * k);
            acc[0][k] += a * s[i];
        }
    }
    double out[4 * NV];
    for (int k = 0; k < NV; ++k) {
        const V4 t = (acc[0][k] + acc[1][k]) + (acc[2][k] + acc[3][k]);
        std::memcpy(out + 4 * k, &t, sizeof t);
    }
    const int n = columns - 4 * c0 < 4 * NV ? columns - 4 * c0 : 4 * NV;
    std::memcpy(b + 4 * c0, out, sizeof(double) * static_cast<size_t>(n));
}

// Rows j0, j0 + 1 of G and, in the first pass, h: for every row of A the padded row t (NV vectors of four)
// times w t[j] (and w y). Two rows of G per pass keep 2 NV accumulators in registers.
template <int NV>
__attribute__((target_clones("arch=x86-64-v3", "default"))) void gramKernel(const double *A, int rows, int columns,
                                                                            const double *w, const double *y, double *G,
                                                                            double *h)
{
    constexpr int P = 4 * NV;
    for (int j0 = 0; j0 < columns; j0 += 2) {
        const bool second = j0 + 1 < columns;
        const bool withH = j0 == 0 && y != nullptr;
        V4 a0[NV], a1[NV], ah[NV];
        for (int c = 0; c < NV; ++c)
            a0[c] = a1[c] = ah[c] = V4{0.0, 0.0, 0.0, 0.0};
        for (int s = 0; s < rows; ++s) {
            const double *t = A + static_cast<size_t>(s) * P;
            const double f0 = w[s] * t[j0], f1 = second ? w[s] * t[j0 + 1] : 0.0, fy = withH ? w[s] * y[s] : 0.0;
            for (int c = 0; c < NV; ++c) {
                PHOTOPEAK_LOAD4(v, t + 4 * c);
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

// All R = columns rows of G (and h) in one pass over A: each row of A is loaded once and every entry gets the same
// products in the same order as in gramKernel (so the same bits), for small designs whose R x NV accumulators fit
// the registers.
template <int NV, int R>
__attribute__((target_clones("arch=x86-64-v3", "default"))) void gramOnePass(const double *A, int rows, const double *w,
                                                                             const double *y, double *G, double *h)
{
    constexpr int P = 4 * NV;
    V4 acc[R][NV], ah[NV];
    for (int c = 0; c < NV; ++c) {
        ah[c] = V4{0.0, 0.0, 0.0, 0.0};
        for (int j = 0; j < R; ++j)
            acc[j][c] = V4{0.0, 0.0, 0.0, 0.0};
    }
    for (int s = 0; s < rows; ++s) {
        const double *t = A + static_cast<size_t>(s) * P;
        V4 v[NV];
        for (int c = 0; c < NV; ++c)
            std::memcpy(&v[c], t + 4 * c, sizeof(V4));
        for (int j = 0; j < R; ++j) {
            const double f = w[s] * t[j];
            for (int c = 0; c < NV; ++c)
                acc[j][c] += v[c] * f;
        }
        if (y) {
            const double fy = w[s] * y[s];
            for (int c = 0; c < NV; ++c)
                ah[c] += v[c] * fy;
        }
    }
    for (int j = 0; j < R; ++j) {
        double row[P];
        std::memcpy(row, acc[j], sizeof row);
        std::memcpy(G + static_cast<size_t>(j) * R, row, sizeof(double) * R);
    }
    if (y) {
        double row[P];
        std::memcpy(row, ah, sizeof row);
        std::memcpy(h, row, sizeof(double) * R);
    }
}

void plainGram(const double *A, int rows, int columns, int padded, const double *w, const double *y, double *G, double *h)
{
    std::memset(G, 0, sizeof(double) * static_cast<size_t>(columns) * columns);
    if (y)
        std::memset(h, 0, sizeof(double) * static_cast<size_t>(columns));
    for (int s = 0; s < rows; ++s) {
        const double *t = A + static_cast<size_t>(s) * padded;
        for (int j = 0; j < columns; ++j) {
            const double f = w[s] * t[j];
            if (y)
                h[j] += f * y[s];
            for (int k = 0; k < columns; ++k)
                G[static_cast<size_t>(j) * columns + k] += f * t[k];
        }
    }
}
} // namespace

void project(const double *A, int rows, int padded, int columns, const double *s, double *b)
{
    // Blocks of at most three vectors: 4 x 3 accumulators plus the loads fit the 16 vector registers.
    const int vectors = (columns + 3) / 4;
    int c = 0;
    for (; c + 3 <= vectors; c += 3)
        projectBlock<3>(A, rows, padded, c, columns, s, b);
    switch (vectors - c) {
    case 2: projectBlock<2>(A, rows, padded, c, columns, s, b); break;
    case 1: projectBlock<1>(A, rows, padded, c, columns, s, b); break;
    default: break;
    }
}

void weightedGram(const double *A, int rows, int padded, int columns, const double *w, const double *y, double *G, double *h)
{
    // Up to 6 columns (padded to 4 or 8): one pass.
    if (padded == 4) {
        switch (columns) {
        case 1: gramOnePass<1, 1>(A, rows, w, y, G, h); return;
        case 2: gramOnePass<1, 2>(A, rows, w, y, G, h); return;
        case 3: gramOnePass<1, 3>(A, rows, w, y, G, h); return;
        case 4: gramOnePass<1, 4>(A, rows, w, y, G, h); return;
        default: break;
        }
    } else if (padded == 8 && (columns == 5 || columns == 6)) {
        if (columns == 5)
            gramOnePass<2, 5>(A, rows, w, y, G, h);
        else
            gramOnePass<2, 6>(A, rows, w, y, G, h);
        return;
    }
    switch (padded / 4) {
    case 1: gramKernel<1>(A, rows, columns, w, y, G, h); return;
    case 2: gramKernel<2>(A, rows, columns, w, y, G, h); return;
    case 3: gramKernel<3>(A, rows, columns, w, y, G, h); return;
    case 4: gramKernel<4>(A, rows, columns, w, y, G, h); return;
    case 5: gramKernel<5>(A, rows, columns, w, y, G, h); return;
    case 6: gramKernel<6>(A, rows, columns, w, y, G, h); return;
    case 7: gramKernel<7>(A, rows, columns, w, y, G, h); return;
    case 8: gramKernel<8>(A, rows, columns, w, y, G, h); return;
    default: plainGram(A, rows, columns, padded, w, y, G, h); return;
    }
}

} // namespace photopeak::simd
