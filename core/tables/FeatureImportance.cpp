// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/FeatureImportance.h"

#include "tables/EventEvaluation.h"

#include <QJsonObject>

#include <cmath>
#include <numeric>
#include <random>

namespace photopeak {

std::vector<FeatureImportance::Entry> FeatureImportance::coefficients(const EventClassifier &model)
{
    std::vector<Entry> out;
    const std::vector<double> w = model.coefficients();
    for (size_t i = 0; i < w.size() && i < static_cast<size_t>(model.features().size()); ++i)
        out.push_back({model.features()[static_cast<qsizetype>(i)], w[i], 0.0});
    return out;
}

std::vector<FeatureImportance::Entry> FeatureImportance::permutation(const EventClassifier &model, const FeatureMatrix &x,
                                                                     const std::vector<int> &truth,
                                                                     const std::vector<double> &weights, int repeats,
                                                                     quint64 seed)
{
    std::vector<Entry> out;
    if (x.rows == 0 || repeats <= 0)
        return out;
    std::vector<double> score(static_cast<size_t>(x.rows));
    for (int r = 0; r < x.rows; ++r)
        score[static_cast<size_t>(r)] = model.classifier().decision(x.row(r));
    const double base = EventEvaluation::rocArea(truth, score, weights);
    std::mt19937_64 rng(seed);
    std::vector<int> order(static_cast<size_t>(x.rows));
    std::vector<double> row(static_cast<size_t>(x.cols));
    for (int f = 0; f < x.cols; ++f) {
        std::vector<double> drops;
        for (int k = 0; k < repeats; ++k) {
            std::iota(order.begin(), order.end(), 0);
            std::shuffle(order.begin(), order.end(), rng);
            for (int r = 0; r < x.rows; ++r) {
                std::copy(x.row(r), x.row(r) + x.cols, row.begin());
                row[static_cast<size_t>(f)] = x.at(order[static_cast<size_t>(r)], f);
                score[static_cast<size_t>(r)] = model.classifier().decision(row.data());
            }
            drops.push_back(base - EventEvaluation::rocArea(truth, score, weights));
        }
        double mean = 0, ss = 0;
        for (double d : drops)
            mean += d;
        mean /= double(drops.size());
        for (double d : drops)
            ss += (d - mean) * (d - mean);
        out.push_back({model.features()[f], mean, drops.size() > 1 ? std::sqrt(ss / double(drops.size() - 1)) : 0.0});
    }
    return out;
}

QJsonArray FeatureImportance::toJson(const std::vector<Entry> &entries)
{
    QJsonArray a;
    for (const Entry &e : entries)
        a.append(QJsonObject{{QStringLiteral("feature"), e.feature}, {QStringLiteral("value"), e.value},
                             {QStringLiteral("spread"), e.spread}});
    return a;
}

std::vector<FeatureImportance::Entry> FeatureImportance::fromJson(const QJsonArray &json)
{
    std::vector<Entry> out;
    for (const auto &v : json) {
        const QJsonObject o = v.toObject();
        out.push_back({o.value(QStringLiteral("feature")).toString(), o.value(QStringLiteral("value")).toDouble(),
                       o.value(QStringLiteral("spread")).toDouble()});
    }
    return out;
}

} // namespace photopeak
