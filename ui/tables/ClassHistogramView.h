// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "tables/TablePlotView.h"

#include <QStringList>

#include <vector>

namespace photopeak::ui {

// Histogram of one column, one outline per class (each normalised to unit area, so small and large
// classes compare), over the 0.5 %..99.5 % range of the values.
class ClassHistogramView : public TablePlotView {
    Q_OBJECT
public:
    using TablePlotView::TablePlotView;
    // classOfRow: 0/1 per row (-1 = no class, left out); names: class names in that order.
    void setData(const QString &column, const std::vector<double> &values, const std::vector<int> &classOfRow,
                 const QStringList &names);
};

} // namespace photopeak::ui
