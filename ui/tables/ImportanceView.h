// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "tables/FeatureImportance.h"
#include "tables/TablePlotView.h"

namespace photopeak::ui {

// Horizontal bars of feature importances (linear weights or permutation AUC drops, with error bars),
// largest magnitude at the top, at most `limit` features.
class ImportanceView : public TablePlotView {
    Q_OBJECT
public:
    using TablePlotView::TablePlotView;
    void setEntries(const std::vector<FeatureImportance::Entry> &entries, const QString &title, int limit = 20);
};

} // namespace photopeak::ui
