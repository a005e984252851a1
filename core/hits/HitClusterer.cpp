// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitClusterer.h"

#include "hits/GaussianMixture.h"
#include "hits/HitFeatureScaler.h"

#include <dlib/clustering.h>

#include <cmath>

namespace photopeak {

bool ClusterOptions::parseMethod(const QString &name, ClusterMethod *out)
{
    if (name == QLatin1String("kmeans") || name == QLatin1String("k-means"))
        *out = ClusterMethod::KMeans;
    else if (name == QLatin1String("gmm") || name == QLatin1String("mixture"))
        *out = ClusterMethod::GaussianMixture;
    else
        return false;
    return true;
}

QString ClusterOptions::methodName(ClusterMethod m)
{
    return m == ClusterMethod::KMeans ? QStringLiteral("kmeans") : QStringLiteral("gmm");
}

QString ClusterResult::curveTable() const
{
    QString out = QStringLiteral("%1 %2 %3 %4 %5\n").arg(QStringLiteral("k"), 3).arg(QStringLiteral("within-SS"), 12)
                      .arg(QStringLiteral("logL"), 12).arg(QStringLiteral("AIC"), 12).arg(QStringLiteral("BIC"), 12);
    for (const ClusterScore &s : scores)
        out += QStringLiteral("%1 %2 %3 %4 %5%6\n").arg(s.k, 3).arg(s.withinSS, 12, 'f', 1).arg(s.logLikelihood, 12, 'f', 1)
                   .arg(s.aic, 12, 'f', 1).arg(s.bic, 12, 'f', 1).arg(s.k == chosenK ? QStringLiteral("  <- chosen") : QString());
    return out;
}

Result<FeatureMatrix> HitClusterer::prepare(const FeatureMatrix &features, const ClusterOptions &options)
{
    auto scaler = HitFeatureScaler::fit(features, options.features, options.logScale);
    if (!scaler)
        return scaler.error();
    return scaler->apply(features);
}

namespace {
using Sample = dlib::matrix<double, 0, 1>;

struct KMeansFit {
    std::vector<int> assignment;
    double withinSS = 0.0, logL = 0.0;
};

KMeansFit kmeans(const std::vector<Sample> &samples, int k, int d)
{
    KMeansFit fit;
    const int n = int(samples.size());
    std::vector<Sample> centers;
    if (k == 1) {
        Sample m = samples[0] * 0.0;
        for (const Sample &s : samples)
            m += s;
        centers.push_back(m / n);
    } else {
        dlib::pick_initial_centers(k, centers, samples, dlib::linear_kernel<Sample>());
        dlib::find_clusters_using_kmeans(samples, centers, 200);
    }
    fit.assignment.resize(size_t(n));
    std::vector<int> sizes(size_t(k), 0);
    for (int i = 0; i < n; ++i) {
        int best = 0;
        double bestD = 1e300;
        for (int c = 0; c < k; ++c) {
            const double dist = dlib::length_squared(samples[size_t(i)] - centers[size_t(c)]);
            if (dist < bestD) {
                bestD = dist;
                best = c;
            }
        }
        fit.assignment[size_t(i)] = best;
        fit.withinSS += bestD;
        ++sizes[size_t(best)];
    }
    // Spherical Gaussians, one variance (maximum likelihood), mixing weights n_c / n.
    const double variance = std::max(fit.withinSS / (double(n) * d), 1e-12);
    fit.logL = -0.5 * n * d * (std::log(2.0 * 3.14159265358979323846 * variance) + 1.0);
    for (int s : sizes)
        if (s > 0)
            fit.logL += s * std::log(double(s) / n);
    return fit;
}
} // namespace

Result<ClusterResult> HitClusterer::run(const FeatureMatrix &features, const ClusterOptions &options, const JobControl *job)
{
    auto prepared = prepare(features, options);
    if (!prepared)
        return prepared.error();
    const FeatureMatrix &x = *prepared;
    const int n = x.rows, d = x.cols;
    const int kMin = std::max(1, options.kMin), kMax = std::min(options.kMax, n);
    if (n < 2 || kMax < kMin)
        return makeError(QStringLiteral("clustering"), QStringLiteral("%1 hits are too few for k = %2..%3").arg(n).arg(kMin).arg(options.kMax));
    std::vector<Sample> samples(static_cast<size_t>(n), Sample(static_cast<long>(d)));
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < d; ++j)
            samples[size_t(i)](j) = x.at(i, j);

    ClusterResult result;
    result.method = options.method;
    result.features = options.features;
    std::vector<std::vector<int>> assignments;
    std::vector<FeatureMatrix> memberships;
    for (int k = kMin; k <= kMax; ++k) {
        if (JobControl::cancelled(job))
            return makeError(QStringLiteral("clustering"), QStringLiteral("cancelled"));
        JobControl::report(job, k - kMin, kMax - kMin + 1, QStringLiteral("k = %1").arg(k));
        const KMeansFit km = kmeans(samples, k, d);
        ClusterScore s;
        s.k = k;
        s.withinSS = km.withinSS;
        if (options.method == ClusterMethod::KMeans) {
            const double p = double(k - 1) + double(k) * d + 1.0;  // weights, centres, one variance
            s.logLikelihood = km.logL;
            s.aic = -2.0 * km.logL + 2.0 * p;
            s.bic = -2.0 * km.logL + p * std::log(double(n));
            FeatureMatrix m(n, k);
            for (int i = 0; i < n; ++i)
                m.at(i, km.assignment[size_t(i)]) = 1.0;
            assignments.push_back(km.assignment);
            memberships.push_back(std::move(m));
        } else {
            auto g = GaussianMixture::fit(x, k, km.assignment);
            if (!g)
                return g.error();
            s.logLikelihood = g->logLikelihood();
            s.aic = g->aic();
            s.bic = g->bic();
            assignments.push_back(g->assignments());
            memberships.push_back(g->responsibilities());
        }
        result.scores.push_back(s);
    }
    size_t chosen = 0;
    if (options.k > 0) {
        if (options.k < kMin || options.k > kMax)
            return makeError(QStringLiteral("clustering"), QStringLiteral("k = %1 is outside %2..%3").arg(options.k).arg(kMin).arg(kMax));
        chosen = size_t(options.k - kMin);
    } else {
        for (size_t i = 1; i < result.scores.size(); ++i)
            if (result.scores[i].bic < result.scores[chosen].bic)
                chosen = i;
    }
    result.chosenK = result.scores[chosen].k;
    result.assignments = std::move(assignments[chosen]);
    result.membership = std::move(memberships[chosen]);
    return result;
}

} // namespace photopeak
