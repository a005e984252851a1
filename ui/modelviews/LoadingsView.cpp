// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "modelviews/LoadingsView.h"

#include "ml/latent/LatentModel.h"
#include "modelviews/ModelPlotStyle.h"
#include "plot/SpectrumPlotter.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace photopeak::ui {

namespace {
const QColor kGreyLine(0x9a, 0x9a, 0x9a);
const QColor kGreyShade(0, 0, 0, 22);
} // namespace

LoadingsView::LoadingsView(QWidget *parent)
    : QWidget(parent)
    , m_energyBox(new QCheckBox(tr("Energy axis (keV)"), this))
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
    m_energyBox->setChecked(m_energyAxis);
    m_energyBox->setToolTip(tr("Energy from the model's grid, or channel numbers"));
    bar->addWidget(m_energyBox);
    bar->addWidget(m_logBox);
    bar->addStretch(1);
    layout->addLayout(bar);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setStyleSheet(QStringLiteral("QLabel { color: #707070; background: white; }"));
    m_placeholder->setText(tr("<p style='font-size:15pt'>No latent model</p>"
                              "<p>Train or open a latent model to see its loadings.</p>"));
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_plot);
    layout->addWidget(m_stack, 1);

    SpectrumPlotter::setupPlot(m_plot);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->addLayer(QStringLiteral("shade"), m_plot->layer(QStringLiteral("grid")), QCustomPlot::limAbove);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { resetZoom(); });
    connect(m_energyBox, &QCheckBox::toggled, this, &LoadingsView::setEnergyAxis);
    connect(m_logBox, &QCheckBox::toggled, this, &LoadingsView::setLogScale);

    m_stack->setCurrentWidget(m_placeholder);
}

void LoadingsView::setModel(const LatentModel &model)
{
    m_components = model.components();
    m_channels = model.channelCount();
    m_minChannel = std::clamp(model.minChannel(), 0, m_channels);
    m_edgesKeV = model.grid().edges();
    m_loadings = model.loadings();
    if (m_components.isEmpty() || m_channels <= 0 || m_loadings.size() != size_t(m_components.size()) * m_channels) {
        clear();
        return;
    }
    rebuild();
}

void LoadingsView::clear()
{
    m_components.clear();
    m_edgesKeV.clear();
    m_loadings.clear();
    m_channels = 0;
    m_minChannel = 0;
    rebuild();
}

void LoadingsView::setEnergyAxis(bool energy)
{
    if (energy == m_energyAxis)
        return;
    m_energyAxis = energy;
    const QSignalBlocker block(m_energyBox);
    m_energyBox->setChecked(energy);
    rebuild();
}

void LoadingsView::setLogScale(bool log)
{
    if (log == m_logScale)
        return;
    m_logScale = log;
    const QSignalBlocker block(m_logBox);
    m_logBox->setChecked(log);
    rebuild();
}

std::vector<double> LoadingsView::keys() const
{
    std::vector<double> k(static_cast<size_t>(m_channels) + 1);
    for (int c = 0; c <= m_channels; ++c)
        k[c] = m_energyAxis && m_edgesKeV.size() == k.size() ? m_edgesKeV[c] : double(c);
    return k;
}

QCPRange LoadingsView::greyedRange() const
{
    if (!hasModel() || m_minChannel <= 0)
        return QCPRange(0, 0);
    const std::vector<double> k = keys();
    return QCPRange(k.front(), k[m_minChannel]);
}

