// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "numerics/NnlsSolver.h"

#include "numerics/Nnls.h"

#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace photopeak {

namespace {
using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
constexpr int kMax = NnlsSolver::MaxComponents;
} // namespace

NnlsSolver::NnlsSolver(const std::vector<double> &loadings, int components, int channels, int firstChannel)
    : m_k(components), m_n(channels), m_c0(std::max(0, firstChannel))
{
    if (!isValid() || loadings.size() < static_cast<size_t>(components) * static_cast<size_t>(channels)) {
        m_k = 0;
        return;
    }
    const int m = m_n - m_c0;
    m_rows.resize(static_cast<size_t>(m_k) * static_cast<size_t>(m));
    for (int k = 0; k < m_k; ++k)
        std::copy_n(loadings.data() + static_cast<size_t>(k) * m_n + m_c0, m, m_rows.data() + static_cast<size_t>(k) * m);
    Eigen::Map<const RowMatrix> A(m_rows.data(), m_k, m);
    m_gram.resize(static_cast<size_t>(m_k) * m_k);
    Eigen::Map<RowMatrix> G(m_gram.data(), m_k, m_k);
    G.noalias() = A * A.transpose();
    m_design = WeightedGram::fromRows(m_rows.data(), m_k, m, 0, m);
    buildSubsetInverses();
}

void NnlsSolver::buildSubsetInverses()
{
    if (m_k > MaxPrecomputed)
        return;
    m_subsetOffset.assign(size_t(1) << m_k, -1);
    Eigen::Map<const RowMatrix> G(m_gram.data(), m_k, m_k);
    for (unsigned mask = 1; mask < (1u << m_k); ++mask) {
        int idx[kMax], n = 0;
        for (int k = 0; k < m_k; ++k)
            if (mask >> k & 1u)
                idx[n++] = k;
        Eigen::MatrixXd sub(n, n);
        for (int a = 0; a < n; ++a)
            for (int c = 0; c < n; ++c)
                sub(a, c) = G(idx[a], idx[c]);
        // Same singularity rule as the Cholesky path: a pivot below 1e-13 of its diagonal element.
        double z[kMax], b[kMax] = {}, scratch[kMax * kMax];
        if (!Nnls::solveSubset(m_gram.data(), b, m_k, idx, n, 0.0, z, scratch))
            continue;
        const Eigen::MatrixXd inv = sub.llt().solve(Eigen::MatrixXd::Identity(n, n));
        m_subsetOffset[mask] = int(m_subsetInverse.size());
        for (int a = 0; a < n; ++a)
            for (int c = 0; c < n; ++c)
                m_subsetInverse.push_back(inv(a, c));
    }
}

double NnlsSolver::conditionEstimate() const
{
    if (!isValid())
        return std::numeric_limits<double>::infinity();
    const Eigen::MatrixXd G = Eigen::Map<const RowMatrix>(m_gram.data(), m_k, m_k);
    const Eigen::VectorXd ev = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(G, Eigen::EigenvaluesOnly).eigenvalues();
    const double lo = ev.minCoeff(), hi = ev.maxCoeff();
    return lo > hi * 1e-15 ? hi / lo : std::numeric_limits<double>::infinity();
}

void NnlsSolver::project(const double *spectrum, double *b) const
{
    m_design.project(spectrum + m_c0, b);
}

void NnlsSolver::weightedNormal(const double *spectrum, const double *weights, double *G, double *b) const
{
    m_design.build(weights + m_c0, spectrum + m_c0, G, b);
}

void NnlsSolver::weightedGram(const double *weights, double *G) const
{
    m_design.build(weights + m_c0, nullptr, G, nullptr);
}

int NnlsSolver::solve(const double *spectrum, double *x) const
{
    double b[kMax];
    project(spectrum, b);
    return solveNormalPrecomputed(b, x);
}

int NnlsSolver::solveWeighted(const double *spectrum, const double *weights, double *x, const double *start) const
{
    double G[kMax * kMax], b[kMax], from[kMax];
    weightedNormal(spectrum, weights, G, b);
    Nnls::Settings settings;
    if (start) {  // copied: x and start may be the same array
        std::copy_n(start, m_k, from);
        settings.start = from;
    }
    return Nnls::solve(G, b, m_k, x, settings);
}

int NnlsSolver::solveMany(const double *spectra, int count, int stride, double *X) const
{
    constexpr int kChunk = 2048;
    const int m = m_n - m_c0;
    Eigen::Map<const RowMatrix> A(m_rows.data(), m_k, m);
    Eigen::MatrixXd B(m_k, std::min(count, kChunk));  // one allocation per call, column per spectrum
    int failures = 0;
    for (int start = 0; start < count; start += kChunk) {
        const int n = std::min(kChunk, count - start);
        Eigen::Map<const RowMatrix, 0, Eigen::OuterStride<>> S(spectra + static_cast<size_t>(start) * stride + m_c0, n, m,
                                                              Eigen::OuterStride<>(stride));
        B.leftCols(n).noalias() = A * S.transpose();
        for (int i = 0; i < n; ++i)
            if (solveNormalPrecomputed(B.col(i).data(), X + static_cast<size_t>(start + i) * m_k) < 0)
                ++failures;
    }
    return failures;
}

int NnlsSolver::solveNormal(const double *G, const double *b, int K, double *x)
{
    return Nnls::solve(G, b, K, x);
}

int NnlsSolver::solveNormalPrecomputed(const double *b, double *x) const
{
    Nnls::Settings settings;
    if (!m_subsetOffset.empty()) {
        settings.subsetInverses = m_subsetInverse.data();
        settings.subsetOffsets = m_subsetOffset.data();
    }
    return Nnls::solve(m_gram.data(), b, m_k, x, settings);
}

int NnlsSolver::solveNormalPrecomputed(const double *b, double *x, unsigned guess) const
{
    const int K = m_k;
    if (guess == 0 || m_subsetOffset.empty() || guess >= m_subsetOffset.size() || m_subsetOffset[guess] < 0)
        return solveNormalPrecomputed(b, x);
    int p[kMax], m = 0;
    for (int k = 0; k < K; ++k)
        if (guess >> k & 1u)
            p[m++] = k;
    const double *inverse = m_subsetInverse.data() + m_subsetOffset[guess];
    double z[kMax] = {}, scale = 0.0;
    for (int r = 0; r < m; ++r) {
        double v = 0.0;
        for (int c = 0; c < m; ++c)
            v += inverse[r * m + c] * b[p[c]];
        if (!(v > 0.0))
            return solveNormalPrecomputed(b, x);
        z[p[r]] = v;
    }
    for (int k = 0; k < K; ++k)
        scale = std::max(scale, std::abs(b[k]));
    const double tol = 64.0 * std::numeric_limits<double>::epsilon() * K * scale;  // as in Nnls::solve
    const double *G = m_gram.data();
    for (int j = 0; j < K; ++j) {
        if (guess >> j & 1u)
            continue;
        double w = b[j];
        for (int k = 0; k < K; ++k)
            w -= G[j * K + k] * z[k];
        if (w > tol)
            return solveNormalPrecomputed(b, x);
    }
    std::copy_n(z, K, x);
    return 0;
}

} // namespace photopeak
