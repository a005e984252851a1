// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QStringList>

namespace photopeak {

// PyTables stores Python objects it cannot map to HDF5 as protocol-0 (text) pickles in string attributes;
// pandas keeps the column names of its "table" format that way (`values_block_0_kind` = ['a', 'b']).
// This reads and writes only what those attributes hold: the strings of a list, nested lists and tuples
// (flattened in order; integers and None skipped). Nothing is executed.
class PickleText {
public:
    static Result<QStringList> strings(const QByteArray &pickle);
    // A protocol-0 pickle of a list of str, as Python writes it.
    static QByteArray listOfStrings(const QStringList &values);
};

} // namespace photopeak
