// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "util/Result.h"

#include <QWidget>

class QCustomPlot;

namespace photopeak::ui {

// Base of the event-table plots: one QCustomPlot filling the widget, PNG export of exactly what is shown.
class TablePlotView : public QWidget {
    Q_OBJECT
public:
    explicit TablePlotView(QWidget *parent = nullptr);
    QCustomPlot *plot() const { return m_plot; }
    // Exactly what is shown, written atomically (the caller asked OutputGuard).
    Status savePng(const QString &path) const;

protected:
    // Empties the plot (graphs, plottables, items) and sets the axis labels.
    void reset(const QString &xLabel, const QString &yLabel);

private:
    QCustomPlot *m_plot = nullptr;
};

} // namespace photopeak::ui
