// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureMatrix.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace photopeak {

// Per-feature scaling fitted on training rows and stored with the model, so prediction computes exactly
// what training computed. ZScore: (x - mean) / sd. MinMax: (x - min) / (max - min). QuantileNormal: the
// empirical CDF of the training values (up to 1000 quantiles, ties split as sklearn's QuantileTransformer
// does) mapped through the inverse normal CDF, clipped at the 1e-7 tails; values outside the training
// range map to the tails. A constant feature maps to 0.
class FeatureNormalizer {
public:
    enum class Method { None, ZScore, MinMax, QuantileNormal };

    static QString methodName(Method m);
    static bool parseMethod(const QString &name, Method *out);

    // rows: the training rows of x (empty = all).
    static FeatureNormalizer fit(Method method, const FeatureMatrix &x, const std::vector<int> &rows = {},
                                 int maxQuantiles = 1000);

    Method method() const { return m_method; }
    int dimension() const { return m_dim; }
    void apply(double *row) const;
    void apply(FeatureMatrix &x) const;
    // One feature over many values (a column of a chunk): the same numbers as apply() gives, faster.
    void applyColumn(int feature, const double *in, double *out, qint64 count) const;

    QJsonObject toJson() const;
    static Result<FeatureNormalizer> fromJson(const QJsonObject &json, int expectedDimension, const QString &source);

    // Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9).
    static double normalQuantile(double p);

private:
    double transform(int feature, double x) const;
    double quantileProbability(int feature, double x) const;
    void buildBuckets();

    Method m_method = Method::None;
    int m_dim = 0;
    std::vector<double> m_a, m_b;                   // mean/sd or min/max
    std::vector<std::vector<double>> m_quantiles;   // per feature, at m_references
    std::vector<double> m_references;
    // Per feature: for each of BucketCount equal slices of [first, last quantile], the first quantile index
    // not below the slice's start, so a value finds its place in a step or two instead of a binary search.
    std::vector<std::vector<int>> m_buckets;
    std::vector<double> m_bucketScale;
};

} // namespace photopeak
