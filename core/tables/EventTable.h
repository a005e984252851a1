// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "tables/ColumnInfo.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

// Columns of equal length held in memory: numbers (integer, float, boolean) as doubles with NaN for a
// missing value, strings as text. Rows are events.
class EventTable {
public:
    qint64 rowCount() const { return m_rows; }
    int columnCount() const { return static_cast<int>(m_columns.size()); }
    const std::vector<ColumnInfo> &columns() const { return m_columns; }
    const ColumnInfo &column(int c) const { return m_columns[static_cast<size_t>(c)]; }
    QStringList columnNames() const;
    int indexOf(const QString &name) const;  // -1 if absent

    // The first column added fixes the row count; later ones must match it.
    void addColumn(const ColumnInfo &info, std::vector<double> values);
    void addColumn(const ColumnInfo &info, QStringList values);
    void clear();

    // Numeric columns only (empty vector for a string column).
    const std::vector<double> &numbers(int c) const { return m_numbers[static_cast<size_t>(c)]; }
    std::vector<double> &numbers(int c) { return m_numbers[static_cast<size_t>(c)]; }
    const QStringList &strings(int c) const { return m_strings[static_cast<size_t>(c)]; }
    double value(int c, qint64 row) const;   // NaN for strings
    QString text(int c, qint64 row) const;   // numbers formatted

    // Rows picked by index, in the given order.
    EventTable selectRows(const std::vector<qint64> &rows) const;
    // Appends the rows of `other`, which must have the same columns in the same order.
    void appendRows(const EventTable &other);
    // Columns picked by index (e.g. the features of a model).
    EventTable selectColumns(const std::vector<int> &columns) const;

private:
    qint64 m_rows = 0;
    std::vector<ColumnInfo> m_columns;
    std::vector<std::vector<double>> m_numbers;
    std::vector<QStringList> m_strings;
};

} // namespace photopeak
