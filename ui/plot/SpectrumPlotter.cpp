// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "plot/SpectrumPlotter.h"

#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace photopeak::ui {

QFont SpectrumPlotter::plotFont(qreal pointSizeDelta, bool bold)
{
    QFont f = QGuiApplication::font();
    f.setPointSizeF(std::max<qreal>(7.0, f.pointSizeF() + pointSizeDelta));
    f.setBold(bold);
    return f;
}

void SpectrumPlotter::styleAxis(QCPAxis *axis)
{
    const QPen axisPen(QColor(0x40, 0x40, 0x40), 1);
    axis->setBasePen(axisPen);
    axis->setTickPen(axisPen);
    axis->setSubTickPen(axisPen);
    axis->setTickLabelFont(plotFont(0));
    axis->setLabelFont(plotFont(0.5));
    axis->setTickLabelColor(QColor(0x20, 0x20, 0x20));
    axis->setLabelColor(QColor(0x20, 0x20, 0x20));
    axis->setTickLengthIn(5);
    axis->setSubTickLengthIn(3);
    axis->grid()->setPen(QPen(QColor(0, 0, 0, 28), 1, Qt::SolidLine));
    axis->grid()->setSubGridPen(QPen(QColor(0, 0, 0, 14), 1, Qt::DotLine));
    axis->grid()->setZeroLinePen(Qt::NoPen);
}

QColor SpectrumPlotter::colorFor(int index)
{
    // Colour-blind-friendly, distinct on white (Tableau 10 order).
    static const QColor palette[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c),
                                     QColor(0xff, 0x7f, 0x0e), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                     QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f), QColor(0xbc, 0xbd, 0x22),
                                     QColor(0x17, 0xbe, 0xcf)};
    constexpr int n = static_cast<int>(std::size(palette));
    return palette[((index % n) + n) % n];
}

QString SpectrumPlotter::xAxisTitle(const PlotOptions &effective)
{
    return effective.energyAxis ? tr("Energy (keV)") : tr("Channel");
}

QString SpectrumPlotter::yAxisTitle(const PlotOptions &effective)
{
    return effective.countRate ? tr("Count rate (counts/s per channel)") : tr("Counts per channel");
}

void SpectrumPlotter::setupPlot(QCustomPlot *plot)
{
    plot->setBackground(Qt::white);
    plot->setNoAntialiasingOnDrag(true);
    plot->setPlottingHint(QCP::phCacheLabels, true);
    plot->axisRect()->setupFullAxesBox(true);
    for (QCPAxis *axis : plot->axisRect()->axes())
        styleAxis(axis);
    plot->xAxis2->setTickLabels(false);
    plot->yAxis2->setTickLabels(false);
    plot->xAxis2->grid()->setVisible(false);
    plot->yAxis2->grid()->setVisible(false);
    plot->xAxis->ticker()->setTickCount(10);

    plot->legend->setVisible(false);
    plot->legend->setFont(plotFont(-0.5));
    plot->legend->setBrush(QColor(255, 255, 255, 225));
    plot->legend->setBorderPen(QPen(QColor(0xb0, 0xb0, 0xb0)));
    plot->legend->setIconSize(22, 16);  // also sets the text box height: smaller clips underscores
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
}

