// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitFeatureScaler.h"

#include "hits/HitFeatureExtractor.h"
#include "util/JsonNumbers.h"

#include <QJsonArray>

#include <cmath>
#include <numeric>

namespace photopeak {

namespace {
bool heavyTailed(const QString &name)
{
    static const QStringList logged{QStringLiteral("area"), QStringLiteral("brightness"), QStringLiteral("perimeter"),
                                    QStringLiteral("skeleton_length"), QStringLiteral("major_axis"),
                                    QStringLiteral("minor_axis"), QStringLiteral("elongation"), QStringLiteral("components")};
    return logged.contains(name);
}
} // namespace

QStringList HitFeatureScaler::defaultNames()
{
    QStringList n{QStringLiteral("area"), QStringLiteral("brightness"), QStringLiteral("max_brightness"),
                  QStringLiteral("major_axis"), QStringLiteral("minor_axis"), QStringLiteral("ellipticity"),
                  QStringLiteral("elongation"), QStringLiteral("solidity"), QStringLiteral("perimeter"),
                  QStringLiteral("skeleton_length"), QStringLiteral("components"), QStringLiteral("level")};
    for (int i = 0; i < HitFeatureExtractor::profileBins; ++i)
        n << QStringLiteral("profile_%1").arg(i);
    return n;
}

Result<HitFeatureScaler> HitFeatureScaler::fit(const FeatureMatrix &features, const QStringList &names, bool logScale,
                                               const std::vector<int> &rowsIn)
{
    HitFeatureScaler s;
    for (const QString &raw : names) {
        const QString name = raw.trimmed().toLower();
        const int c = HitFeatureExtractor::indexOf(name);
        if (c < 0)
            return makeError(QStringLiteral("features"), QStringLiteral("unknown feature '%1' (known: %2)")
                                                             .arg(raw, HitFeatureExtractor::names().join(QStringLiteral(", "))));
        s.m_names << name;
        s.m_columns.push_back(c);
        s.m_log.push_back(logScale && heavyTailed(name));
    }
    if (s.m_columns.empty())
        return makeError(QStringLiteral("features"), QStringLiteral("no features chosen"));
    std::vector<int> rows = rowsIn;
    if (rows.empty()) {
        rows.resize(size_t(features.rows));
        std::iota(rows.begin(), rows.end(), 0);
    }
    for (size_t j = 0; j < s.m_columns.size(); ++j) {
        double mean = 0.0, sq = 0.0;
        auto value = [&](int r) { const double v = features.at(r, s.m_columns[j]); return s.m_log[j] ? std::log1p(std::max(v, 0.0)) : v; };
        for (int r : rows)
            mean += value(r);
        mean /= std::max<size_t>(1, rows.size());
        for (int r : rows)
            sq += (value(r) - mean) * (value(r) - mean);
        const double sd = std::sqrt(sq / double(std::max<size_t>(2, rows.size()) - 1));
        s.m_mean.push_back(mean);
        s.m_sd.push_back(sd > 0 ? sd : 1.0);
    }
    return s;
}

FeatureMatrix HitFeatureScaler::apply(const FeatureMatrix &features) const
{
    FeatureMatrix x(features.rows, dimension());
    for (int r = 0; r < features.rows; ++r)
        for (int j = 0; j < x.cols; ++j) {
            double v = features.at(r, m_columns[size_t(j)]);
            if (m_log[size_t(j)])
                v = std::log1p(std::max(v, 0.0));
            x.at(r, j) = (v - m_mean[size_t(j)]) / m_sd[size_t(j)];
        }
    return x;
}

QJsonObject HitFeatureScaler::toJson() const
{
    QJsonArray logs;
    for (bool b : m_log)
        logs.append(b);
    return {{QStringLiteral("names"), QJsonArray::fromStringList(m_names)}, {QStringLiteral("log"), logs},
            {QStringLiteral("mean"), JsonNumbers::encodeDoubles(m_mean)}, {QStringLiteral("sd"), JsonNumbers::encodeDoubles(m_sd)}};
}

Result<HitFeatureScaler> HitFeatureScaler::fromJson(const QJsonObject &json, const QString &source)
{
    HitFeatureScaler s;
    const QJsonArray names = json.value(QStringLiteral("names")).toArray();
    const QJsonArray logs = json.value(QStringLiteral("log")).toArray();
    if (names.isEmpty() || logs.size() != names.size())
        return makeError(source, QStringLiteral("feature scaling is incomplete"));
    auto mean = JsonNumbers::readDoubles(json, QStringLiteral("mean"), source, -JsonNumbers::MaxMagnitude, JsonNumbers::MaxMagnitude, names.size());
    if (!mean)
        return mean.error();
    // Features are divided by sd: it must be positive.
    auto sd = JsonNumbers::readDoubles(json, QStringLiteral("sd"), source, 1e-300, JsonNumbers::MaxMagnitude, names.size());
    if (!sd)
        return sd.error();
    s.m_mean = std::move(mean).value();
    s.m_sd = std::move(sd).value();
    for (qsizetype i = 0; i < names.size(); ++i) {
        const int c = HitFeatureExtractor::indexOf(names[i].toString());
        if (c < 0)
            return makeError(source, QStringLiteral("model uses the unknown feature '%1'").arg(names[i].toString()));
        s.m_names << names[i].toString();
        s.m_columns.push_back(c);
        s.m_log.push_back(logs[i].toBool());
    }
    return s;
}

} // namespace photopeak
