// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "tables/EventEvaluation.h"
#include "tables/TablePlotView.h"

namespace photopeak::ui {

// ROC curves (true-positive vs false-positive rate) with their areas in the legend, and the diagonal.
class RocCurveView : public TablePlotView {
    Q_OBJECT
public:
    using TablePlotView::TablePlotView;
    void setCurves(const QList<QPair<QString, EventEvaluation>> &curves, const QString &positiveName);
};

} // namespace photopeak::ui
