#include "ml/latent/NnlsSolver.h"

#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace photopeak {

namespace {
typedef double V4 __attribute__((vector_size(32)));

// b[0..4 NV) = sum_i A[i][.] s[i] with A channel-major, 4 NV values per channel. Four channels in flight,
// each with its own accumulators, so that the FMA latency is hidden. Compiled for AVX2+FMA and for the
// baseline; the loader picks the clone the CPU runs.
template <int NV>
__attribute__((target_clones("arch=x86-64-v3", "default"))) void projectKernel(const double *A, const double *s, int m,
                                                                              double *b)
{
    V4 acc[4][NV];
    for (int u = 0; u < 4; ++u)
        for (int k = 0; k < NV; ++k)
            acc[u][k] = V4{0.0, 0.0, 0.0, 0.0};
    int i = 0;
    for (; i + 4 <= m; i += 4)
        for (int u = 0; u < 4; ++u) {
            const double v = s[i + u];
            for (int k = 0; k < NV; ++k) {
                V4 a;
                std::memcpy(&a, A + (size_t(i + u) * NV + k) * 4, sizeof a);
                acc[u][k] += a * v;
            }
        }
    for (; i < m; ++i)
        for (int k = 0; k < NV; ++k) {
            V4 a;
            std::memcpy(&a, A + (size_t(i) * NV + k) * 4, sizeof a);
            acc[0][k] += a * s[i];
        }
    for (int k = 0; k < NV; ++k) {
        const V4 t = (acc[0][k] + acc[1][k]) + (acc[2][k] + acc[3][k]);
        std::memcpy(b + 4 * k, &t, sizeof t);
    }
}

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
constexpr int kMax = NnlsSolver::MaxComponents;

// Solves G_PP z_P = b_P for the indices p[0..m) by Cholesky on the stack. False if G_PP is (numerically)
// singular, i.e. the selected loadings are collinear.
bool solveSubset(const double *G, const double *b, int K, const int *p, int m, double *zP)
{
    double c[kMax][kMax];
    for (int r = 0; r < m; ++r) {
        for (int col = 0; col <= r; ++col) {
            double v = G[p[r] * K + p[col]];
            for (int t = 0; t < col; ++t)
                v -= c[r][t] * c[col][t];
            if (col == r) {
                const double scale = G[p[r] * K + p[r]];
                if (!(v > 1e-13 * scale) || !(scale > 0.0))
                    return false;
                c[r][r] = std::sqrt(v);
            } else {
                c[r][col] = v / c[col][col];
            }
        }
    }
    double y[kMax];
    for (int r = 0; r < m; ++r) {
        double v = b[p[r]];
        for (int t = 0; t < r; ++t)
            v -= c[r][t] * y[t];
        y[r] = v / c[r][r];
    }
    for (int r = m - 1; r >= 0; --r) {
        double v = y[r];
        for (int t = r + 1; t < m; ++t)
            v -= c[t][r] * zP[t];
        zP[r] = v / c[r][r];
    }
    return true;
}
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
    m_padded = (m_k + 3) / 4 * 4;
    m_columns.assign(size_t(m) * m_padded, 0.0);
    for (int i = 0; i < m; ++i)
        for (int k = 0; k < m_k; ++k)
            m_columns[size_t(i) * m_padded + k] = m_rows[size_t(k) * m + i];
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
        double z[kMax], b[kMax] = {};
        int p[kMax];
        for (int a = 0; a < n; ++a)
            p[a] = idx[a];
        if (!solveSubset(m_gram.data(), b, m_k, p, n, z))
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
    const int m = m_n - m_c0;
    double out[kMax];
    switch (m_padded / 4) {
    case 1: projectKernel<1>(m_columns.data(), spectrum + m_c0, m, out); break;
    case 2: projectKernel<2>(m_columns.data(), spectrum + m_c0, m, out); break;
    case 3: projectKernel<3>(m_columns.data(), spectrum + m_c0, m, out); break;
    default: projectKernel<4>(m_columns.data(), spectrum + m_c0, m, out); break;
    }
    std::copy_n(out, m_k, b);
}

void NnlsSolver::weightedNormal(const double *spectrum, const double *weights, double *G, double *b) const
{
    const int m = m_n - m_c0;
    Eigen::Map<const Eigen::ArrayXd> w(weights + m_c0, m), s(spectrum + m_c0, m);
    for (int j = 0; j < m_k; ++j) {
        Eigen::Map<const Eigen::ArrayXd> aj(m_rows.data() + static_cast<size_t>(j) * m, m);
        b[j] = (aj * w * s).sum();
        for (int k = 0; k <= j; ++k) {
            Eigen::Map<const Eigen::ArrayXd> ak(m_rows.data() + static_cast<size_t>(k) * m, m);
            G[j * m_k + k] = G[k * m_k + j] = (aj * w * ak).sum();
        }
    }
}

