// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/FeatureNormalizer.h"

#include "util/JsonNumbers.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace photopeak {

namespace {
constexpr double TailProbability = 1e-7;
constexpr int BucketCount = 4096;

// numpy.percentile (linear) of sorted values at probability p.
double percentile(const std::vector<double> &sorted, double p)
{
    const double pos = p * double(sorted.size() - 1);
    const size_t lo = static_cast<size_t>(std::floor(pos));
    const size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (pos - double(lo)) * (sorted[hi] - sorted[lo]);
}
} // namespace

QString FeatureNormalizer::methodName(Method m)
{
    switch (m) {
    case Method::None: return QStringLiteral("none");
    case Method::ZScore: return QStringLiteral("zscore");
    case Method::MinMax: return QStringLiteral("minmax");
    case Method::QuantileNormal: return QStringLiteral("quantile-normal");
    }
    return {};
}

bool FeatureNormalizer::parseMethod(const QString &name, Method *out)
{
    const QString n = name.trimmed().toLower();
    for (Method m : {Method::None, Method::ZScore, Method::MinMax, Method::QuantileNormal})
        if (n == methodName(m)) {
            *out = m;
            return true;
        }
    if (n == QLatin1String("z-score") || n == QLatin1String("standard")) *out = Method::ZScore;
    else if (n == QLatin1String("min-max")) *out = Method::MinMax;
    else if (n == QLatin1String("quantile")) *out = Method::QuantileNormal;
    else return false;
    return true;
}

