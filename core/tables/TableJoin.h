// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "tables/EventTable.h"
#include "util/Result.h"

namespace photopeak {

// Joins a second table onto the rows of a first by key columns (e.g. event_id). When the second table has
// several rows for a key (the MC tracks of an event) the first in file order is taken: for KM3NeT files that
// is the primary neutrino. Joined columns are named prefix + name; the key columns are not repeated.
class TableJoin {
public:
    struct Report {
        qint64 leftRows = 0;
        qint64 matched = 0;           // left rows that found a right row
        qint64 rightKeys = 0;         // distinct keys of the right table
        qint64 rightExtraRows = 0;    // right rows skipped because their key was seen before
    };

    // keepUnmatched: left rows without a partner stay, with NaN / empty joined values; else they are dropped.
    static Result<EventTable> join(const EventTable &left, const EventTable &right, const QStringList &keys,
                                   const QString &prefix, bool keepUnmatched = false, Report *report = nullptr);
};

} // namespace photopeak
