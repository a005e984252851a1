// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "io/AtomicFile.h"
#include "tables/EventTable.h"
#include "tables/TableDescription.h"
#include "util/Result.h"

#include <QString>

#include <memory>

namespace photopeak {

// Writes event tables into a new HDF5 file in any TableLayout (predictions, exports, test fixtures):
// PyTables tables and pandas "table" frames with the attributes PyTables and pandas read them by, pandas
// "fixed" frames (numeric and boolean columns only: pandas keeps text there as pickles), or plain column
// datasets. Integer columns are stored as int64, floats as float64, booleans as one-byte bit fields,
// strings fixed width. The file appears at `path` only on commit() (temporary sibling renamed into place).
class TableFileWriter {
public:
    explicit TableFileWriter(QString path);
    ~TableFileWriter();
    TableFileWriter(const TableFileWriter &) = delete;
    TableFileWriter &operator=(const TableFileWriter &) = delete;

    // `tablePath`: the dataset of a PyTables table ("/predictions"), the group of a pandas frame or of
    // column datasets ("/df").
    Status add(const QString &tablePath, const EventTable &table, TableLayout layout);
    Status commit(const QString &kind = OutputKind::other());

    // Comma-separated text with a header row; written atomically.
    static Status writeCsv(const QString &path, const EventTable &table);

private:
    struct Impl;
    QString m_path;
    std::unique_ptr<Impl> m_impl;
};

} // namespace photopeak