SpectrumPlotter::Summary SpectrumPlotter::draw(QCustomPlot *plot, const std::vector<const Spectrum *> &spectra,
                                               const PlotOptions &options)
{
    plot->clearGraphs();
    Summary summary;
    summary.effective = options;

    std::vector<const Spectrum *> drawable;
    for (const Spectrum *s : spectra)
        if (s && s->channelCount() > 0)
            drawable.push_back(s);
    if (drawable.size() < spectra.size())
        summary.notes << tr("%n selected spectra have no counts to draw.", nullptr, static_cast<int>(spectra.size() - drawable.size()));
    if (static_cast<int>(drawable.size()) > MaxOverlay) {
        summary.omitted = static_cast<int>(drawable.size()) - MaxOverlay;
        drawable.resize(MaxOverlay);
        summary.notes << tr("Showing the first %1 of the selected spectra.").arg(MaxOverlay);
    }

    const bool allLive = std::all_of(drawable.begin(), drawable.end(), [](const Spectrum *s) { return s->hasLiveTime(); });
    const bool allCalibrated = std::all_of(drawable.begin(), drawable.end(), [](const Spectrum *s) {
        return s->calibration.isValid(s->channelCount());
    });
    if (options.countRate && !allLive) {
        summary.effective.countRate = false;
        summary.notes << tr("Count rate needs a live time; showing counts.");
    }
    if (options.energyAxis && !allCalibrated) {
        summary.effective.energyAxis = false;
        summary.notes << tr("No valid energy calibration; showing channels.");
    }

    for (size_t i = 0; i < drawable.size(); ++i) {
        const Spectrum &s = *drawable[i];
        const int n = s.channelCount();
        // n channels -> n + 1 edges; the last point repeats the last value so the final step is drawn.
        QVector<double> keys(n + 1), values(n + 1);
        if (summary.effective.energyAxis) {
            const std::vector<double> edges = s.calibration.channelEdges(n);
            std::copy(edges.begin(), edges.end(), keys.begin());
        } else {
            for (int c = 0; c <= n; ++c)
                keys[c] = c;
        }
        const double scale = summary.effective.countRate ? 1.0 / s.liveTime : 1.0;
        for (int c = 0; c < n; ++c)
            values[c] = s.counts[static_cast<size_t>(c)] * scale;
        values[n] = values[n - 1];

        QCPGraph *graph = plot->addGraph();
        graph->setData(keys, values, true);
        graph->setLineStyle(QCPGraph::lsStepLeft);
        graph->setPen(QPen(colorFor(static_cast<int>(i)), 1.0));
        graph->setAntialiased(false);
        graph->setAdaptiveSampling(true);
        graph->setName(s.displayName());
    }
    if (drawable.size() == 1) {  // a single spectrum reads better with a light fill under the steps
        QColor fill = colorFor(0);
        fill.setAlpha(45);
        plot->graph(0)->setBrush(fill);
    }
    summary.drawn = static_cast<int>(drawable.size());

    plot->xAxis->setLabel(xAxisTitle(summary.effective));
    plot->yAxis->setLabel(yAxisTitle(summary.effective));
    if (summary.effective.logScale) {
        auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
        ticker->setLogBase(10);
        ticker->setSubTickCount(8);
        plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
        plot->yAxis->setTicker(ticker);
        plot->yAxis->setNumberFormat(QStringLiteral("eb"));
        plot->yAxis->setNumberPrecision(0);
        plot->yAxis->grid()->setSubGridVisible(true);
    } else {
        plot->yAxis->setScaleType(QCPAxis::stLinear);
        plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        plot->yAxis->setNumberFormat(QStringLiteral("gb"));
        plot->yAxis->setNumberPrecision(6);
        plot->yAxis->grid()->setSubGridVisible(false);
    }
    plot->yAxis2->setScaleType(plot->yAxis->scaleType());
    plot->yAxis2->setTicker(plot->yAxis->ticker());
    plot->legend->setVisible(summary.drawn > 0);

    plot->xAxis->setRange(summary.drawn > 0 ? fullKeyRange(plot) : QCPRange(0, 1));
    fitValueAxis(plot, summary.effective.logScale);
    return summary;
}

QCPRange SpectrumPlotter::fullKeyRange(const QCustomPlot *plot)
{
    double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
    for (int i = 0; i < plot->graphCount(); ++i) {
        const auto data = plot->graph(i)->data();
        if (data->isEmpty())
            continue;
        lo = std::min(lo, data->constBegin()->key);
        hi = std::max(hi, (data->constEnd() - 1)->key);
    }
    if (lo >= hi)
        return QCPRange(0, 1);
    // Spectra start near 0: show the origin instead of an odd offset like 0.13 keV.
    if (lo > 0 && lo < 0.02 * (hi - lo))
        lo = 0;
    return QCPRange(lo, hi);
}

void SpectrumPlotter::fitValueAxis(QCustomPlot *plot, bool logScale)
{
    const QCPRange keys = plot->xAxis->range();
    double maxValue = std::numeric_limits<double>::lowest();
    double minValue = std::numeric_limits<double>::max();
    double minPositive = std::numeric_limits<double>::max();
    for (int i = 0; i < plot->graphCount(); ++i) {
        const auto data = plot->graph(i)->data();
        auto end = data->findEnd(keys.upper, true);
        for (auto it = data->findBegin(keys.lower, true); it != end; ++it) {
            const double v = it->value;
            if (!std::isfinite(v))
                continue;
            maxValue = std::max(maxValue, v);
            minValue = std::min(minValue, v);
            if (v > 0)
                minPositive = std::min(minPositive, v);
        }
    }
    if (logScale) {
        if (minPositive == std::numeric_limits<double>::max())
            plot->yAxis->setRange(0.5, 10);
        else
            plot->yAxis->setRange(minPositive * 0.5, std::max(maxValue, minPositive) * 3.0);
    } else {
        if (maxValue == std::numeric_limits<double>::lowest())
            plot->yAxis->setRange(0, 1);
        else {
            const double lo = std::min(0.0, minValue);
            const double hi = maxValue > lo ? maxValue : lo + 1.0;
            plot->yAxis->setRange(lo, hi + 0.12 * (hi - lo));
        }
    }
    plot->yAxis2->setRange(plot->yAxis->range());
}

int SpectrumPlotter::channelAt(const QCPGraph *graph, double key)
{
    const auto data = graph->data();
    if (data->size() < 2 || key < data->constBegin()->key || key >= (data->constEnd() - 1)->key)
        return -1;
    auto it = std::upper_bound(data->constBegin(), data->constEnd(), QCPGraphData::fromSortKey(key),
                               qcpLessThanSortKey<QCPGraphData>);
    return static_cast<int>(it - data->constBegin()) - 1;
}

} // namespace photopeak::ui
