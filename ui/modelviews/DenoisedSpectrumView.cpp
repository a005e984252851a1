// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "modelviews/DenoisedSpectrumView.h"

#include "modelviews/ModelPlotStyle.h"
#include "plot/SpectrumPlotter.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <numeric>

namespace photopeak::ui {

DenoisedSpectrumView::DenoisedSpectrumView(QWidget *parent) : QWidget(parent), m_logBox(new QCheckBox(tr("Log scale"), this))
{
    m_frame = modelplot::PlotFrame(this);
    m_frame.bar->addWidget(m_logBox);
    m_frame.bar->addStretch(1);
    m_frame.addSaveButton(QStringLiteral("denoised.png"), [this] { return m_example.isValid(); }, &m_inputs);
    m_plot = m_frame.plot;
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    connect(m_logBox, &QCheckBox::toggled, this, [this] { rebuild(); });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { rebuild(); });
    clear(tr("Select a spectrum to see it beside its reconstruction by the latent model."));
}

void DenoisedSpectrumView::clear(const QString &why)
{
    m_example = {};
    m_frame.showPlaceholder(tr("Original vs denoised"), why);
}

void DenoisedSpectrumView::setExample(const LatentExample &example)
{
    m_example = example;
    if (!m_example.isValid()) {
        clear(tr("This spectrum cannot be put on the latent model's grid (no counts or no energy calibration)."));
        return;
    }
    m_frame.showPlot();
    rebuild();
}

void DenoisedSpectrumView::rebuild()
{
    if (m_example.isValid())
        draw(m_plot, m_example, m_logBox->isChecked());
}

void DenoisedSpectrumView::draw(QCustomPlot *plot, const LatentExample &e, bool log)
{
    if (!e.isValid())
        return;
    const int n = e.channels(), c0 = std::clamp(e.minChannel, 0, n);
    plot->clearGraphs();
    plot->clearItems();
    if (plot->plotLayout()->rowCount() > 1)
        plot->plotLayout()->removeAt(0);
    plot->plotLayout()->simplify();
    auto *title = new QCPTextElement(
        plot,
        tr("%1: original vs denoised\ncosine similarity %2 (channels ≥ %3) · Pearson %4 · explained variance %5")
            .arg(e.name)
            .arg(e.cosine, 0, 'f', 4)
            .arg(c0)
            .arg(e.similarity, 0, 'f', 4)
            .arg(e.explainedVariance, 0, 'f', 4),
        modelplot::plotFont(0.0, true));
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, title);

    modelplot::addStepGraph(plot, e.edgesKeV, e.counts.data(), c0, n, 1.0, QPen(QColor(0x40, 0x40, 0x40), 1.2),
                            tr("original (%1 counts)").arg(std::accumulate(e.counts.begin() + c0, e.counts.end(), 0.0), 0, 'f', 0));
    for (int c = 0; c < e.components.size(); ++c) {
        if (!(size_t(c) < e.scores.size() && e.scores[size_t(c)] > 0.0))
            continue;
        modelplot::addStepGraph(plot, e.edgesKeV, e.loading(c), c0, n, e.scores[size_t(c)],
                                QPen(SpectrumPlotter::colorFor(c), 1.0, Qt::DashLine),
                                tr("%1: score %2, share %3 %").arg(e.components[c]).arg(e.scores[size_t(c)], 0, 'f', 0)
                                    .arg(100.0 * e.shares[size_t(c)], 0, 'f', 1));
    }
    modelplot::addStepGraph(plot, e.edgesKeV, e.denoised.data(), c0, n, 1.0, QPen(QColor(0xc0, 0x20, 0x20), 2.0),
                            tr("denoised (scores × loadings)"));

    plot->xAxis->setLabel(tr("Energy (keV)"));
    plot->yAxis->setLabel(tr("Counts per channel"));
    plot->yAxis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (log)
        plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
        plot->yAxis->setTicker(modelplot::compactTicker(6));
    plot->xAxis->setRange(e.edgesKeV[size_t(c0)], e.edgesKeV.back());
    double top = 0.0;
    for (int c = c0; c < n; ++c)
        top = std::max({top, e.counts[size_t(c)], e.denoised[size_t(c)]});
    plot->yAxis->setRange(log ? 0.5 : 0.0, top > 0.0 ? top * (log ? 2.0 : 1.08) : 1.0);
    plot->legend->setVisible(true);
    plot->legend->setFont(modelplot::plotFont(-1.0));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    plot->replot();
}

} // namespace photopeak::ui
