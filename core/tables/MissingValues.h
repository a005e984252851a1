// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "util/Result.h"

#include <QHash>
#include <QString>

#include <vector>

namespace photopeak {

// Values that mean "no value" in a stored table (reconstruction programs write 1e20 or -999 where a fit
// failed). Declared for every numeric column or per column; NaN is always missing. Matching values become
// NaN when the column is read. A float32 column matches the float32 rounding of a sentinel too.
class MissingValues {
public:
    // "1e20" (every numeric column), "lambda=1e20,-1; chi2=-999" (per column), or both joined by ';'.
    static Result<MissingValues> parse(const QString &spec);

    void addForAll(double value) { m_all.push_back(value); }
    void addForColumn(const QString &column, double value) { m_perColumn[column].push_back(value); }
    bool isEmpty() const { return m_all.empty() && m_perColumn.isEmpty(); }
    // The sentinels that apply to one column (column-specific first), float32 roundings included.
    std::vector<double> sentinelsFor(const QString &column) const;
    // Replaces sentinels by NaN in place; returns how many values were replaced.
    static qint64 apply(const std::vector<double> &sentinels, double *values, qint64 count);
    QString toString() const;

private:
    std::vector<double> m_all;
    QHash<QString, std::vector<double>> m_perColumn;
};

} // namespace photopeak
