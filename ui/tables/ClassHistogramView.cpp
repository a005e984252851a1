// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/ClassHistogramView.h"

#include "tables/ColumnStatistics.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace photopeak::ui {

void ClassHistogramView::setData(const QString &column, const std::vector<double> &values, const std::vector<int> &classOfRow,
                                 const QStringList &names)
{
    reset(column, tr("fraction of events per bin"));
    std::vector<double> present;
    for (double v : values)
        if (!std::isnan(v))
            present.push_back(v);
    if (present.empty()) {
        plot()->replot();
        return;
    }
    std::sort(present.begin(), present.end());
    double lo = present[static_cast<size_t>(0.005 * (present.size() - 1))];
    double hi = present[static_cast<size_t>(0.995 * (present.size() - 1))];
    if (!(hi > lo)) {
        lo = present.front() - 0.5;
        hi = present.back() + 0.5;
    }
    const int bins = 60;
    const QColor colours[] = {QColor(0xd9, 0x5f, 0x02), QColor(0x1b, 0x60, 0xa8), QColor(0x70, 0x70, 0x70)};
    plot()->legend->setVisible(true);
    // Without a usable label (an expression naming columns of a table not joined yet) the column is still
    // shown: all events as one grey histogram, instead of two empty classes.
    const bool labelled = std::any_of(classOfRow.begin(), classOfRow.end(), [](int c) { return c >= 0; });
    const std::vector<int> allRows = labelled ? std::vector<int>() : std::vector<int>(values.size(), 0);
    const QStringList shownNames = labelled ? names : QStringList{tr("all events")};
    for (int cls = 0; cls < shownNames.size() && cls < 2; ++cls) {
        const std::vector<double> h = ColumnStatistics::histogram(values, lo, hi, bins, labelled ? classOfRow : allRows, cls);
        double total = 0;
        for (double c : h)
            total += c;
        QVector<double> x, y;
        const double w = (hi - lo) / bins;
        for (int b = 0; b < bins; ++b) {
            x << lo + b * w << lo + (b + 1) * w;
            const double f = total > 0 ? h[static_cast<size_t>(b)] / total : 0.0;
            y << f << f;
        }
        QCPGraph *g = plot()->addGraph();
        g->setData(x, y, true);
        const QColor colour = colours[labelled ? cls : 2];
        g->setPen(QPen(colour, 2));
        QColor fill = colour;
        fill.setAlpha(50);
        g->setBrush(fill);
        g->setName(tr("%1 (%2 events in range)").arg(shownNames[cls]).arg(total));
    }
    plot()->rescaleAxes();
    plot()->yAxis->setRange(0, plot()->yAxis->range().upper * 1.08);
    plot()->replot();
}

} // namespace photopeak::ui
