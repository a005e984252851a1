// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "tables/TablePlotView.h"

#include <QStringList>

#include <vector>

namespace photopeak::ui {

// Scatter plot of two columns over the rows that pass a cut, one colour per class of the label expression
// (grey: rows the label leaves undecided). Large tables are thinned to an even subsample of at most
// maxPoints() rows so that the window stays responsive; the title says how many are drawn.
class ColumnScatterView : public TablePlotView {
    Q_OBJECT
public:
    explicit ColumnScatterView(QWidget *parent = nullptr);
    static constexpr int maxPoints() { return 40000; }
    // keep: 1 = row used, 0 or NaN = left out (empty = every row); classOfRow: 0, 1 or -1 (unlabelled).
    void setData(const QString &xName, const std::vector<double> &x, const QString &yName, const std::vector<double> &y,
                 const std::vector<double> &keep, const std::vector<int> &classOfRow, const QStringList &classNames,
                 const QString &title);
    // Points drawn per class (index 0, 1) and unlabelled (index 2), for tests.
    const std::vector<int> &drawn() const { return m_drawn; }

private:
    std::vector<int> m_drawn;
};

} // namespace photopeak::ui
