// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/TableQuery.h"

#include "tables/TableCatalog.h"
#include "tables/TableJoin.h"
#include "tables/TableReader.h"

#include <QJsonArray>

namespace photopeak {

QString TableQuery::prefixOf(const QString &tablePath)
{
    QString leaf = tablePath.section(QLatin1Char('/'), -1);
    if (leaf.isEmpty())
        leaf = QStringLiteral("root");
    return leaf + QLatin1Char('.');
}

QJsonObject TableQuery::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("table")] = table;
    o[QStringLiteral("joins")] = QJsonArray::fromStringList(joins);
    o[QStringLiteral("keys")] = QJsonArray::fromStringList(keys);
    o[QStringLiteral("missing")] = missing.toString();
    return o;
}

Result<TableQuery> TableQuery::fromJson(const QJsonObject &o, const QString &source)
{
    TableQuery q;
    q.table = o.value(QStringLiteral("table")).toString();
    for (const auto &v : o.value(QStringLiteral("joins")).toArray())
        q.joins << v.toString();
    q.keys.clear();
    for (const auto &v : o.value(QStringLiteral("keys")).toArray())
        q.keys << v.toString();
    auto missing = MissingValues::parse(o.value(QStringLiteral("missing")).toString());
    if (!missing)
        return makeError(source, missing.error().toString());
    q.missing = *missing;
    return q;
}

Result<EventTable> TableQuery::read(const QString &file, const QStringList &columns, QStringList *notes,
                                    const JobControl *job) const
{
    auto main = TableCatalog::find(file, table);
    if (!main)
        return main.error();
    std::vector<TableDescription> joined;
    for (const QString &j : joins) {
        auto t = TableCatalog::find(file, j);
        if (!t)
            return t.error();
        joined.push_back(std::move(t).value());
    }
    // Split the requested columns between the main table and the joined ones (by prefix).
    QStringList mainColumns;
    std::vector<QStringList> joinColumns(joined.size());
    for (const QString &c : columns) {
        bool assigned = false;
        for (size_t j = 0; j < joined.size() && !assigned; ++j) {
            const QString prefix = prefixOf(joined[j].path);
            if (c.startsWith(prefix) && main->indexOf(c) < 0) {
                joinColumns[j] << c.mid(prefix.size());
                assigned = true;
            }
        }
        if (!assigned)
            mainColumns << c;
    }
    if (!joined.empty())
        for (const QString &k : keys) {
            if (!columns.isEmpty() && !mainColumns.contains(k))
                mainColumns << k;
            for (size_t j = 0; j < joined.size(); ++j)
                if (!joinColumns[j].isEmpty() && !joinColumns[j].contains(k))
                    joinColumns[j] << k;
        }
    if (!columns.isEmpty() && mainColumns.isEmpty())
        mainColumns = keys;
    auto out = TableReader::read(*main, mainColumns, missing, job, maxRows);
    if (!out)
        return out.error();
    for (size_t j = 0; j < joined.size(); ++j) {
        if (!columns.isEmpty() && joinColumns[j].isEmpty())
            continue;
        MissingValues none;  // sentinels are declared by the names the user sees: apply after the join
        auto right = TableReader::read(joined[j], joinColumns[j], none, job);
        if (!right)
            return right.error();
        TableJoin::Report report;
        auto merged = TableJoin::join(*out, *right, keys, prefixOf(joined[j].path), false, &report);
        if (!merged)
            return makeError(file, QStringLiteral("joining %1 onto %2: %3").arg(joined[j].path, main->path, merged.error().message));
        out = std::move(merged);
        if (notes)
            notes->append(QStringLiteral("%1 joined on %2: %3 of %4 rows matched, %5 keys, %6 further rows per key skipped "
                                         "(first row taken)")
                              .arg(joined[j].path, keys.join(QLatin1Char(',')))
                              .arg(report.matched).arg(report.leftRows).arg(report.rightKeys).arg(report.rightExtraRows));
    }
    // Sentinels of joined columns, by their joined names.
    if (!joined.empty())
        for (int c = 0; c < out->columnCount(); ++c)
            if (out->column(c).isNumeric() && out->column(c).name.contains(QLatin1Char('.'))) {
                const auto s = missing.sentinelsFor(out->column(c).name);
                MissingValues::apply(s, out->numbers(c).data(), out->rowCount());
            }
    return out;
}

} // namespace photopeak
