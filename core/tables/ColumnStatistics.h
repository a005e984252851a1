// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "tables/EventTable.h"

#include <QString>

#include <vector>

namespace photopeak {

// Summary of one numeric column (missing values counted, not used), and histograms of it per class.
struct ColumnStatistics {
    QString name;
    qint64 count = 0;      // values present
    qint64 missing = 0;    // NaN (including sentinels turned into NaN)
    qint64 distinct = 0;   // distinct values among the first 100000 rows (capped at 1000)
    double min = 0, max = 0, mean = 0, sd = 0, median = 0;

    static ColumnStatistics of(const EventTable &table, int column);
    static std::vector<ColumnStatistics> ofAll(const EventTable &table);  // numeric columns
    QString toText() const;  // one line

    // Counts in `bins` equal bins over [lo, hi] of the rows whose class (0/1/...) is `cls`; classOfRow
    // empty = every row. Values outside the range and missing values are left out.
    static std::vector<double> histogram(const std::vector<double> &values, double lo, double hi, int bins,
                                         const std::vector<int> &classOfRow = {}, int cls = 0);
};

} // namespace photopeak