int NnlsSolver::solve(const double *spectrum, double *x) const
{
    double b[kMax];
    project(spectrum, b);
    return solveNormalPrecomputed(b, x);
}

int NnlsSolver::solveWeighted(const double *spectrum, const double *weights, double *x) const
{
    double G[kMax * kMax], b[kMax];
    weightedNormal(spectrum, weights, G, b);
    return solveNormal(G, b, m_k, x);
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
    return activeSet(G, b, K, x, nullptr, nullptr);
}

int NnlsSolver::solveNormalPrecomputed(const double *b, double *x) const
{
    if (m_subsetOffset.empty())
        return activeSet(m_gram.data(), b, m_k, x, nullptr, nullptr);
    return activeSet(m_gram.data(), b, m_k, x, m_subsetInverse.data(), m_subsetOffset.data());
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
    const double tol = 64.0 * std::numeric_limits<double>::epsilon() * K * scale;  // as in activeSet
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

int NnlsSolver::activeSet(const double *G, const double *b, int K, double *x, const double *inverses, const int *offsets)
{
    bool inP[kMax] = {}, blocked[kMax] = {};
    int p[kMax];
    double z[kMax], zP[kMax];
    double scale = 0.0;
    for (int k = 0; k < K; ++k) {
        x[k] = 0.0;
        scale = std::max(scale, std::abs(b[k]));
    }
    // Gradient entries below this are rounding noise of b - Gx (relative to |b|).
    const double tol = 64.0 * std::numeric_limits<double>::epsilon() * K * scale;
    const int maxIterations = 3 * K + 10;
    int iterations = 0;
    for (;;) {
        int jmax = -1;
        double wmax = tol;
        for (int j = 0; j < K; ++j) {
            if (inP[j] || blocked[j])
                continue;
            double w = b[j];
            for (int k = 0; k < K; ++k)
                w -= G[j * K + k] * x[k];
            if (w > wmax) {
                wmax = w;
                jmax = j;
            }
        }
        if (jmax < 0)
            return iterations;
        if (++iterations > maxIterations)
            return -1;
        inP[jmax] = true;
        bool first = true;
        for (int inner = 0;; ++inner) {
            int m = 0;
            for (int k = 0; k < K; ++k)
                if (inP[k])
                    p[m++] = k;
            bool solved;
            if (inverses) {
                unsigned mask = 0;
                for (int r = 0; r < m; ++r)
                    mask |= 1u << p[r];
                const int off = offsets[mask];
                solved = off >= 0;
                if (solved)
                    for (int r = 0; r < m; ++r) {
                        const double *row = inverses + off + r * m;
                        double v = 0.0;
                        for (int c = 0; c < m; ++c)
                            v += row[c] * b[p[c]];
                        zP[r] = v;
                    }
            } else {
                solved = solveSubset(G, b, K, p, m, zP);
            }
            if (!solved) {
                // The new component is collinear with the active ones: it cannot improve the fit.
                inP[jmax] = false;
                blocked[jmax] = true;
                break;
            }
            std::fill(z, z + K, 0.0);
            bool feasible = true;
            for (int r = 0; r < m; ++r) {
                z[p[r]] = zP[r];
                feasible = feasible && zP[r] > 0.0;
            }
            if (feasible) {
                std::copy(z, z + K, x);
                std::fill(blocked, blocked + K, false);
                break;
            }
            if (first && !(z[jmax] > 0.0)) {
                // Rounding made w_jmax look positive; Lawson-Hanson: ignore this index and look again.
                inP[jmax] = false;
                blocked[jmax] = true;
                break;
            }
            first = false;
            if (inner > maxIterations)
                return -1;
            double alpha = 1.0;
            int leaving = -1;
            for (int r = 0; r < m; ++r) {
                const int j = p[r];
                if (z[j] <= 0.0) {
                    const double a = x[j] / (x[j] - z[j]);
                    if (a < alpha) {
                        alpha = a;
                        leaving = j;
                    }
                }
            }
            for (int r = 0; r < m; ++r) {
                const int j = p[r];
                x[j] += alpha * (z[j] - x[j]);
                if (j == leaving || x[j] <= 0.0) {
                    x[j] = 0.0;
                    inP[j] = false;
                }
            }
        }
    }
}

} // namespace photopeak
