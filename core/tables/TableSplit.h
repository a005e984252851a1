// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QtGlobal>

#include <vector>

namespace photopeak {

// Train/test splits with a fixed seed. Stratified: the test share of every class is the same (rounded per
// class). Grouped: whole groups (runs, files) go to one side, chosen at random until the test share is
// reached, so that correlated events never sit on both sides.
class TableSplit {
public:
    // 1 = test row, 0 = training row. labels: any small integers.
    static std::vector<char> stratified(const std::vector<int> &labels, double testFraction, quint64 seed);
    static std::vector<char> grouped(const std::vector<int> &groups, double testFraction, quint64 seed);
};

} // namespace photopeak
