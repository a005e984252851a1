// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "tables/TableDescription.h"
#include "util/Result.h"

#include <vector>

namespace photopeak {

// The tables of an HDF5 file in any of the layouts of TableLayout, found by walking its groups
// (PyTables index groups "_i_*" skipped). Reads attributes and shapes, no values.
class TableCatalog {
public:
    static Result<std::vector<TableDescription>> list(const QString &file);
    // One table by path ("/reco/gandalf", "/df"; a leading '/' may be left out). An empty path picks the
    // only table of the file. The error names the file and lists the tables it has.
    static Result<TableDescription> find(const QString &file, const QString &table);
};

} // namespace photopeak
