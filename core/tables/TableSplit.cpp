// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/TableSplit.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

namespace photopeak {

std::vector<char> TableSplit::stratified(const std::vector<int> &labels, double testFraction, quint64 seed)
{
    std::vector<char> test(labels.size(), 0);
    std::map<int, std::vector<size_t>> byClass;
    for (size_t i = 0; i < labels.size(); ++i)
        byClass[labels[i]].push_back(i);
    std::mt19937_64 rng(seed);
    for (auto &[label, rows] : byClass) {
        std::shuffle(rows.begin(), rows.end(), rng);
        const size_t n = static_cast<size_t>(std::llround(testFraction * double(rows.size())));
        for (size_t k = 0; k < std::min(n, rows.size()); ++k)
            test[rows[k]] = 1;
    }
    return test;
}

std::vector<char> TableSplit::grouped(const std::vector<int> &groups, double testFraction, quint64 seed)
{
    std::map<int, std::vector<size_t>> byGroup;
    for (size_t i = 0; i < groups.size(); ++i)
        byGroup[groups[i]].push_back(i);
    std::vector<int> ids;
    for (const auto &[g, rows] : byGroup)
        ids.push_back(g);
    std::mt19937_64 rng(seed);
    std::shuffle(ids.begin(), ids.end(), rng);
    std::vector<char> test(groups.size(), 0);
    const double target = testFraction * double(groups.size());
    size_t taken = 0;
    for (int g : ids) {
        if (double(taken) >= target - 0.5)
            break;
        for (size_t r : byGroup[g])
            test[r] = 1;
        taken += byGroup[g].size();
    }
    return test;
}

} // namespace photopeak
