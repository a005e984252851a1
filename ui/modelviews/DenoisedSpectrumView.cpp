// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "modelviews/DenoisedSpectrumView.h"

#include "modelviews/ModelPlotStyle.h"
#include "modelviews/PlotExport.h"
#include "plot/SpectrumPlotter.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <numeric>

namespace photopeak::ui {

void stepData(const std::vector<double> &edges, const double *values, int first, int last, double scale,
              QVector<double> &keys, QVector<double> &data)
{
    keys.clear();
    data.clear();
    for (int c = first; c < last; ++c) {
        keys << edges[size_t(c)];
        data << values[c] * scale;
    }
    if (last > first) {  // close the last step
        keys << edges[size_t(last)];
        data << values[last - 1] * scale;
    }
}

DenoisedSpectrumView::DenoisedSpectrumView(QWidget *parent)
    : QWidget(parent)
    , m_logBox(new QCheckBox(tr("Log scale"), this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(8, 4, 8, 4);
    bar->addWidget(m_logBox);
    bar->addStretch(1);
    auto *save = new QPushButton(tr("Save PNG…"), this);
    save->setToolTip(tr("Save this plot as a PNG image"));
    bar->addWidget(save);
    layout->addLayout(bar);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setStyleSheet(QStringLiteral("QLabel { color: #707070; background: white; }"));
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_plot);
    layout->addWidget(m_stack, 1);
    SpectrumPlotter::setupPlot(m_plot);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    connect(m_logBox, &QCheckBox::toggled, this, [this] { rebuild(); });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { rebuild(); });
    connect(save, &QPushButton::clicked, this, [this] {
        if (m_example.isValid())
            exportPlotPng(this, m_plot, QStringLiteral("denoised.png"), m_inputs);
    });
    clear(tr("Select a spectrum to see it beside its reconstruction by the latent model."));
}

void DenoisedSpectrumView::clear(const QString &why)
{
    m_example = {};
    m_placeholder->setText(QStringLiteral("<p style='font-size:15pt'>%1</p><p>%2</p>")
                               .arg(tr("Original vs denoised"), why.toHtmlEscaped()));
    m_stack->setCurrentWidget(m_placeholder);
}

void DenoisedSpectrumView::setExample(const LatentExample &example)
{
    m_example = example;
    if (!m_example.isValid()) {
        clear(tr("This spectrum cannot be put on the latent model's grid (no counts or no energy calibration)."));
        return;
    }
    m_stack->setCurrentWidget(m_plot);
    rebuild();
}

void DenoisedSpectrumView::rebuild()
{
    if (!m_example.isValid())
        return;
    const LatentExample &e = m_example;
    const int n = e.channels(), c0 = std::clamp(e.minChannel, 0, n);
    m_plot->clearGraphs();
    m_plot->clearItems();
    if (m_plot->plotLayout()->rowCount() > 1)
        m_plot->plotLayout()->removeAt(0);
    m_plot->plotLayout()->simplify();
    auto *title = new QCPTextElement(
        m_plot,
        tr("%1: original vs denoised\ncosine similarity %2 (channels ≥ %3) · Pearson %4 · explained variance %5")
            .arg(e.name)
            .arg(e.cosine, 0, 'f', 4)
            .arg(c0)
            .arg(e.similarity, 0, 'f', 4)
            .arg(e.explainedVariance, 0, 'f', 4),
        modelplot::plotFont(0.0, true));
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, title);

    QVector<double> k, v;
    stepData(e.edgesKeV, e.counts.data(), c0, n, 1.0, k, v);
    QCPGraph *original = m_plot->addGraph();
    original->setData(k, v, true);
    original->setLineStyle(QCPGraph::lsStepLeft);
    original->setPen(QPen(QColor(0x40, 0x40, 0x40), 1.2));
    original->setName(tr("original (%1 counts)").arg(std::accumulate(e.counts.begin() + c0, e.counts.end(), 0.0), 0, 'f', 0));
    for (int c = 0; c < e.components.size(); ++c) {
        if (!(size_t(c) < e.scores.size() && e.scores[size_t(c)] > 0.0))
            continue;
        stepData(e.edgesKeV, e.loading(c), c0, n, e.scores[size_t(c)], k, v);
        QCPGraph *part = m_plot->addGraph();
        part->setData(k, v, true);
        part->setLineStyle(QCPGraph::lsStepLeft);
        part->setPen(QPen(SpectrumPlotter::colorFor(c), 1.0, Qt::DashLine));
        part->setName(tr("%1: score %2, share %3 %").arg(e.components[c]).arg(e.scores[size_t(c)], 0, 'f', 0)
                          .arg(100.0 * e.shares[size_t(c)], 0, 'f', 1));
    }
    stepData(e.edgesKeV, e.denoised.data(), c0, n, 1.0, k, v);
    QCPGraph *denoised = m_plot->addGraph();
    denoised->setData(k, v, true);
    denoised->setLineStyle(QCPGraph::lsStepLeft);
    denoised->setPen(QPen(QColor(0xc0, 0x20, 0x20), 2.0));
    denoised->setName(tr("denoised (scores × loadings)"));

    m_plot->xAxis->setLabel(tr("Energy (keV)"));
    m_plot->yAxis->setLabel(tr("Counts per channel"));
    const bool log = m_logBox->isChecked();
    m_plot->yAxis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (log)
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
        m_plot->yAxis->setTicker(modelplot::compactTicker(6));
    m_plot->xAxis->setRange(e.edgesKeV[size_t(c0)], e.edgesKeV.back());
    double top = 0.0;
    for (int c = c0; c < n; ++c)
        top = std::max({top, e.counts[size_t(c)], e.denoised[size_t(c)]});
    m_plot->yAxis->setRange(log ? 0.5 : 0.0, top > 0.0 ? top * (log ? 2.0 : 1.08) : 1.0);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(modelplot::plotFont(-1.0));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->replot();
}

} // namespace photopeak::ui
