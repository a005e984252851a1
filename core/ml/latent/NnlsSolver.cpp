#include "ml/latent/NnlsSolver.h"

#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <limits>

namespace photopeak {

namespace {
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
    Eigen::Map<const RowMatrix> A(m_rows.data(), m_k, m);
    Eigen::Map<const Eigen::VectorXd> s(spectrum + m_c0, m);
    Eigen::Map<Eigen::VectorXd>(b, m_k).noalias() = A * s;
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
    return solveNormal(m_gram.data(), b, m_k, x);
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
            if (solveNormal(m_gram.data(), B.col(i).data(), m_k, X + static_cast<size_t>(start + i) * m_k) < 0)
                ++failures;
    }
    return failures;
}

int NnlsSolver::solveNormal(const double *G, const double *b, int K, double *x)
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
            if (!solveSubset(G, b, K, p, m, zP)) {
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
