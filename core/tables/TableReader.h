// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "jobs/JobControl.h"
#include "tables/EventTable.h"
#include "tables/MissingValues.h"
#include "tables/TableDescription.h"
#include "util/Result.h"

#include <functional>

namespace photopeak {

// Reads the values of a table found by TableCatalog, a chunk of rows at a time, so that a table of
// millions of rows is never held twice (once in HDF5's layout and once as columns): a chunk buffer of a
// few megabytes is converted into the columns the caller asked for. Sentinels of `missing` become NaN.
class TableReader {
public:
    // Called once per chunk with the rows [firstRow, firstRow + chunk.rowCount()); return false to stop.
    using ChunkSink = std::function<bool(const EventTable &chunk, qint64 firstRow)>;

    // `columns` empty = every readable column. Unknown or unreadable columns are refused up front with a
    // message naming the file, the table and the columns. chunkRows 0 = about 8 MiB of file records.
    static Status readChunks(const TableDescription &table, const QStringList &columns, const MissingValues &missing,
                             qint64 chunkRows, const ChunkSink &sink, const JobControl *job = nullptr);
    // The whole table (or the chosen columns) in memory; maxRows > 0: only its first maxRows rows.
    static Result<EventTable> read(const TableDescription &table, const QStringList &columns = {},
                                   const MissingValues &missing = {}, const JobControl *job = nullptr, qint64 maxRows = 0);
    // Resolves `columns` against the table (all readable ones when empty); the error names what is missing.
    static Result<std::vector<int>> resolveColumns(const TableDescription &table, const QStringList &columns);
};

} // namespace photopeak
