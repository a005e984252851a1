// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QtGlobal>

#include <vector>

namespace photopeak {

// k-fold split that keeps every group (acquisition series) whole, so spectra recorded one after another
// never sit on both sides. Groups are dealt largest first to the fold that has the fewest samples of the
// group's majority class, which keeps both classes in every fold where the groups allow it. Seeded.
class GroupedKFold {
public:
    // Returns the fold (0..folds-1) of every sample. labels: 1 positive, 0 negative.
    static std::vector<int> assign(const std::vector<int> &groups, const std::vector<int> &labels, int folds,
                                   quint64 seed);
    // Indices of the samples in / not in one fold.
    static std::vector<int> testRows(const std::vector<int> &foldOf, int fold);
    static std::vector<int> trainRows(const std::vector<int> &foldOf, int fold);
};

} // namespace photopeak
