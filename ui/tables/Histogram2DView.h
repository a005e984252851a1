// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "tables/TablePlotView.h"

#include <vector>

class QCPColorMap;
class QCPColorScale;
class QCPTextElement;

namespace photopeak::ui {

// 2-D histogram (density map) of two columns over the rows that pass a cut, colour on an asinh scale so
// that single events and dense cores are both visible (e.g. track vs shower likelihood above an energy cut).
class Histogram2DView : public TablePlotView {
    Q_OBJECT
public:
    explicit Histogram2DView(QWidget *parent = nullptr);
    // keep: 1 = row counted, 0 or NaN = left out (empty = every row).
    void setData(const QString &xName, const std::vector<double> &x, const QString &yName, const std::vector<double> &y,
                 const std::vector<double> &keep, const QString &title);
    double countAt(int bx, int by) const;

private:
    QCPColorMap *m_map = nullptr;
    QCPColorScale *m_scale = nullptr;
    QCPTextElement *m_title = nullptr;
    std::vector<double> m_counts;
    int m_bins = 80;
};

} // namespace photopeak::ui
