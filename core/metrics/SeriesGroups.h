// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QString>

#include <vector>

namespace photopeak {

// Acquisition series for grouped cross-validation: spectra in one folder were recorded one after another
// and belong together. Folders that share identical count arrays (copies, e.g. a re-calibrated copy of a
// series) are merged into one group, so a copy never sits on the other side of a split.
class SeriesGroups {
public:
    // seriesKeys: one per spectrum (its folder); contentKeys: a hash of its counts. Returns group ids 0..n-1.
    static std::vector<int> assign(const std::vector<QString> &seriesKeys, const std::vector<quint64> &contentKeys);
    // FNV-1a over the values, for contentKeys.
    static quint64 countsKey(const std::vector<double> &counts);
};

} // namespace photopeak
