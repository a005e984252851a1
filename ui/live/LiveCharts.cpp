// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "live/LiveCharts.h"

#include <QTimer>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace photopeak::ui {

namespace {
const QColor kPalette[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c),
                           QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2),
                           QColor(0x7f, 0x7f, 0x7f), QColor(0xbc, 0xbd, 0x22), QColor(0x17, 0xbe, 0xcf)};

// Legend in one row at the top left, over the plot (the strip charts leave room above their data).
void oneRowLegend(QCustomPlot *plot)
{
    plot->legend->setVisible(true);
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot->legend->setWrap(12);
    plot->legend->setBrush(QColor(255, 255, 255, 200));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
}

// Counts per second per channel against energy (or channel without a calibration), averaged over groups of
// channels so that about 512 points remain (a 5-s spectrum of 4096 channels is mostly zeros); empty groups are
// gaps (log axis).
void fillSpectrum(QCPGraph *graph, const Spectrum *s)
{
    QVector<double> x, y;
    if (s && s->liveTime > 0.0 && s->channelCount() > 0) {
        const bool calibrated = s->calibration.isValid(s->channelCount());
        const int group = std::max(1, s->channelCount() / 512);
        for (int first = 0; first < s->channelCount(); first += group) {
            const int last = std::min(s->channelCount(), first + group);
            double sum = 0.0;
            for (int c = first; c < last; ++c)
                sum += s->counts[size_t(c)];
            const double centre = 0.5 * (first + last - 1);
            x << (calibrated ? s->calibration.energyAt(centre) : centre);
            y << (sum > 0.0 ? sum / (s->liveTime * (last - first)) : qQNaN());
        }
    }
    graph->setData(x, y, true);
}
} // namespace

LiveCharts::LiveCharts(QWidget *parent) : QWidget(parent)
{
    m_rate = makePlot(tr("Count rate (cps)"));
    m_rateGraph = m_rate->addGraph();
    m_rateGraph->setName(tr("count rate"));
    m_rateGraph->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 1.5));
    m_backgroundGraph = m_rate->addGraph();
    m_backgroundGraph->setName(tr("rolling background"));
    m_backgroundGraph->setPen(QPen(QColor(0x2c, 0xa0, 0x2c), 1.5, Qt::DashLine));
    m_alarmGraph = m_rate->addGraph();
    m_alarmGraph->setName(tr("alarming interval"));
    m_alarmGraph->setLineStyle(QCPGraph::lsNone);
    m_alarmGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(0xc6, 0x28, 0x28), 6));
    oneRowLegend(m_rate);

    m_sigma = makePlot(tr("Excess (σ)"));
    m_sigmaGraph = m_sigma->addGraph();
    m_sigmaGraph->setPen(QPen(QColor(0x94, 0x67, 0xbd), 1.5));
    m_sigmaLine = new QCPItemStraightLine(m_sigma);
    m_sigmaLine->setPen(QPen(QColor(0xc6, 0x28, 0x28), 1, Qt::DashLine));

    m_probability = makePlot(tr("Probability"));
    m_probability->yAxis->setRange(-0.02, 1.35);  // room for the legend above p = 1
    auto ticks = QSharedPointer<QCPAxisTickerText>::create();
    for (double t : {0.0, 0.25, 0.5, 0.75, 1.0})
        ticks->addTick(t, QString::number(t));
    m_probability->yAxis->setTicker(ticks);
    oneRowLegend(m_probability);
    m_probabilityLine = new QCPItemStraightLine(m_probability);
    m_probabilityLine->setPen(QPen(QColor(0xc6, 0x28, 0x28), 1, Qt::DashLine));

    m_spectrum = makePlot(tr("Counts / s / channel"));
    m_spectrum->setObjectName(QLatin1String(spectrumPlotName));
    m_spectrumTimer = new QTimer(this);
    m_spectrumTimer->setSingleShot(true);
    m_spectrumTimer->setInterval(spectrumRedrawMs);
    connect(m_spectrumTimer, &QTimer::timeout, this, [this] {
        if (m_spectrumDirty)
            replotSpectrum();
    });
    m_spectrum->xAxis->setLabel(tr("Energy (keV)"));
    m_spectrum->yAxis->setScaleType(QCPAxis::stLogarithmic);
    m_spectrum->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    m_latestGraph = m_spectrum->addGraph();
    m_latestGraph->setName(tr("latest spectrum"));
    m_latestGraph->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 1));
    m_latestGraph->setLineStyle(QCPGraph::lsStepCenter);
    m_sumGraph = m_spectrum->addGraph();
    m_sumGraph->setName(tr("running sum"));
    m_sumGraph->setPen(QPen(QColor(0xff, 0x7f, 0x0e), 1.5));
    m_sumGraph->setLineStyle(QCPGraph::lsStepCenter);
    oneRowLegend(m_spectrum);
    m_spectrum->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_rate, 3);
    layout->addWidget(m_sigma, 2);
    layout->addWidget(m_probability, 2);
    layout->addWidget(m_spectrum, 3);
    setThresholds(4.0, 0.5);
    clear({});
}

QCustomPlot *LiveCharts::makePlot(const QString &yLabel)
{
    auto *plot = new QCustomPlot(this);
    plot->setMinimumHeight(110);
    plot->yAxis->setLabel(yLabel);
    plot->xAxis->setLabel(tr("Spectrum #"));
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->axisRect()->setRangeZoom(Qt::Horizontal);
    plot->axisRect()->setRangeDrag(Qt::Horizontal);
    plot->setNoAntialiasingOnDrag(true);
    // Solid graph lines as one polyline: the GUI thread's CPU per update falls from ~21 to ~9 % of a core at 10
    // spectra/s (photopeak-bench-gui-live), so a new spectrum is shown within 50 ms; antialiasing stays on.
    plot->setPlottingHint(QCP::phFastPolylines, true);
    return plot;
}

