// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "metrics/GroupedKFold.h"

#include <algorithm>
#include <map>
#include <random>

namespace photopeak {

std::vector<int> GroupedKFold::assign(const std::vector<int> &groups, const std::vector<int> &labels, int folds,
                                      quint64 seed)
{
    folds = std::max(1, folds);
    struct Group { int id; int size = 0; int positives = 0; };
    std::map<int, Group> byId;
    for (size_t i = 0; i < groups.size(); ++i) {
        Group &g = byId[groups[i]];
        g.id = groups[i];
        ++g.size;
        g.positives += i < labels.size() && labels[i] ? 1 : 0;
    }
    std::vector<Group> order;
    for (const auto &[id, g] : byId)
        order.push_back(g);
    std::mt19937_64 rng(seed);
    std::shuffle(order.begin(), order.end(), rng);
    std::stable_sort(order.begin(), order.end(), [](const Group &a, const Group &b) { return a.size > b.size; });
    std::vector<int> pos(static_cast<size_t>(folds), 0), neg(static_cast<size_t>(folds), 0);
    std::map<int, int> foldOfGroup;
    for (const Group &g : order) {
        const bool positive = 2 * g.positives >= g.size;
        int best = 0;
        for (int f = 1; f < folds; ++f) {
            const auto key = [&](int k) {
                const int same = positive ? pos[static_cast<size_t>(k)] : neg[static_cast<size_t>(k)];
                return std::make_pair(same, pos[static_cast<size_t>(k)] + neg[static_cast<size_t>(k)]);
            };
            if (key(f) < key(best))
                best = f;
        }
        foldOfGroup[g.id] = best;
        pos[static_cast<size_t>(best)] += g.positives;
        neg[static_cast<size_t>(best)] += g.size - g.positives;
    }
    std::vector<int> out(groups.size());
    for (size_t i = 0; i < groups.size(); ++i)
        out[i] = foldOfGroup[groups[i]];
    return out;
}

std::vector<int> GroupedKFold::testRows(const std::vector<int> &foldOf, int fold)
{
    std::vector<int> rows;
    for (size_t i = 0; i < foldOf.size(); ++i)
        if (foldOf[i] == fold)
            rows.push_back(static_cast<int>(i));
    return rows;
}

std::vector<int> GroupedKFold::trainRows(const std::vector<int> &foldOf, int fold)
{
    std::vector<int> rows;
    for (size_t i = 0; i < foldOf.size(); ++i)
        if (foldOf[i] != fold)
            rows.push_back(static_cast<int>(i));
    return rows;
}

} // namespace photopeak
