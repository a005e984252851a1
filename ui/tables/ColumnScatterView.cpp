// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/ColumnScatterView.h"

#include <qcustomplot.h>

#include <cmath>

namespace photopeak::ui {

ColumnScatterView::ColumnScatterView(QWidget *parent) : TablePlotView(parent) {}

void ColumnScatterView::setData(const QString &xName, const std::vector<double> &x, const QString &yName,
                                const std::vector<double> &y, const std::vector<double> &keep,
                                const std::vector<int> &classOfRow, const QStringList &classNames, const QString &title)
{
    reset(xName, yName);
    std::vector<size_t> rows;
    for (size_t i = 0; i < x.size() && i < y.size(); ++i)
        if ((keep.empty() || (!std::isnan(keep[i]) && keep[i] != 0.0)) && std::isfinite(x[i]) && std::isfinite(y[i]))
            rows.push_back(i);
    const size_t step = rows.size() > size_t(maxPoints()) ? (rows.size() + maxPoints() - 1) / maxPoints() : 1;
    QVector<double> px[3], py[3];
    for (size_t k = 0; k < rows.size(); k += step) {
        const size_t i = rows[k];
        const int c = i < classOfRow.size() && classOfRow[i] >= 0 ? classOfRow[i] : 2;
        px[c].append(x[i]);
        py[c].append(y[i]);
    }
    // The colours of the per-class histograms: negative orange, positive blue, unlabelled grey.
    const QColor colours[3] = {QColor(0xd9, 0x5f, 0x02, 120), QColor(0x1b, 0x60, 0xa8, 120), QColor(120, 120, 120, 70)};
    const QString names[3] = {classNames.value(0, tr("class 0")), classNames.value(1, tr("class 1")), tr("unlabelled")};
    m_drawn.assign(3, 0);
    // Unlabelled first, so that the classes are drawn over them.
    for (int c : {2, 0, 1}) {
        if (px[c].isEmpty())
            continue;
        QCPGraph *g = plot()->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colours[c], colours[c], 3));
        g->setData(px[c], py[c]);
        g->setName(QStringLiteral("%1 (%2)").arg(names[c]).arg(px[c].size()));
        m_drawn[size_t(c)] = int(px[c].size());
    }
    plot()->rescaleAxes();
    plot()->xAxis->scaleRange(1.05);
    plot()->yAxis->scaleRange(1.05);
    plot()->legend->setVisible(true);
    const int shown = m_drawn[0] + m_drawn[1] + m_drawn[2];
    plot()->xAxis2->setLabel(step > 1 ? tr("%1: %2 of %3 events drawn (every %4th)").arg(title).arg(shown).arg(rows.size()).arg(step)
                                      : tr("%1: %2 events").arg(title).arg(shown));
    plot()->xAxis2->setVisible(true);
    plot()->xAxis2->setTicks(false);
    plot()->xAxis2->setTickLabels(false);
    plot()->replot();
}

} // namespace photopeak::ui
