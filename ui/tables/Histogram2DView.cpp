// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/Histogram2DView.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace photopeak::ui {

namespace {
std::pair<double, double> robustRange(std::vector<double> v)
{
    v.erase(std::remove_if(v.begin(), v.end(), [](double a) { return std::isnan(a); }), v.end());
    if (v.empty())
        return {0.0, 1.0};
    std::sort(v.begin(), v.end());
    double lo = v[static_cast<size_t>(0.002 * (v.size() - 1))], hi = v[static_cast<size_t>(0.998 * (v.size() - 1))];
    if (!(hi > lo)) {
        lo -= 0.5;
        hi += 0.5;
    }
    return {lo, hi};
}
} // namespace

Histogram2DView::Histogram2DView(QWidget *parent) : TablePlotView(parent)
{
    plot()->plotLayout()->insertRow(0);
    m_title = new QCPTextElement(plot(), QString(), QFont(font().family(), font().pointSize(), QFont::Bold));
    plot()->plotLayout()->addElement(0, 0, m_title);
    m_map = new QCPColorMap(plot()->xAxis, plot()->yAxis);
    m_scale = new QCPColorScale(plot());
    plot()->plotLayout()->addElement(1, 1, m_scale);
    m_scale->setLabel(tr("events (asinh scale)"));
    m_map->setColorScale(m_scale);
    QCPColorGradient g;  // viridis-like: dark blue, teal, green, yellow
    g.setColorStops({{0.0, QColor(68, 1, 84)}, {0.25, QColor(59, 82, 139)}, {0.5, QColor(33, 145, 140)},
                     {0.75, QColor(94, 201, 98)}, {1.0, QColor(253, 231, 37)}});
    g.setNanHandling(QCPColorGradient::nhTransparent);
    m_map->setGradient(g);
    m_map->setInterpolate(false);
    auto *margins = new QCPMarginGroup(plot());
    plot()->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
}

void Histogram2DView::setData(const QString &xName, const std::vector<double> &x, const QString &yName,
                              const std::vector<double> &y, const std::vector<double> &keep, const QString &title)
{
    plot()->xAxis->setLabel(xName);
    plot()->yAxis->setLabel(yName);
    m_title->setText(title);
    const auto [x0, x1] = robustRange(x);
    const auto [y0, y1] = robustRange(y);
    m_map->data()->setSize(m_bins, m_bins);
    m_map->data()->setRange(QCPRange(x0, x1), QCPRange(y0, y1));
    m_counts.assign(static_cast<size_t>(m_bins * m_bins), 0.0);
    qint64 used = 0, outside = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        if (!keep.empty() && !(keep[i] != 0.0 && !std::isnan(keep[i])))
            continue;
        if (std::isnan(x[i]) || std::isnan(y[i]))
            continue;
        if (x[i] < x0 || x[i] > x1 || y[i] < y0 || y[i] > y1) {
            ++outside;  // beyond the 0.2 / 99.8 % quantiles of a column: counted, not drawn
            continue;
        }
        const int bx = std::min(m_bins - 1, static_cast<int>((x[i] - x0) / (x1 - x0) * m_bins));
        const int by = std::min(m_bins - 1, static_cast<int>((y[i] - y0) / (y1 - y0) * m_bins));
        m_counts[static_cast<size_t>(by * m_bins + bx)] += 1.0;
        ++used;
    }
    double peak = 0;
    for (int by = 0; by < m_bins; ++by)
        for (int bx = 0; bx < m_bins; ++bx) {
            const double c = m_counts[static_cast<size_t>(by * m_bins + bx)];
            peak = std::max(peak, c);
            m_map->data()->setCell(bx, by, c > 0 ? std::asinh(c) : std::nan(""));
        }
    m_map->setDataRange(QCPRange(0.0, std::max(1.0, std::asinh(peak))));
    // Colour-scale ticks in events, placed at their asinh positions.
    QSharedPointer<QCPAxisTickerText> ticks(new QCPAxisTickerText);
    for (double c : {1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0, 10000.0, 100000.0})
        if (c <= peak * 1.01)
            ticks->addTick(std::asinh(c), QString::number(c));
    m_scale->axis()->setTicker(ticks);
    plot()->xAxis->setRange(x0, x1);
    plot()->yAxis->setRange(y0, y1);
    m_title->setText(outside > 0 ? tr("%1 (%2 events, %3 more outside the plotted range)").arg(title).arg(used).arg(outside)
                                 : tr("%1 (%2 events)").arg(title).arg(used));
    plot()->replot();
}

double Histogram2DView::countAt(int bx, int by) const
{
    return m_counts.empty() ? 0.0 : m_counts[static_cast<size_t>(by * m_bins + bx)];
}

} // namespace photopeak::ui