void LoadingsView::rebuild()
{
    modelplot::clearLayout(m_plot);
    m_panels.clear();
    if (!hasModel()) {
        m_stack->setCurrentWidget(m_placeholder);
        m_plot->replot();
        return;
    }
    m_stack->setCurrentWidget(m_plot);

    auto *layout = m_plot->plotLayout();
    auto *title = new QCPTextElement(
        m_plot,
        tr("Loadings: mean normalised spectrum of each component (area 1 over channels \u2265 %1). "
           "Grey: channels below %1, not fitted.")
            .arg(m_minChannel),
        modelplot::plotFont(-0.5));
    title->setTextColor(QColor(0x30, 0x30, 0x30));
    title->setMargins(QMargins(8, 4, 8, 2));
    layout->addElement(0, 0, title);

    const std::vector<double> k = keys();
    const QVector<double> allKeys(k.begin(), k.end());
    auto *marginGroup = new QCPMarginGroup(m_plot);
    layout->setRowSpacing(12);  // room for the top tick label of each panel
    const int n = static_cast<int>(m_components.size());
    for (int i = 0; i < n; ++i) {
        auto *rect = new QCPAxisRect(m_plot, false);
        layout->addElement(i + 1, 0, rect);
        modelplot::styleAxisRect(rect);
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, marginGroup);
        rect->setRangeDrag(Qt::Horizontal);
        rect->setRangeZoom(Qt::Horizontal);
        rect->setRangeZoomFactor(0.8);
        const bool last = i == n - 1;
        QCPAxis *x = rect->axis(QCPAxis::atBottom);
        QCPAxis *y = rect->axis(QCPAxis::atLeft);
        x->setTickLabels(last);
        x->ticker()->setTickCount(10);
        if (last)
            x->setLabel(m_energyAxis ? tr("Energy (keV)") : tr("Channel"));
        y->ticker()->setTickCount(3);
        y->setNumberFormat(QStringLiteral("gb"));
        y->setNumberPrecision(2);
        // Panels touch: only the outer margins are left to the layout.
        rect->setAutoMargins(last ? QCP::msLeft | QCP::msBottom : QCP::msLeft);
        rect->setMargins(QMargins(0, i == 0 ? 6 : 0, 12, last ? 0 : 0));
        m_panels.push_back(rect);

        const QColor colour = SpectrumPlotter::colorFor(i);
        const double *values = m_loadings.data() + size_t(i) * m_channels;
        // Not fitted: channels [0, c0), closed at the first fitted channel's value so the steps join.
        if (m_minChannel > 0) {
            QVector<double> gk(allKeys.begin(), allKeys.begin() + m_minChannel + 1), gv(m_minChannel + 1);
            for (int c = 0; c < m_minChannel; ++c)
                gv[c] = values[c];
            gv[m_minChannel] = m_minChannel < m_channels ? values[m_minChannel] : values[m_channels - 1];
            QCPGraph *grey = m_plot->addGraph(x, y);
            grey->setData(gk, gv, true);
            grey->setLineStyle(QCPGraph::lsStepLeft);
            grey->setPen(QPen(kGreyLine, 1.0));
            grey->setName(m_components[i]);

            auto *shade = new QCPItemRect(m_plot);
            shade->setLayer(QStringLiteral("shade"));
            shade->setClipAxisRect(rect);
            for (QCPItemPosition *p : {shade->topLeft, shade->bottomRight}) {
                p->setAxes(x, y);
                p->setAxisRect(rect);
                p->setTypeX(QCPItemPosition::ptPlotCoords);
                p->setTypeY(QCPItemPosition::ptAxisRectRatio);
            }
            // Extends far to the left so panning never shows an unshaded gap below the first channel.
            const double span = allKeys.back() - allKeys.front();
            shade->topLeft->setCoords(allKeys.front() - span, 0.0);
            shade->bottomRight->setCoords(allKeys[m_minChannel], 1.0);
            shade->setPen(Qt::NoPen);
            shade->setBrush(kGreyShade);
        }
        if (m_minChannel < m_channels) {
            QVector<double> fk(allKeys.begin() + m_minChannel, allKeys.end()), fv(m_channels - m_minChannel + 1);
            for (int c = m_minChannel; c < m_channels; ++c)
                fv[c - m_minChannel] = values[c];
            fv.back() = values[m_channels - 1];
            QCPGraph *graph = m_plot->addGraph(x, y);
            graph->setData(fk, fv, true);
            graph->setLineStyle(QCPGraph::lsStepLeft);
            graph->setPen(QPen(colour, 1.2));
            QColor fill = colour;
            fill.setAlpha(45);
            graph->setBrush(fill);
            graph->setAdaptiveSampling(true);
            graph->setName(m_components[i]);
        }

        auto *name = new QCPItemText(m_plot);
        name->setClipToAxisRect(false);
        name->position->setAxisRect(rect);
        name->position->setType(QCPItemPosition::ptAxisRectRatio);
        name->position->setCoords(0.99, 0.06);
        name->setPositionAlignment(Qt::AlignTop | Qt::AlignRight);
        name->setText(m_components[i]);
        name->setFont(modelplot::plotFont(0.5, true));
        name->setColor(colour.darker(115));
        name->setBrush(QColor(255, 255, 255, 210));
        name->setPadding(QMargins(4, 1, 4, 1));
    }
    // One x range for all panels: whichever panel is dragged or zoomed, the others follow.
    for (QCPAxisRect *rect : m_panels) {
        connect(rect->axis(QCPAxis::atBottom), qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
                [this](const QCPRange &range) {
                    for (QCPAxisRect *other : m_panels)
                        other->axis(QCPAxis::atBottom)->setRange(range);
                    fitValueAxes();
                });
    }
    resetZoom();
}

