// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "modelviews/LoadingsSimilarityView.h"

#include "ml/latent/LatentModel.h"
#include "modelviews/LatentExample.h"
#include "modelviews/ModelPlotStyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <qcustomplot.h>

namespace photopeak::ui {

LoadingsSimilarityView::LoadingsSimilarityView(QWidget *parent) : QWidget(parent)
{
    m_frame = modelplot::PlotFrame(this);
    m_plot = m_frame.plot;
    m_frame.bar->addStretch(1);
    m_frame.addSaveButton(QStringLiteral("loadings-similarity.png"), [this] { return !m_components.isEmpty(); }, &m_inputs);
    m_frame.placeholder->setText(tr("<p style='font-size:15pt'>No latent model</p>"
                                    "<p>Train or open a latent model to see how similar its loadings are.</p>"));
}

void LoadingsSimilarityView::clear()
{
    m_components.clear();
    m_similarity.clear();
    m_frame.stack->setCurrentWidget(m_frame.placeholder);
}

void LoadingsSimilarityView::setModel(const LatentModel &model)
{
    m_components = model.components();
    m_similarity = loadingsSimilarity(model);
    const int K = int(m_components.size());
    if (K == 0) {
        clear();
        return;
    }
    m_frame.showPlot();
    draw(m_plot, model);
}

void LoadingsSimilarityView::draw(QCustomPlot *plot, const LatentModel &model)
{
    const QStringList components = model.components();
    const std::vector<double> similarity = loadingsSimilarity(model);
    const int K = int(components.size());
    if (K == 0)
        return;
    modelplot::clearLayout(plot);
    auto *layout = plot->plotLayout();
    layout->addElement(0, 0, new QCPTextElement(plot, tr("Cosine similarity of the loadings (channels ≥ %1): "
                                                           "near 1 = components the fit can confuse")
                                                            .arg(model.minChannel()),
                                                modelplot::plotFont(0.0, true)));
    auto *rect = new QCPAxisRect(plot);
    layout->addElement(1, 0, rect);
    modelplot::styleAxisRect(rect);
    QCPAxis *x = rect->axis(QCPAxis::atBottom), *y = rect->axis(QCPAxis::atLeft);
    auto *map = new QCPColorMap(x, y);
    map->data()->setSize(K, K);
    map->data()->setRange(QCPRange(0, K - 1), QCPRange(0, K - 1));
    for (int a = 0; a < K; ++a)
        for (int b = 0; b < K; ++b)
            map->data()->setCell(a, K - 1 - b, similarity[size_t(b) * K + a]);
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0.0, QColor(255, 255, 255));
    gradient.setColorStopAt(0.5, QColor(0xfd, 0xd4, 0x9e));
    gradient.setColorStopAt(0.8, QColor(0xef, 0x65, 0x48));
    gradient.setColorStopAt(1.0, QColor(0x99, 0x00, 0x00));
    map->setGradient(gradient);
    map->setDataRange(QCPRange(0.0, 1.0));
    map->setInterpolate(false);
    auto ticksX = QSharedPointer<QCPAxisTickerText>::create(), ticksY = QSharedPointer<QCPAxisTickerText>::create();
    for (int k = 0; k < K; ++k) {
        ticksX->addTick(k, components[k]);
        ticksY->addTick(K - 1 - k, components[k]);
    }
    x->setTicker(ticksX);
    y->setTicker(ticksY);
    for (QCPAxis *axis : {x, y}) {
        axis->setSubTicks(false);
        axis->grid()->setVisible(false);
        axis->setRange(-0.5, K - 0.5);
        axis->setTickLabelFont(modelplot::plotFont(0.5, true));
    }
    for (int a = 0; a < K; ++a)
        for (int b = 0; b < K; ++b) {
            const double v = similarity[size_t(b) * K + a];
            auto *text = new QCPItemText(plot);
            text->setClipAxisRect(rect);
            text->position->setAxes(x, y);
            text->position->setCoords(a, K - 1 - b);
            text->setText(QString::number(v, 'f', 3));
            text->setFont(modelplot::plotFont(1.0, a == b ? false : v > 0.5));
            text->setColor(v > 0.75 ? Qt::white : QColor(0x20, 0x20, 0x20));
        }
    auto *scale = new QCPColorScale(plot);
    layout->addElement(1, 1, scale);
    scale->setType(QCPAxis::atRight);
    scale->setDataRange(QCPRange(0.0, 1.0));
    scale->setGradient(gradient);
    scale->axis()->setLabel(tr("cosine similarity"));
    map->setColorScale(scale);
    auto *group = new QCPMarginGroup(plot);
    rect->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    scale->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    // Square cells: the matrix takes the height, the width follows.
    layout->setColumnStretchFactor(0, 1.0);
    layout->setColumnStretchFactor(1, 0.05);
    plot->replot();
}

} // namespace photopeak::ui
