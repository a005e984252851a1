// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/ColumnStatistics.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace photopeak {

ColumnStatistics ColumnStatistics::of(const EventTable &table, int column)
{
    ColumnStatistics s;
    s.name = table.column(column).name;
    if (!table.column(column).isNumeric())
        return s;
    const std::vector<double> &v = table.numbers(column);
    std::vector<double> present;
    present.reserve(v.size());
    for (double x : v)
        if (!std::isnan(x))
            present.push_back(x);
    s.count = static_cast<qint64>(present.size());
    s.missing = static_cast<qint64>(v.size()) - s.count;
    if (present.empty())
        return s;
    QSet<double> distinct;
    for (size_t i = 0; i < present.size() && i < 100000 && distinct.size() < 1000; ++i)
        distinct.insert(present[i]);
    s.distinct = distinct.size();
    double sum = 0;
    s.min = s.max = present.front();
    for (double x : present) {
        sum += x;
        s.min = std::min(s.min, x);
        s.max = std::max(s.max, x);
    }
    s.mean = sum / double(present.size());
    double ss = 0;
    for (double x : present)
        ss += (x - s.mean) * (x - s.mean);
    s.sd = std::sqrt(ss / double(present.size()));
    const size_t mid = present.size() / 2;
    std::nth_element(present.begin(), present.begin() + static_cast<std::ptrdiff_t>(mid), present.end());
    s.median = present[mid];
    return s;
}

std::vector<ColumnStatistics> ColumnStatistics::ofAll(const EventTable &table)
{
    std::vector<ColumnStatistics> out;
    for (int c = 0; c < table.columnCount(); ++c)
        if (table.column(c).isNumeric())
            out.push_back(of(table, c));
    return out;
}

QString ColumnStatistics::toText() const
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8").arg(name, -32).arg(count, 9).arg(missing, 8)
        .arg(min, 12, 'g', 6).arg(median, 12, 'g', 6).arg(mean, 12, 'g', 6).arg(max, 12, 'g', 6).arg(sd, 12, 'g', 6);
}

std::vector<double> ColumnStatistics::histogram(const std::vector<double> &values, double lo, double hi, int bins,
                                                const std::vector<int> &classOfRow, int cls)
{
    std::vector<double> h(static_cast<size_t>(std::max(1, bins)), 0.0);
    if (!(hi > lo))
        hi = lo + 1.0;
    const double scale = bins / (hi - lo);
    for (size_t i = 0; i < values.size(); ++i) {
        if (!classOfRow.empty() && classOfRow[i] != cls)
            continue;
        const double x = values[i];
        if (std::isnan(x) || x < lo || x > hi)
            continue;
        const int b = std::min(bins - 1, static_cast<int>((x - lo) * scale));
        h[static_cast<size_t>(b)] += 1.0;
    }
    return h;
}

} // namespace photopeak
