// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/ClassBalancer.h"

#include <QHash>

#include <algorithm>
#include <random>

namespace photopeak {

QString ClassBalancer::Result_::summary() const
{
    QStringList parts;
    for (const Group &g : groups)
        parts << QStringLiteral("%1: %2 -> %3%4").arg(g.name).arg(g.before).arg(g.after)
                     .arg(g.weight != 1.0 ? QStringLiteral(" (weight %1)").arg(g.weight, 0, 'g', 4) : QString());
    return parts.join(QStringLiteral("; "));
}

QString ClassBalancer::modeName(Mode m)
{
    switch (m) {
    case Mode::None: return QStringLiteral("none");
    case Mode::Downsample: return QStringLiteral("downsample");
    case Mode::Weights: return QStringLiteral("weights");
    }
    return {};
}

bool ClassBalancer::parseMode(const QString &name, Mode *out)
{
    for (Mode m : {Mode::None, Mode::Downsample, Mode::Weights})
        if (name.trimmed().compare(modeName(m), Qt::CaseInsensitive) == 0) {
            *out = m;
            return true;
        }
    return false;
}

Result<std::vector<int>> ClassBalancer::groupIds(const EventTable &table, const std::vector<qint64> &rows,
                                                 const QStringList &columns, QStringList *names)
{
    std::vector<int> cols;
    for (const QString &c : columns) {
        const int i = table.indexOf(c);
        if (i < 0)
            return makeError(QStringLiteral("balancing"), QStringLiteral("group column %1 is not in the table").arg(c));
        cols.push_back(i);
    }
    QHash<QString, int> ids;
    std::vector<int> out(rows.size(), 0);
    for (size_t k = 0; k < rows.size(); ++k) {
        QStringList parts;
        for (size_t j = 0; j < cols.size(); ++j)
            parts << QStringLiteral("%1=%2").arg(columns[static_cast<qsizetype>(j)], table.text(cols[j], rows[k]));
        const QString key = parts.join(QStringLiteral(", "));
        auto it = ids.find(key);
        if (it == ids.end()) {
            it = ids.insert(key, static_cast<int>(ids.size()));
            names->append(key);
        }
        out[k] = it.value();
    }
    return out;
}

ClassBalancer::Result_ ClassBalancer::balance(const std::vector<qint64> &rows, const std::vector<int> &groupOfRow,
                                              const QStringList &groupNames, Mode mode, quint64 seed)
{
    Result_ out;
    const int groups = static_cast<int>(groupNames.size());
    std::vector<std::vector<size_t>> members(static_cast<size_t>(groups));
    for (size_t k = 0; k < rows.size(); ++k)
        members[static_cast<size_t>(groupOfRow[k])].push_back(k);
    qint64 smallest = rows.empty() ? 0 : static_cast<qint64>(rows.size());
    for (const auto &m : members)
        smallest = std::min<qint64>(smallest, static_cast<qint64>(m.size()));
    std::mt19937_64 rng(seed);
    std::vector<size_t> chosen;
    for (int g = 0; g < groups; ++g) {
        auto &m = members[static_cast<size_t>(g)];
        Group info;
        info.name = groupNames[g];
        info.before = static_cast<qint64>(m.size());
        if (mode == Mode::Downsample) {
            std::shuffle(m.begin(), m.end(), rng);
            m.resize(static_cast<size_t>(smallest));
        } else if (mode == Mode::Weights && !m.empty()) {
            info.weight = double(rows.size()) / (double(groups) * double(m.size()));
        }
        info.after = static_cast<qint64>(m.size());
        chosen.insert(chosen.end(), m.begin(), m.end());
        out.groups.push_back(info);
    }
    std::sort(chosen.begin(), chosen.end());
    for (size_t k : chosen) {
        out.rows.push_back(rows[k]);
        out.weights.push_back(out.groups[static_cast<size_t>(groupOfRow[k])].weight);
    }
    return out;
}

} // namespace photopeak
