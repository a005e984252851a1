// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureMatrix.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace photopeak {

// Picks named columns of the hit feature table, takes log(1 + v) of the size and brightness columns
// (heavy-tailed), and standardises each to zero mean and unit variance with the statistics of the rows it
// was fitted on. Stored with models so prediction scales exactly as training did.
class HitFeatureScaler {
public:
    static Result<HitFeatureScaler> fit(const FeatureMatrix &features, const QStringList &names, bool logScale = true,
                                        const std::vector<int> &rows = {});
    FeatureMatrix apply(const FeatureMatrix &features) const;
    const QStringList &names() const { return m_names; }
    int dimension() const { return int(m_columns.size()); }

    QJsonObject toJson() const;
    static Result<HitFeatureScaler> fromJson(const QJsonObject &json, const QString &source);

    // Features used when none are named: every scalar shape and brightness feature (not the position).
    static QStringList defaultNames();

private:
    QStringList m_names;
    std::vector<int> m_columns;
    std::vector<bool> m_log;
    std::vector<double> m_mean, m_sd;
};

} // namespace photopeak
