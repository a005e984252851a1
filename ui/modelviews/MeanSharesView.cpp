// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "modelviews/MeanSharesView.h"

#include "modelviews/ModelPlotStyle.h"
#include "modelviews/PlotExport.h"
#include "plot/SpectrumPlotter.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace photopeak::ui {

MeanSharesView::MeanSharesView(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_placeholder(new QLabel(this)), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(8, 4, 8, 4);
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
    connect(save, &QPushButton::clicked, this, [this] {
        if (!m_classes.isEmpty())
            exportPlotPng(this, m_plot, QStringLiteral("mean-shares.png"), m_inputs);
    });
    clear(tr("Classify labelled spectra with a latent model to see its mean shares per true label."));
}

void MeanSharesView::clear(const QString &why)
{
    m_classes.clear();
    m_means.clear();
    m_placeholder->setText(QStringLiteral("<p style='font-size:15pt'>%1</p><p>%2</p>")
                               .arg(tr("Mean shares per true label"), why.toHtmlEscaped()));
    m_stack->setCurrentWidget(m_placeholder);
}

double MeanSharesView::meanShare(int cls, int component) const
{
    if (cls < 0 || cls >= m_classes.size() || component < 0 || component >= m_components.size())
        return std::nan("");
    return m_means[size_t(cls) * size_t(m_components.size()) + size_t(component)];
}

void MeanSharesView::setData(const QStringList &components, const std::vector<LatentScatterPoint> &points)
{
    m_components = components;
    QStringList keys;
    for (const LatentScatterPoint &p : points)
        keys << p.trueKey;
    m_classes = modelplot::sortedKeys(keys);
    const int K = int(components.size()), C = int(m_classes.size());
    if (K == 0 || C == 0) {
        clear(tr("No labelled spectra with latent scores."));
        return;
    }
    m_means.assign(size_t(C) * size_t(K), 0.0);
    m_counts.assign(size_t(C), 0);
    for (const LatentScatterPoint &p : points) {
        const int c = int(m_classes.indexOf(p.trueKey));
        if (c < 0 || int(p.scores.size()) != K)
            continue;
        ++m_counts[size_t(c)];
        for (int k = 0; k < K; ++k)
            m_means[size_t(c) * K + k] += p.scores[size_t(k)];
    }
    for (int c = 0; c < C; ++c)
        for (int k = 0; k < K; ++k)
            m_means[size_t(c) * K + k] /= std::max(1, m_counts[size_t(c)]);

    m_stack->setCurrentWidget(m_plot);
    m_plot->clearPlottables();
    m_plot->clearItems();
    if (m_plot->plotLayout()->rowCount() > 1)
        m_plot->plotLayout()->removeAt(0);
    m_plot->plotLayout()->simplify();
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(
        0, 0, new QCPTextElement(m_plot, tr("Mean share of each component per true label (share = score / sum of scores)"),
                                 modelplot::plotFont(0.0, true)));
    auto *group = new QCPBarsGroup(m_plot);
    group->setSpacingType(QCPBarsGroup::stAbsolute);
    group->setSpacing(1);
    const double width = 0.8 / K;
    for (int k = 0; k < K; ++k) {
        auto *bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        QVector<double> x, y;
        for (int c = 0; c < C; ++c) {
            x << c;
            y << m_means[size_t(c) * K + k];
        }
        bars->setData(x, y, true);
        bars->setWidth(width);
        const QColor colour = SpectrumPlotter::colorFor(k);
        bars->setPen(QPen(colour.darker(130)));
        bars->setBrush(colour);
        bars->setName(components[k]);
        bars->setBarsGroup(group);
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int c = 0; c < C; ++c)
        ticker->addTick(c, QStringLiteral("%1\n(%2)").arg(m_classes[c] == QLatin1String("(none)") ? tr("background")
                                                        : QString(m_classes[c]).replace(QLatin1Char('+'), QStringLiteral("\n+")))
                               .arg(tr("n = %1").arg(m_counts[size_t(c)])));
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setSubTicks(false);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->xAxis->setLabel(tr("True label"));
    m_plot->xAxis->setRange(-0.6, C - 0.4);
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    m_plot->yAxis->setLabel(tr("Mean share"));
    m_plot->yAxis->setRange(0.0, 1.15);  // room for the one-row legend above the bars
    m_plot->legend->setVisible(true);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->legend->setWrap(K);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->replot();
}

} // namespace photopeak::ui
