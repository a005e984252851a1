// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureMatrix.h"
#include "util/Result.h"

#include <QtGlobal>

#include <cmath>
#include <vector>

namespace photopeak {

// Gaussian mixture with full covariances fitted by expectation-maximisation (Eigen), started from a k-means
// partition. A small ridge (1e-6 times the feature variance) keeps covariances invertible.
class GaussianMixture {
public:
    // `initial`: cluster index (0..k-1) of every row to start from.
    static Result<GaussianMixture> fit(const FeatureMatrix &x, int k, const std::vector<int> &initial,
                                       int maxIterations = 200, double tolerance = 1e-7);

    int components() const { return int(m_weights.size()); }
    double logLikelihood() const { return m_logLikelihood; }
    // Free parameters: (k - 1) weights + k d means + k d (d + 1) / 2 covariance entries.
    int parameterCount() const;
    double aic() const { return -2.0 * m_logLikelihood + 2.0 * parameterCount(); }
    double bic() const { return -2.0 * m_logLikelihood + parameterCount() * std::log(double(m_rows)); }
    int iterations() const { return m_iterations; }

    // Most probable component of every row, and the membership probabilities (rows x k).
    const std::vector<int> &assignments() const { return m_assignments; }
    const FeatureMatrix &responsibilities() const { return m_resp; }

private:
    std::vector<double> m_weights;
    int m_dim = 0, m_rows = 0, m_iterations = 0;
    double m_logLikelihood = 0.0;
    std::vector<int> m_assignments;
    FeatureMatrix m_resp;
};

} // namespace photopeak
