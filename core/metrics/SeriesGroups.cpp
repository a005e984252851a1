// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "metrics/SeriesGroups.h"

#include <QHash>

#include <cstring>
#include <map>
#include <numeric>

namespace photopeak {

std::vector<int> SeriesGroups::assign(const std::vector<QString> &seriesKeys, const std::vector<quint64> &contentKeys)
{
    // Union-find over series; identical contents join their series.
    std::map<QString, int> seriesId;
    for (const QString &k : seriesKeys)
        seriesId.emplace(k, static_cast<int>(seriesId.size()));
    std::vector<int> parent(seriesId.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](int a) {
        while (parent[static_cast<size_t>(a)] != a)
            a = parent[static_cast<size_t>(a)] = parent[static_cast<size_t>(parent[static_cast<size_t>(a)])];
        return a;
    };
    std::map<quint64, int> firstSeriesOfContent;
    for (size_t i = 0; i < seriesKeys.size() && i < contentKeys.size(); ++i) {
        const int s = seriesId[seriesKeys[i]];
        const auto [it, inserted] = firstSeriesOfContent.emplace(contentKeys[i], s);
        if (!inserted)
            parent[static_cast<size_t>(find(s))] = find(it->second);
    }
    std::map<int, int> compact;
    std::vector<int> out(seriesKeys.size());
    for (size_t i = 0; i < seriesKeys.size(); ++i) {
        const int root = find(seriesId[seriesKeys[i]]);
        out[i] = compact.emplace(root, static_cast<int>(compact.size())).first->second;
    }
    return out;
}

quint64 SeriesGroups::countsKey(const std::vector<double> &counts)
{
    quint64 h = 1469598103934665603ull;
    for (double v : counts) {
        quint64 bits;
        std::memcpy(&bits, &v, sizeof bits);
        for (int b = 0; b < 8; ++b) {
            h ^= (bits >> (8 * b)) & 0xffu;
            h *= 1099511628211ull;
        }
    }
    return h;
}

} // namespace photopeak