void LiveCharts::clear(const QStringList &isotopes)
{
    for (QCPGraph *g : {m_rateGraph, m_backgroundGraph, m_alarmGraph, m_sigmaGraph, m_latestGraph, m_sumGraph})
        g->data()->clear();
    for (QCPGraph *g : m_isotopeGraphs)
        m_probability->removeGraph(g);
    m_isotopeGraphs.clear();
    m_isotopes = isotopes;
    for (int i = 0; i < isotopes.size(); ++i) {
        QCPGraph *g = m_probability->addGraph();
        g->setName(isotopes[i]);
        g->setPen(QPen(kPalette[i % int(std::size(kPalette))], 1.5));
        m_isotopeGraphs.push_back(g);
    }
    m_lastKey = 0.0;
    for (QCustomPlot *p : {m_rate, m_sigma, m_probability})
        p->xAxis->setRange(0.0, 21.0);
    m_followUpper = 21.0;
    replot();
}

int LiveCharts::pointCount() const { return m_rateGraph->dataCount(); }

void LiveCharts::setThresholds(double sigma, double probability)
{
    m_sigmaLine->point1->setCoords(0.0, sigma);
    m_sigmaLine->point2->setCoords(1.0, sigma);
    m_probabilityLine->point1->setCoords(0.0, probability);
    m_probabilityLine->point2->setCoords(1.0, probability);
}

void LiveCharts::append(const std::vector<LiveResultPtr> &batch)
{
    const LiveResult *latest = nullptr;
    for (const LiveResultPtr &r : batch) {
        if (!r->usable)
            continue;
        const double key = double(r->sequence);
        m_lastKey = key;
        m_rateGraph->addData(key, r->countRateCps);
        if (r->backgroundReady)
            m_backgroundGraph->addData(key, r->backgroundCps);
        if (r->alarming)
            m_alarmGraph->addData(key, r->countRateCps);
        m_sigmaGraph->addData(key, r->backgroundReady ? r->sigma : qQNaN());
        for (size_t i = 0; i < m_isotopeGraphs.size(); ++i) {
            double p = qQNaN();
            for (const IsotopeFinding &f : r->analysis.isotopes)
                if (f.isotope == m_isotopes[int(i)])
                    p = f.probability;
            m_isotopeGraphs[i]->addData(key, p);
        }
        latest = r.get();
    }
    if (!latest)
        return;
    const double first = m_lastKey - maxPoints;
    for (QCPGraph *g : {m_rateGraph, m_backgroundGraph, m_alarmGraph, m_sigmaGraph})
        g->data()->removeBefore(first);
    for (QCPGraph *g : m_isotopeGraphs)
        g->data()->removeBefore(first);
    showSpectra(*latest);
}

void LiveCharts::showSpectra(const LiveResult &latest)
{
    fillSpectrum(m_latestGraph, latest.spectrum.get());
    fillSpectrum(m_sumGraph, latest.runningSum.get());
    m_sumGraph->setName(latest.runningSum && !latest.runningSum->description.isEmpty() ? latest.runningSum->description
                                                                                      : tr("running sum"));
}

void LiveCharts::replot()
{
    // Strip charts follow the newest interval (the last 200 in view) unless the user zoomed into the past.
    const double span = std::max(20.0, std::min(200.0, m_lastKey));
    for (QCustomPlot *p : {m_rate, m_sigma, m_probability}) {
        const QCPRange r = p->xAxis->range();
        if (qFuzzyCompare(r.upper, m_followUpper) || r.upper <= 1.0)  // not moved by the user since the last update
            p->xAxis->setRange(std::max(0.0, m_lastKey - span), std::max(span, m_lastKey) + 1.0);
    }
    m_followUpper = std::max(span, m_lastKey) + 1.0;
    bool found = false;
    QCPRange rateRange = m_rateGraph->getValueRange(found, QCP::sdBoth, m_rate->xAxis->range());
    if (found)  // room above the data for the legend
        m_rate->yAxis->setRange(std::max(0.0, rateRange.lower * 0.9), rateRange.upper + 0.35 * (rateRange.upper - rateRange.lower * 0.9) + 1.0);
    QCPRange sigmaRange = m_sigmaGraph->getValueRange(found, QCP::sdBoth, m_sigma->xAxis->range());
    const double threshold = m_sigmaLine->point1->coords().y();
    if (found)
        m_sigma->yAxis->setRange(std::min(-4.0, sigmaRange.lower - 1.0), std::max(threshold + 2.0, sigmaRange.upper * 1.1 + 1.0));
    else
        m_sigma->yAxis->setRange(-4.0, threshold + 2.0);
    for (QCustomPlot *p : {m_rate, m_sigma, m_probability})
        p->replot(QCustomPlot::rpQueuedReplot);
    m_spectrumDirty = true;
    if (!m_spectrumTimer->isActive())
        replotSpectrum();
}

void LiveCharts::replotSpectrum()
{
    m_spectrumDirty = false;
    m_spectrum->rescaleAxes();
    if (m_spectrum->yAxis->range().lower <= 0.0 || m_latestGraph->dataCount() == 0)
        m_spectrum->yAxis->setRange(1e-3, 10.0);
    m_spectrum->replot(QCustomPlot::rpQueuedReplot);
    m_spectrumTimer->start();
}

} // namespace photopeak::ui
