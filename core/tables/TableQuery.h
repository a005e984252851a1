// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "jobs/JobControl.h"
#include "tables/EventTable.h"
#include "tables/MissingValues.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QStringList>

namespace photopeak {

// Which table(s) of an HDF5 file make one event table: a main table, optionally other tables of the same
// file joined on key columns (their columns named "<table name>.<column>", e.g. "mc_tracks.type"), and the
// missing-value sentinels. Stored with a model so that prediction reads what training read.
struct TableQuery {
    QString table;        // "/reco/gandalf"; empty = the only table of the file
    QStringList joins;    // "/mc_tracks", "/event_info"
    QStringList keys = {QStringLiteral("event_id")};
    MissingValues missing;
    // > 0: only the first maxRows rows of the main table (browsing a huge table); not stored with a model.
    qint64 maxRows = 0;

    QJsonObject toJson() const;
    static Result<TableQuery> fromJson(const QJsonObject &json, const QString &source);

    // Reads `columns` (empty = every readable column of every table) from `file`. Joined rows without a
    // partner are dropped (inner join); `notes` gets one line per join saying what it matched.
    Result<EventTable> read(const QString &file, const QStringList &columns = {}, QStringList *notes = nullptr,
                            const JobControl *job = nullptr) const;
    // Prefix of the columns of a joined table ("mc_tracks.").
    static QString prefixOf(const QString &tablePath);
};

} // namespace photopeak