double FeatureNormalizer::normalQuantile(double p)
{
    if (p <= 0.0)
        return -INFINITY;
    if (p >= 1.0)
        return INFINITY;
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                               1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                               6.680131188771972e+01, -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                               -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    const double plow = 0.02425;
    double x;
    if (p < plow) {
        const double q = std::sqrt(-2 * std::log(p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else if (p <= 1 - plow) {
        const double q = p - 0.5, r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    } else {
        const double q = std::sqrt(-2 * std::log1p(-p));
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    return x;
}

FeatureNormalizer FeatureNormalizer::fit(Method method, const FeatureMatrix &x, const std::vector<int> &rowsIn, int maxQuantiles)
{
    FeatureNormalizer n;
    n.m_method = method;
    n.m_dim = x.cols;
    std::vector<int> rows = rowsIn;
    if (rows.empty())
        for (int r = 0; r < x.rows; ++r)
            rows.push_back(r);
    if (method == Method::None || rows.empty())
        return n;
    if (method == Method::QuantileNormal) {
        const int k = std::max(2, std::min(maxQuantiles, static_cast<int>(rows.size())));
        n.m_references.resize(static_cast<size_t>(k));
        for (int i = 0; i < k; ++i)
            n.m_references[static_cast<size_t>(i)] = double(i) / double(k - 1);
    }
    std::vector<double> column(rows.size());
    for (int c = 0; c < x.cols; ++c) {
        for (size_t i = 0; i < rows.size(); ++i)
            column[i] = x.at(rows[i], c);
        if (method == Method::ZScore) {
            double mean = 0.0;
            for (double v : column)
                mean += v;
            mean /= double(column.size());
            double ss = 0.0;
            for (double v : column)
                ss += (v - mean) * (v - mean);
            n.m_a.push_back(mean);
            n.m_b.push_back(std::sqrt(ss / double(column.size())));
        } else if (method == Method::MinMax) {
            const auto [lo, hi] = std::minmax_element(column.begin(), column.end());
            n.m_a.push_back(*lo);
            n.m_b.push_back(*hi);
        } else {
            std::sort(column.begin(), column.end());
            std::vector<double> q(n.m_references.size());
            for (size_t i = 0; i < q.size(); ++i)
                q[i] = percentile(column, n.m_references[i]);
            // Percentiles of sorted data are ascending up to rounding; enforce it as sklearn does.
            for (size_t i = 1; i < q.size(); ++i)
                q[i] = std::max(q[i], q[i - 1]);
            n.m_quantiles.push_back(std::move(q));
        }
    }
    n.buildBuckets();
    return n;
}

double FeatureNormalizer::transform(int f, double x) const
{
    switch (m_method) {
    case Method::None: return x;
    case Method::ZScore: {
        const double sd = m_b[static_cast<size_t>(f)];
        return sd > 0.0 ? (x - m_a[static_cast<size_t>(f)]) / sd : 0.0;
    }
    case Method::MinMax: {
        const double range = m_b[static_cast<size_t>(f)] - m_a[static_cast<size_t>(f)];
        return range > 0.0 ? (x - m_a[static_cast<size_t>(f)]) / range : 0.0;
    }
    case Method::QuantileNormal: {
        if (std::isnan(x))
            return x;
        const std::vector<double> &q = m_quantiles[static_cast<size_t>(f)];
        if (q.front() == q.back())
            return 0.0;
        const double p = quantileProbability(f, x);
        return normalQuantile(std::clamp(p, TailProbability, 1.0 - TailProbability));
    }
    }
    return x;
}

// sklearn's QuantileTransformer: the mean of numpy.interp forward and backward, so that a value equal to a
// run of tied quantiles maps to the middle of their references.
double FeatureNormalizer::quantileProbability(int f, double x) const
{
    const std::vector<double> &q = m_quantiles[static_cast<size_t>(f)];
    const std::vector<double> &ref = m_references;
    const int k = static_cast<int>(q.size());
    if (x <= q.front())
        return 0.0;
    if (x >= q.back())
        return 1.0;
    const int b = std::min(BucketCount - 1, static_cast<int>((x - q.front()) * m_bucketScale[static_cast<size_t>(f)]));
    int lo = m_buckets[static_cast<size_t>(f)][static_cast<size_t>(b)];
    while (lo < k && q[static_cast<size_t>(lo)] < x)
        ++lo;
    int hi = lo;
    while (hi < k && q[static_cast<size_t>(hi)] == x)
        ++hi;
    if (hi > lo)
        return 0.5 * (ref[static_cast<size_t>(lo)] + ref[static_cast<size_t>(hi - 1)]);
    const size_t j = static_cast<size_t>(lo - 1);
    return ref[j] + (x - q[j]) * (ref[j + 1] - ref[j]) / (q[j + 1] - q[j]);
}

void FeatureNormalizer::buildBuckets()
{
    m_buckets.assign(m_quantiles.size(), {});
    m_bucketScale.assign(m_quantiles.size(), 0.0);
    for (size_t f = 0; f < m_quantiles.size(); ++f) {
        const std::vector<double> &q = m_quantiles[f];
        const double range = q.back() - q.front();
        if (!(range > 0.0))
            continue;
        m_bucketScale[f] = BucketCount / range;
        std::vector<int> &start = m_buckets[f];
        start.resize(BucketCount);
        for (int b = 0; b < BucketCount; ++b) {
            const double edge = q.front() + b / m_bucketScale[f];
            start[static_cast<size_t>(b)] = static_cast<int>(std::lower_bound(q.begin(), q.end(), edge) - q.begin());
            // Rounding of the edge may place it just above a value of its slice: step back to be safe.
            while (start[static_cast<size_t>(b)] > 0 && q[static_cast<size_t>(start[static_cast<size_t>(b)] - 1)] >= edge - std::abs(edge) * 1e-12)
                --start[static_cast<size_t>(b)];
        }
    }
}

void FeatureNormalizer::apply(double *row) const
{
    if (m_method == Method::None)
        return;
    for (int f = 0; f < m_dim; ++f)
        row[f] = transform(f, row[f]);
}

void FeatureNormalizer::applyColumn(int f, const double *in, double *out, qint64 count) const
{
    switch (m_method) {
    case Method::None: std::copy(in, in + count, out); return;
    case Method::QuantileNormal:
        if (m_quantiles[static_cast<size_t>(f)].front() == m_quantiles[static_cast<size_t>(f)].back()) {
            for (qint64 i = 0; i < count; ++i)
                out[i] = std::isnan(in[i]) ? in[i] : 0.0;
            return;
        }
        {
            // quantileProbability() with the feature's tables held in locals (same arithmetic, same numbers).
            const std::vector<double> &qv = m_quantiles[static_cast<size_t>(f)];
            const double *q = qv.data();
            const double *ref = m_references.data();
            const int *bucket = m_buckets[static_cast<size_t>(f)].data();
            const int k = static_cast<int>(qv.size());
            const double lo0 = q[0], hi0 = q[k - 1], scale = m_bucketScale[static_cast<size_t>(f)];
            for (qint64 i = 0; i < count; ++i) {
                const double x = in[i];
                if (std::isnan(x)) {
                    out[i] = x;
                    continue;
                }
                double p;
                if (x <= lo0) {
                    p = 0.0;
                } else if (x >= hi0) {
                    p = 1.0;
                } else {
                    int lo = bucket[std::min(BucketCount - 1, static_cast<int>((x - lo0) * scale))];
                    while (lo < k && q[lo] < x)
                        ++lo;
                    int hi = lo;
                    while (hi < k && q[hi] == x)
                        ++hi;
                    if (hi > lo) {
                        p = 0.5 * (ref[lo] + ref[hi - 1]);
                    } else {
                        const int j = lo - 1;
                        p = ref[j] + (x - q[j]) * (ref[j + 1] - ref[j]) / (q[j + 1] - q[j]);
                    }
                }
                out[i] = normalQuantile(std::clamp(p, TailProbability, 1.0 - TailProbability));
            }
        }
        return;
    default:
        for (qint64 i = 0; i < count; ++i)
            out[i] = transform(f, in[i]);
    }
}

void FeatureNormalizer::apply(FeatureMatrix &x) const
{
    for (int r = 0; r < x.rows; ++r)
        apply(x.row(r));
}

QJsonObject FeatureNormalizer::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("method")] = methodName(m_method);
    o[QStringLiteral("dimension")] = m_dim;
    if (!m_a.empty()) {
        o[QStringLiteral("a")] = JsonNumbers::encodeDoubles(m_a);
        o[QStringLiteral("b")] = JsonNumbers::encodeDoubles(m_b);
    }
    if (!m_quantiles.empty()) {
        o[QStringLiteral("references")] = JsonNumbers::encodeDoubles(m_references);
        QJsonArray qs;
        for (const auto &q : m_quantiles)
            qs.append(JsonNumbers::encodeDoubles(q));
        o[QStringLiteral("quantiles")] = qs;
    }
    return o;
}

Result<FeatureNormalizer> FeatureNormalizer::fromJson(const QJsonObject &o, int expectedDimension, const QString &source)
{
    FeatureNormalizer n;
    if (!parseMethod(o.value(QStringLiteral("method")).toString(), &n.m_method))
        return makeError(source, QStringLiteral("unknown normalisation \"%1\"").arg(o.value(QStringLiteral("method")).toString()));
    n.m_dim = o.value(QStringLiteral("dimension")).toInt(-1);
    if (n.m_dim != expectedDimension)
        return makeError(source, QStringLiteral("normalisation is for %1 features, the model has %2").arg(n.m_dim).arg(expectedDimension));
    const size_t dim = static_cast<size_t>(n.m_dim);
    if (n.m_method == Method::ZScore || n.m_method == Method::MinMax) {
        auto a = JsonNumbers::readDoubles(o, QStringLiteral("a"), source, -JsonNumbers::MaxMagnitude, JsonNumbers::MaxMagnitude, qsizetype(dim));
        if (!a)
            return a.error();
        auto b = JsonNumbers::readDoubles(o, QStringLiteral("b"), source, -JsonNumbers::MaxMagnitude, JsonNumbers::MaxMagnitude, qsizetype(dim));
        if (!b)
            return b.error();
        n.m_a = std::move(a).value();
        n.m_b = std::move(b).value();
    } else if (n.m_method == Method::QuantileNormal) {
        auto references = JsonNumbers::readDoubles(o, QStringLiteral("references"), source);
        if (!references)
            return references.error();
        n.m_references = std::move(references).value();
        const QJsonArray quantiles = o.value(QStringLiteral("quantiles")).toArray();
        for (qsizetype i = 0; i < quantiles.size(); ++i) {
            const QString field = QStringLiteral("quantiles[%1]").arg(i);
            auto q = JsonNumbers::readDoubles(QJsonObject{{field, quantiles[i]}}, field, source, -JsonNumbers::MaxMagnitude,
                                            JsonNumbers::MaxMagnitude, qsizetype(n.m_references.size()));
            if (!q)
                return q.error();
            n.m_quantiles.push_back(std::move(q).value());
        }
        if (n.m_quantiles.size() != dim || n.m_references.size() < 2)
            return makeError(source, QStringLiteral("normalisation quantiles are damaged"));
        n.buildBuckets();
    }
    return n;
}

} // namespace photopeak