void LoadingsView::resetZoom()
{
    if (m_panels.empty())
        return;
    const std::vector<double> k = keys();
    double lo = k.front();
    const double hi = k.back();
    if (lo > 0 && lo < 0.02 * (hi - lo))
        lo = 0;
    m_panels.front()->axis(QCPAxis::atBottom)->setRange(lo, hi);  // the others follow
    fitValueAxes();
    m_plot->replot();
}

void LoadingsView::fitValueAxes()
{
    // Fitted channels only: the grey ones may be far larger (low-energy noise) and would flatten the rest.
    const std::vector<double> k = keys();
    for (int i = 0; i < panelCount(); ++i) {
        QCPAxisRect *rect = m_panels[i];
        const QCPRange view = rect->axis(QCPAxis::atBottom)->range();
        const double *values = m_loadings.data() + size_t(i) * m_channels;
        double maxValue = 0.0, minPositive = std::numeric_limits<double>::max();
        for (int c = m_minChannel; c < m_channels; ++c) {
            if (k[c + 1] <= view.lower || k[c] >= view.upper || !std::isfinite(values[c]))
                continue;
            maxValue = std::max(maxValue, values[c]);
            if (values[c] > 0)
                minPositive = std::min(minPositive, values[c]);
        }
        QCPAxis *y = rect->axis(QCPAxis::atLeft);
        if (m_logScale) {
            if (y->scaleType() != QCPAxis::stLogarithmic) {
                auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
                ticker->setLogBase(10);
                ticker->setSubTickCount(8);
                ticker->setTickCount(3);
                y->setScaleType(QCPAxis::stLogarithmic);
                y->setTicker(ticker);
                y->setNumberFormat(QStringLiteral("eb"));
                y->setNumberPrecision(0);
                rect->axis(QCPAxis::atRight)->setScaleType(QCPAxis::stLogarithmic);
                rect->axis(QCPAxis::atRight)->setTicker(ticker);
            }
            if (minPositive == std::numeric_limits<double>::max())
                y->setRange(1e-6, 1);
            else
                y->setRange(std::max(minPositive, maxValue * 1e-5) * 0.5, maxValue * 2.0);
        } else {
            y->setRange(0.0, maxValue > 0 ? maxValue * 1.15 : 1.0);
        }
        rect->axis(QCPAxis::atRight)->setRange(y->range());
    }
}

} // namespace photopeak::ui
