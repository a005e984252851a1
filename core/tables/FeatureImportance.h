// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureMatrix.h"
#include "tables/EventClassifier.h"

#include <QJsonArray>
#include <QString>

#include <vector>

namespace photopeak {

// How much each feature matters to a trained event classifier: the linear weights (on normalised features,
// so comparable across features) and the permutation importance, the drop of ROC AUC when one feature's
// values are shuffled among the evaluation rows (mean and spread over seeded repeats).
class FeatureImportance {
public:
    struct Entry {
        QString feature;
        double value = 0.0;
        double spread = 0.0;
    };

    static std::vector<Entry> coefficients(const EventClassifier &model);
    // x: normalised feature rows; truth 1/0; weights optional.
    static std::vector<Entry> permutation(const EventClassifier &model, const FeatureMatrix &x, const std::vector<int> &truth,
                                          const std::vector<double> &weights, int repeats, quint64 seed);
    static QJsonArray toJson(const std::vector<Entry> &entries);
    static std::vector<Entry> fromJson(const QJsonArray &json);
};

} // namespace photopeak
