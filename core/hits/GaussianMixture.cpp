// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/GaussianMixture.h"

#include <Eigen/Dense>

#include <cmath>
#include <limits>

namespace photopeak {

int GaussianMixture::parameterCount() const
{
    const int k = components(), d = m_dim;
    return (k - 1) + k * d + k * d * (d + 1) / 2;
}

Result<GaussianMixture> GaussianMixture::fit(const FeatureMatrix &xm, int k, const std::vector<int> &initial,
                                             int maxIterations, double tolerance)
{
    const int n = xm.rows, d = xm.cols;
    if (k < 1 || n < k || d < 1 || int(initial.size()) != n)
        return makeError(QStringLiteral("Gaussian mixture"), QStringLiteral("needs at least k = %1 rows and one feature").arg(k));
    const Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> x(xm.data.data(), n, d);
    const Eigen::RowVectorXd variance = (x.rowwise() - x.colwise().mean()).colwise().squaredNorm() / std::max(1, n - 1);
    const Eigen::VectorXd ridge = (variance.transpose().array() * 1e-6).max(1e-12).matrix();

    Eigen::MatrixXd resp = Eigen::MatrixXd::Zero(n, k);
    for (int i = 0; i < n; ++i)
        resp(i, std::clamp(initial[size_t(i)], 0, k - 1)) = 1.0;

    std::vector<Eigen::VectorXd> mean(size_t(k), Eigen::VectorXd::Zero(d));
    std::vector<Eigen::MatrixXd> cov(size_t(k), Eigen::MatrixXd::Identity(d, d));
    Eigen::VectorXd weight(k);
    Eigen::MatrixXd logp(n, k);
    double previous = -std::numeric_limits<double>::infinity(), logL = 0.0;
    const double log2pi = std::log(2.0 * 3.14159265358979323846);
    int it = 0;
    for (; it < maxIterations; ++it) {
        // M step.
        for (int c = 0; c < k; ++c) {
            const double nc = resp.col(c).sum() + 1e-12;
            weight(c) = nc / n;
            mean[size_t(c)] = (x.transpose() * resp.col(c)) / nc;
            const Eigen::MatrixXd centred = x.rowwise() - mean[size_t(c)].transpose();
            cov[size_t(c)] = (centred.transpose() * centred.cwiseProduct(resp.col(c).replicate(1, d))) / nc;
            cov[size_t(c)].diagonal() += ridge;
        }
        // E step in logs.
        for (int c = 0; c < k; ++c) {
            const Eigen::LLT<Eigen::MatrixXd> llt(cov[size_t(c)]);
            if (llt.info() != Eigen::Success)
                return makeError(QStringLiteral("Gaussian mixture"), QStringLiteral("covariance of component %1 is singular").arg(c + 1));
            const double logDet = 2.0 * llt.matrixL().toDenseMatrix().diagonal().array().log().sum();
            const Eigen::MatrixXd centred = (x.rowwise() - mean[size_t(c)].transpose()).transpose();
            const Eigen::MatrixXd z = llt.matrixL().solve(centred);
            const Eigen::VectorXd maha = z.colwise().squaredNorm().transpose();
            logp.col(c) = (-0.5 * (maha.array() + logDet + d * log2pi) + std::log(std::max(weight(c), 1e-300))).matrix();
        }
        logL = 0.0;
        for (int i = 0; i < n; ++i) {
            const double m = logp.row(i).maxCoeff();
            const double s = (logp.row(i).array() - m).exp().sum();
            logL += m + std::log(s);
            resp.row(i) = (logp.row(i).array() - m).exp() / s;
        }
        if (std::abs(logL - previous) < tolerance * std::abs(logL))
            break;
        previous = logL;
    }

    GaussianMixture g;
    g.m_weights.assign(weight.data(), weight.data() + k);
    g.m_dim = d;
    g.m_rows = n;
    g.m_iterations = it + 1;
    g.m_logLikelihood = logL;
    g.m_resp = FeatureMatrix(n, k);
    g.m_assignments.resize(size_t(n));
    for (int i = 0; i < n; ++i) {
        int best = 0;
        for (int c = 0; c < k; ++c) {
            g.m_resp.at(i, c) = resp(i, c);
            if (resp(i, c) > resp(i, best))
                best = c;
        }
        g.m_assignments[size_t(i)] = best;
    }
    return g;
}

} // namespace photopeak
