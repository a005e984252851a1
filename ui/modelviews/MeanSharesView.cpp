// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "modelviews/MeanSharesView.h"

#include "modelviews/ModelPlotStyle.h"
#include "plot/SpectrumPlotter.h"

#include <QHBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace photopeak::ui {

MeanSharesView::MeanSharesView(QWidget *parent) : QWidget(parent)
{
    m_frame = modelplot::PlotFrame(this);
    m_plot = m_frame.plot;
    m_frame.bar->addStretch(1);
    m_frame.addSaveButton(QStringLiteral("mean-shares.png"), [this] { return !m_classes.isEmpty(); }, &m_inputs);
    clear(tr("Classify labelled spectra with a latent model to see its mean shares per true label."));
}

void MeanSharesView::clear(const QString &why)
{
    m_classes.clear();
    m_means.clear();
    m_frame.showPlaceholder(tr("Mean shares per true label"), why);
}

double MeanSharesView::meanShare(int cls, int component) const
{
    if (cls < 0 || cls >= m_classes.size() || component < 0 || component >= m_components.size())
        return std::nan("");
    return m_means[size_t(cls) * size_t(m_components.size()) + size_t(component)];
}

MeanSharesView::Means MeanSharesView::compute(const QStringList &components, const std::vector<LatentScatterPoint> &points)
{
    Means m;
    m.components = components;
    QStringList keys;
    for (const LatentScatterPoint &p : points)
        keys << p.trueKey;
    m.classes = modelplot::sortedKeys(keys);
    const int K = int(components.size()), C = int(m.classes.size());
    if (K == 0 || C == 0) {
        m.classes.clear();
        return m;
    }
    m.means.assign(size_t(C) * size_t(K), 0.0);
    m.counts.assign(size_t(C), 0);
    for (const LatentScatterPoint &p : points) {
        const int c = int(m.classes.indexOf(p.trueKey));
        if (c < 0 || int(p.scores.size()) != K)
            continue;
        ++m.counts[size_t(c)];
        for (int k = 0; k < K; ++k)
            m.means[size_t(c) * K + k] += p.scores[size_t(k)];
    }
    for (int c = 0; c < C; ++c)
        for (int k = 0; k < K; ++k)
            m.means[size_t(c) * K + k] /= std::max(1, m.counts[size_t(c)]);
    return m;
}

void MeanSharesView::setData(const QStringList &components, const std::vector<LatentScatterPoint> &points)
{
    Means m = compute(components, points);
    m_components = m.components;
    m_classes = m.classes;
    m_means = m.means;
    m_counts = m.counts;
    if (m_classes.isEmpty()) {
        clear(tr("No labelled spectra with latent scores."));
        return;
    }
    m_frame.showPlot();
    draw(m_plot, m);
}

void MeanSharesView::draw(QCustomPlot *plot, const Means &m)
{
    const QStringList &components = m.components;
    const int K = int(components.size()), C = int(m.classes.size());
    if (K == 0 || C == 0)
        return;
    plot->clearPlottables();
    plot->clearItems();
    if (plot->plotLayout()->rowCount() > 1)
        plot->plotLayout()->removeAt(0);
    plot->plotLayout()->simplify();
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(
        0, 0, new QCPTextElement(plot, tr("Mean share of each component per true label (share = score / sum of scores)"),
                                 modelplot::plotFont(0.0, true)));
    auto *group = new QCPBarsGroup(plot);
    group->setSpacingType(QCPBarsGroup::stAbsolute);
    group->setSpacing(1);
    const double width = 0.8 / K;
    for (int k = 0; k < K; ++k) {
        auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
        QVector<double> x, y;
        for (int c = 0; c < C; ++c) {
            x << c;
            y << m.means[size_t(c) * K + k];
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
        ticker->addTick(c, QStringLiteral("%1\n(%2)").arg(m.classes[c] == QLatin1String("(none)") ? tr("background")
                                                        : QString(m.classes[c]).replace(QLatin1Char('+'), QStringLiteral("\n+")))
                               .arg(tr("n = %1").arg(m.counts[size_t(c)])));
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setSubTicks(false);
    plot->xAxis->grid()->setVisible(false);
    plot->xAxis->setLabel(tr("True label"));
    plot->xAxis->setRange(-0.6, C - 0.4);
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    plot->yAxis->setLabel(tr("Mean share"));
    plot->yAxis->setRange(0.0, 1.15);  // room for the one-row legend above the bars
    plot->legend->setVisible(true);
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot->legend->setWrap(K);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    plot->replot();
}

} // namespace photopeak::ui
