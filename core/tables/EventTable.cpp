// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/EventTable.h"

#include <cmath>
#include <limits>

namespace photopeak {

QStringList EventTable::columnNames() const
{
    QStringList out;
    for (const ColumnInfo &c : m_columns)
        out << c.name;
    return out;
}

int EventTable::indexOf(const QString &name) const
{
    for (size_t i = 0; i < m_columns.size(); ++i)
        if (m_columns[i].name == name)
            return static_cast<int>(i);
    return -1;
}

void EventTable::addColumn(const ColumnInfo &info, std::vector<double> values)
{
    if (m_columns.empty())
        m_rows = static_cast<qint64>(values.size());
    Q_ASSERT(static_cast<qint64>(values.size()) == m_rows);
    ColumnInfo c = info;
    if (c.type == ColumnType::String)
        c.type = ColumnType::Float;
    m_columns.push_back(c);
    m_numbers.push_back(std::move(values));
    m_strings.emplace_back();
}

void EventTable::addColumn(const ColumnInfo &info, QStringList values)
{
    if (m_columns.empty())
        m_rows = values.size();
    Q_ASSERT(values.size() == m_rows);
    ColumnInfo c = info;
    c.type = ColumnType::String;
    m_columns.push_back(c);
    m_numbers.emplace_back();
    m_strings.push_back(std::move(values));
}

void EventTable::clear()
{
    m_rows = 0;
    m_columns.clear();
    m_numbers.clear();
    m_strings.clear();
}

double EventTable::value(int c, qint64 row) const
{
    const auto &v = m_numbers[static_cast<size_t>(c)];
    return v.empty() ? std::numeric_limits<double>::quiet_NaN() : v[static_cast<size_t>(row)];
}

QString EventTable::text(int c, qint64 row) const
{
    if (m_columns[static_cast<size_t>(c)].type == ColumnType::String)
        return m_strings[static_cast<size_t>(c)][row];
    const double v = value(c, row);
    return std::isnan(v) ? QString() : QString::number(v, 'g', 17);
}

EventTable EventTable::selectRows(const std::vector<qint64> &rows) const
{
    EventTable out;
    for (int c = 0; c < columnCount(); ++c) {
        if (m_columns[static_cast<size_t>(c)].type == ColumnType::String) {
            QStringList s;
            s.reserve(static_cast<qsizetype>(rows.size()));
            for (qint64 r : rows)
                s << m_strings[static_cast<size_t>(c)][r];
            out.addColumn(m_columns[static_cast<size_t>(c)], std::move(s));
        } else {
            const auto &src = m_numbers[static_cast<size_t>(c)];
            std::vector<double> v(rows.size());
            for (size_t i = 0; i < rows.size(); ++i)
                v[i] = src[static_cast<size_t>(rows[i])];
            out.addColumn(m_columns[static_cast<size_t>(c)], std::move(v));
        }
    }
    out.m_rows = static_cast<qint64>(rows.size());
    return out;
}

void EventTable::appendRows(const EventTable &other)
{
    if (m_columns.empty()) {
        *this = other;
        return;
    }
    Q_ASSERT(other.columnCount() == columnCount());
    for (size_t c = 0; c < m_columns.size(); ++c) {
        if (m_columns[c].type == ColumnType::String)
            m_strings[c] += other.m_strings[c];
        else
            m_numbers[c].insert(m_numbers[c].end(), other.m_numbers[c].begin(), other.m_numbers[c].end());
    }
    m_rows += other.m_rows;
}

EventTable EventTable::selectColumns(const std::vector<int> &columns) const
{
    EventTable out;
    for (int c : columns) {
        if (m_columns[static_cast<size_t>(c)].type == ColumnType::String)
            out.addColumn(m_columns[static_cast<size_t>(c)], m_strings[static_cast<size_t>(c)]);
        else
            out.addColumn(m_columns[static_cast<size_t>(c)], m_numbers[static_cast<size_t>(c)]);
    }
    out.m_rows = m_rows;
    return out;
}

} // namespace photopeak
