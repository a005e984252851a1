// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "tables/ColumnInfo.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

// How a table is stored in an HDF5 file.
enum class TableLayout {
    PyTablesTable,  // one compound dataset, one member per column (PyTables TABLE, h5py structured arrays)
    PandasFixed,    // pandas HDFStore format="fixed": a group with blockN_items / blockN_values datasets
    PandasTable,    // pandas HDFStore format="table": a group with a compound "table" (values_block_N arrays)
    ColumnGroup,    // a group of 1-D datasets of equal length, one per column
};

inline QString tableLayoutName(TableLayout l)
{
    switch (l) {
    case TableLayout::PyTablesTable: return QStringLiteral("PyTables table");
    case TableLayout::PandasFixed: return QStringLiteral("pandas fixed");
    case TableLayout::PandasTable: return QStringLiteral("pandas table");
    case TableLayout::ColumnGroup: return QStringLiteral("column datasets");
    }
    return {};
}

// One table of a file: where it is, how many rows, which columns (without reading the values).
struct TableDescription {
    QString file;
    QString path;  // "/reco/gandalf" (the dataset), "/df" (pandas group), "/" (column group)
    TableLayout layout = TableLayout::PyTablesTable;
    qint64 rows = 0;
    std::vector<ColumnInfo> columns;

    QString name() const
    {
        const QString leaf = path.section(QLatin1Char('/'), -1);
        return leaf.isEmpty() ? QStringLiteral("root") : leaf;
    }
    int indexOf(const QString &column) const
    {
        for (size_t i = 0; i < columns.size(); ++i)
            if (columns[i].name == column)
                return static_cast<int>(i);
        return -1;
    }
    QStringList columnNames() const
    {
        QStringList out;
        for (const ColumnInfo &c : columns)
            out << c.name;
        return out;
    }
};

} // namespace photopeak
