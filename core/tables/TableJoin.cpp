// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/TableJoin.h"

#include <QHash>

#include <cmath>
#include <unordered_map>

namespace photopeak {

namespace {
// Key of one row: the key columns' values (numbers exactly, strings by text) joined into bytes.
QByteArray keyOf(const EventTable &t, const std::vector<int> &cols, qint64 r, bool *hasMissing)
{
    QByteArray key;
    for (int c : cols) {
        if (t.column(c).type == ColumnType::String) {
            key += t.strings(c)[r].toUtf8();
            key += '\0';
        } else {
            const double v = t.numbers(c)[static_cast<size_t>(r)];
            if (std::isnan(v))
                *hasMissing = true;
            key.append(reinterpret_cast<const char *>(&v), sizeof(v));
        }
    }
    return key;
}
} // namespace

Result<EventTable> TableJoin::join(const EventTable &left, const EventTable &right, const QStringList &keys,
                                   const QString &prefix, bool keepUnmatched, Report *report)
{
    if (keys.isEmpty())
        return makeError(QStringLiteral("join"), QStringLiteral("no key column given"));
    std::vector<int> lk, rk;
    for (const QString &k : keys) {
        const int l = left.indexOf(k), r = right.indexOf(k);
        if (l < 0 || r < 0)
            return makeError(QStringLiteral("join"), QStringLiteral("key column %1 is missing from the %2 table")
                                                         .arg(k, l < 0 ? QStringLiteral("first") : QStringLiteral("joined")));
        if ((left.column(l).type == ColumnType::String) != (right.column(r).type == ColumnType::String))
            return makeError(QStringLiteral("join"), QStringLiteral("key column %1 is text in one table and a number in the other").arg(k));
        lk.push_back(l);
        rk.push_back(r);
    }
    Report rep;
    rep.leftRows = left.rowCount();
    std::unordered_map<std::string, qint64> firstRow;
    firstRow.reserve(static_cast<size_t>(right.rowCount()));
    for (qint64 r = 0; r < right.rowCount(); ++r) {
        bool missing = false;
        const QByteArray key = keyOf(right, rk, r, &missing);
        if (missing)
            continue;
        if (!firstRow.emplace(key.toStdString(), r).second)
            ++rep.rightExtraRows;
    }
    rep.rightKeys = static_cast<qint64>(firstRow.size());
    std::vector<qint64> leftRows, rightRows;
    leftRows.reserve(static_cast<size_t>(left.rowCount()));
    for (qint64 r = 0; r < left.rowCount(); ++r) {
        bool missing = false;
        const QByteArray key = keyOf(left, lk, r, &missing);
        const auto it = missing ? firstRow.end() : firstRow.find(key.toStdString());
        if (it != firstRow.end()) {
            leftRows.push_back(r);
            rightRows.push_back(it->second);
            ++rep.matched;
        } else if (keepUnmatched) {
            leftRows.push_back(r);
            rightRows.push_back(-1);
        }
    }
    EventTable out = leftRows.size() == static_cast<size_t>(left.rowCount()) ? left : left.selectRows(leftRows);
    for (int c = 0; c < right.columnCount(); ++c) {
        if (std::find(rk.begin(), rk.end(), c) != rk.end())
            continue;
        ColumnInfo info = right.column(c);
        info.name = prefix + info.name;
        if (out.indexOf(info.name) >= 0)
            return makeError(QStringLiteral("join"), QStringLiteral("column %1 exists in both tables; choose another prefix").arg(info.name));
        if (info.type == ColumnType::String) {
            QStringList v;
            v.reserve(static_cast<qsizetype>(rightRows.size()));
            for (qint64 r : rightRows)
                v << (r < 0 ? QString() : right.strings(c)[r]);
            out.addColumn(info, std::move(v));
        } else {
            std::vector<double> v(rightRows.size());
            const auto &src = right.numbers(c);
            for (size_t i = 0; i < rightRows.size(); ++i)
                v[i] = rightRows[i] < 0 ? std::nan("") : src[static_cast<size_t>(rightRows[i])];
            out.addColumn(info, std::move(v));
        }
    }
    if (report)
        *report = rep;
    return out;
}

} // namespace photopeak
