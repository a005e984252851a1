// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "tables/EventTable.h"
#include "util/Result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

// Balances a training set across groups of rows (e.g. every (type, is_cc) combination, or the two classes):
// Downsample keeps exactly the size of the smallest group from every group (seeded random choice, file
// order kept); Weights keeps every row and gives it the weight N / (groups x rows of its group), so every
// group weighs the same in total. (The old script truncated each group to min + 1 rows.)
class ClassBalancer {
public:
    enum class Mode { None, Downsample, Weights };

    struct Group {
        QString name;          // "type=14, is_cc=1"
        qint64 before = 0;
        qint64 after = 0;
        double weight = 1.0;   // per-row weight (Weights mode)
    };
    struct Result_ {
        std::vector<qint64> rows;     // chosen table rows, ascending
        std::vector<double> weights;  // one per chosen row
        std::vector<Group> groups;
        QString summary() const;
    };

    static QString modeName(Mode m);
    static bool parseMode(const QString &name, Mode *out);

    // Groups the candidate `rows` of `table` by the values of `columns` (the row's text in each column).
    static Result<std::vector<int>> groupIds(const EventTable &table, const std::vector<qint64> &rows,
                                             const QStringList &columns, QStringList *names);
    static Result_ balance(const std::vector<qint64> &rows, const std::vector<int> &groupOfRow,
                           const QStringList &groupNames, Mode mode, quint64 seed);
};

} // namespace photopeak
