// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "jobs/Shard.h"

#include <QRegularExpression>

namespace photopeak {

Result<Shard> Shard::parse(const QString &text)
{
    static const QRegularExpression form(QStringLiteral("^\\s*(\\d+)\\s*/\\s*(\\d+)\\s*$"));
    const QRegularExpressionMatch m = form.match(text);
    bool okIndex = false, okCount = false;
    const int index = m.hasMatch() ? m.captured(1).toInt(&okIndex) : -1;
    const int count = m.hasMatch() ? m.captured(2).toInt(&okCount) : 0;
    if (!okIndex || !okCount)
        return makeError(QStringLiteral("--shard"), QStringLiteral("'%1' is not I/N (shard I of N, counted from 0, "
                                                                   "e.g. 0/4 ... 3/4)").arg(text));
    if (count < 1 || index >= count)
        return makeError(QStringLiteral("--shard"), QStringLiteral("'%1': the shard index must be 0 to N-1 and N at "
                                                                   "least 1").arg(text));
    return Shard(index, count);
}

std::pair<qsizetype, qsizetype> Shard::range(qsizetype items) const
{
    const auto bound = [&](qint64 k) { return static_cast<qsizetype>(static_cast<qint64>(items) * k / m_count); };
    return {bound(m_index), bound(m_index + 1)};
}

bool Shard::contains(qsizetype item, qsizetype items) const
{
    const auto [first, last] = range(items);
    return item >= first && item < last;
}

} // namespace photopeak
