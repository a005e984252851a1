// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "util/Result.h"

#include <QList>
#include <QString>

#include <utility>
#include <vector>

namespace photopeak {

// One slice of a batch run on several machines or processes (`--shard I/N`, a SLURM array task). The items of
// a batch are put in a stable order first (inputs as given, a folder's files sorted by path, frames and hits in
// file order); shard I of N takes the contiguous block [floor(I n / N), floor((I + 1) n / N)). The N blocks
// cover every item exactly once, and shard outputs concatenated in shard order are the single run's output
// (`photopeak-cli merge`). This is the one place that decides which items a shard takes.
class Shard {
public:
    Shard() = default;
    Shard(int index, int count) : m_index(index), m_count(count) {}

    // "I/N" with 0 <= I < N; anything else is an error naming --shard.
    static Result<Shard> parse(const QString &text);

    int index() const { return m_index; }
    int count() const { return m_count; }
    bool isWhole() const { return m_count == 1; }
    QString toString() const { return QStringLiteral("%1/%2").arg(m_index).arg(m_count); }

    // The block of item indices [first, last) this shard takes out of `items`.
    std::pair<qsizetype, qsizetype> range(qsizetype items) const;
    bool contains(qsizetype item, qsizetype items) const;

    template <typename T>
    std::vector<T> select(std::vector<T> all) const
    {
        const auto [first, last] = range(static_cast<qsizetype>(all.size()));
        all.erase(all.begin() + last, all.end());
        all.erase(all.begin(), all.begin() + first);
        return all;
    }
    template <typename T>
    QList<T> select(const QList<T> &all) const
    {
        const auto [first, last] = range(all.size());
        return all.mid(first, last - first);
    }

private:
    int m_index = 0;
    int m_count = 1;
};

} // namespace photopeak
