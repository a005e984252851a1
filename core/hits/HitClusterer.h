// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureMatrix.h"
#include "jobs/JobControl.h"
#include "util/Result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

enum class ClusterMethod { KMeans, GaussianMixture };

struct ClusterOptions {
    ClusterMethod method = ClusterMethod::KMeans;
    QStringList features{QStringLiteral("area"), QStringLiteral("brightness"), QStringLiteral("ellipticity"),
                         QStringLiteral("solidity"), QStringLiteral("skeleton_length")};
    int kMin = 1, kMax = 8;
    int k = 0;             // > 0: use this k; 0: the k with the smallest BIC
    bool logScale = true;  // log(1 + v) of the non-negative size/brightness features before standardising

    static bool parseMethod(const QString &name, ClusterMethod *out);
    static QString methodName(ClusterMethod m);
};

// One candidate k: within-cluster sum of squares (elbow), log-likelihood, AIC and BIC. For k-means the
// likelihood is that of spherical Gaussians with one shared variance (the X-means criterion), so the two
// methods' curves read the same way; the mixture's is its own.
struct ClusterScore {
    int k = 0;
    double withinSS = 0.0, logLikelihood = 0.0, aic = 0.0, bic = 0.0;
};

struct ClusterResult {
    ClusterMethod method = ClusterMethod::KMeans;
    QStringList features;
    std::vector<ClusterScore> scores;   // one per k from kMin to kMax
    int chosenK = 0;
    std::vector<int> assignments;       // cluster of every row for chosenK
    FeatureMatrix membership;           // rows x chosenK: 0/1 for k-means, probabilities for the mixture
    QString curveTable() const;         // k, withinSS, logL, AIC, BIC as aligned text
};

// Clusters hits on chosen columns of the feature table (HitFeatureExtractor::names()), standardised to zero
// mean and unit variance. k-means is dlib's (kmeans++ style seeding, deterministic).
class HitClusterer {
public:
    static Result<ClusterResult> run(const FeatureMatrix &features, const ClusterOptions &options,
                                     const JobControl *job = nullptr);
    // The chosen columns, log-scaled and standardised, as clustered.
    static Result<FeatureMatrix> prepare(const FeatureMatrix &features, const ClusterOptions &options);
};

} // namespace photopeak
