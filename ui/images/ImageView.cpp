// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "images/ImageView.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace photopeak::ui {

namespace {
constexpr int ProbabilityBins = 5;

QColor probabilityColor(double p)
{
    if (std::isnan(p))
        return Qt::white;
    // blue (0) -> cyan -> yellow -> red (1)
    const double t = std::clamp(p, 0.0, 1.0);
    return QColor::fromHsvF((1.0 - t) * 0.66, 0.9, 1.0);
}
} // namespace

ImageView::ImageView(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setObjectName(QStringLiteral("imagePlot"));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setupFullAxesBox(true);
    m_plot->xAxis->setLabel(tr("x (fast scan, pixels)"));
    m_plot->yAxis->setLabel(tr("y (slow scan, pixels)"));
    m_plot->yAxis->setRangeReversed(true);  // row 0 at the top, as detector images are shown
    // Square pixels at every size and zoom: a frame drawn into a narrow or wide area was stretched.
    connect(m_plot, &QCustomPlot::afterLayout, this, &ImageView::keepSquarePixels);
    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setInterpolate(false);
    m_colorScale = new QCPColorScale(m_plot);
    m_plot->plotLayout()->addElement(0, 1, m_colorScale);
    m_colorScale->setType(QCPAxis::atRight);
    m_map->setColorScale(m_colorScale);
    QCPColorGradient gradient(QCPColorGradient::gpGrayscale);
    gradient.setNanHandling(QCPColorGradient::nhNanColor);
    gradient.setNanColor(QColor(70, 90, 120));
    m_map->setGradient(gradient);
    auto *margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_colorScale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

    // Candidate circles by probability bin (one graph each), unclassified, labels and the selection.
    for (int i = 0; i < ProbabilityBins + 4; ++i) {
        QCPGraph *g = m_plot->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        m_markerGraphs.push_back(g);
    }
    for (int i = 0; i < ProbabilityBins; ++i)
        m_markerGraphs[i]->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle,
                                                           QPen(probabilityColor((i + 0.5) / ProbabilityBins), 1.6), Qt::NoBrush, 13));
    m_markerGraphs[ProbabilityBins]->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::white, 1.2), Qt::NoBrush, 13));
    m_markerGraphs[ProbabilityBins + 1]->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, QPen(QColor(40, 220, 60), 2.0), Qt::NoBrush, 19));
    m_markerGraphs[ProbabilityBins + 2]->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, QPen(QColor(230, 40, 230), 2.0), Qt::NoBrush, 19));
    m_markerGraphs[ProbabilityBins + 3]->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::yellow, 3.0), Qt::NoBrush, 25));

    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) { m_pressPos = event->pos(); });
    connect(m_plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent *event) {
        // A drag pans; only a click (press and release at the same place) labels.
        if ((event->pos() - m_pressPos).manhattanLength() > 4)
            return;
        const double x = m_plot->xAxis->pixelToCoord(event->pos().x());
        const double y = m_plot->yAxis->pixelToCoord(event->pos().y());
        if (!m_frame.isEmpty() && x >= -0.5 && y >= -0.5 && x < m_frame.width - 0.5 && y < m_frame.height - 0.5)
            emit clicked(x, y, event->button(), event->modifiers() & Qt::ShiftModifier);
    });
}

void ImageView::setFrame(const ImageFrame &frame, const PixelMask &mask)
{
    const bool sizeChanged = frame.width != m_frame.width || frame.height != m_frame.height;
    m_frame = frame;
    m_mask = mask;
    redrawMap();
    if (sizeChanged)
        resetZoom();
    m_plot->replot();
}

void ImageView::setScale(Scale scale)
{
    m_scale = scale;
    redrawMap();
    m_plot->replot();
}

void ImageView::redrawMap()
{
    const int w = m_frame.width, h = m_frame.height;
    if (w == 0 || h == 0)
        return;
    // Percentiles of the usable pixels fix the colour range, so hot pixels and saturated spots do not wash out
    // the background.
    std::vector<float> usable;
    usable.reserve(m_frame.size() / 16 + 1);
    for (size_t i = 0; i < m_frame.size(); i += 16)
        if ((m_mask.isEmpty() || m_mask.good[i]) && std::isfinite(m_frame.pixels[i]))
            usable.push_back(m_frame.pixels[i]);
    std::sort(usable.begin(), usable.end());
    const double median = usable.empty() ? 0.0 : usable[usable.size() / 2];
    const double q16 = usable.empty() ? 0.0 : usable[usable.size() * 16 / 100];
    const double noise = std::max(1e-6, median - q16);
    const double lo = usable.empty() ? 0.0 : usable[usable.size() / 100];
    auto transform = [&](double v) {
        switch (m_scale) {
        case Scale::Linear: return v;
        case Scale::Log: return std::log10(std::max(v - lo + 1.0, 1.0));
        case Scale::Asinh: return std::asinh((v - median) / (3.0 * noise));
        }
        return v;
    };
    m_map->data()->setSize(w, h);
    m_map->data()->setRange(QCPRange(0, w - 1), QCPRange(0, h - 1));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const float v = m_frame.at(x, y);
            const bool good = m_mask.isEmpty() || m_mask.isGood(x, y);
            m_map->data()->setCell(x, y, good && std::isfinite(v) ? transform(v) : std::numeric_limits<double>::quiet_NaN());
        }
    const double hi = usable.empty() ? 1.0 : usable[std::min(usable.size() - 1, usable.size() * 998 / 1000)];
    const double tLo = transform(lo), tHi = transform(hi);
    m_map->setDataRange(QCPRange(tLo, tHi > tLo ? tHi : tLo + 1.0));
    const QString names[] = {tr("linear"), tr("log10"), tr("asinh")};
    m_colorScale->axis()->setLabel(tr("intensity (%1)").arg(names[int(m_scale)]));
}

void ImageView::keepSquarePixels()
{
    const QRect r = m_plot->axisRect()->rect();
    if (r.width() < 2 || r.height() < 2 || m_frame.width <= 0)
        return;
    QCPRange x = m_plot->xAxis->range(), y = m_plot->yAxis->range();
    const double sx = x.size() / r.width(), sy = y.size() / r.height();
    if (std::abs(sx - sy) <= 1e-9 * std::max(sx, sy))
        return;
    // Widen the axis with the finer scale, so that everything shown before stays in view.
    const double scale = std::max(sx, sy);
    const double cx = x.center(), cy = y.center();
    m_plot->xAxis->setRange(cx - scale * r.width() / 2, cx + scale * r.width() / 2);
    m_plot->yAxis->setRange(cy - scale * r.height() / 2, cy + scale * r.height() / 2);
}

void ImageView::resetZoom()
{
    m_plot->xAxis->setRange(-0.5, m_frame.width - 0.5);
    m_plot->yAxis->setRange(-0.5, m_frame.height - 0.5);
    m_plot->replot();
}

void ImageView::centreOn(double x, double y)
{
    const double wx = std::min(60.0, m_plot->xAxis->range().size() / 2), wy = std::min(60.0, m_plot->yAxis->range().size() / 2);
    m_plot->xAxis->setRange(x - wx, x + wx);
    m_plot->yAxis->setRange(y - wy, y + wy);
    m_plot->replot();
}

void ImageView::setCandidates(const std::vector<BraggCandidate> &candidates)
{
    m_candidates = candidates;
    m_selected = -1;
    redrawMarkers();
}

void ImageView::setLabels(const std::vector<ImageLabel> &labels)
{
    m_labels = labels;
    redrawMarkers();
}

void ImageView::setSelected(int candidate)
{
    m_selected = candidate;
    redrawMarkers();
}

void ImageView::redrawMarkers()
{
    std::vector<QVector<double>> xs(m_markerGraphs.size()), ys(m_markerGraphs.size());
    for (const BraggCandidate &c : m_candidates) {
        const int g = c.hasProbability() ? std::min(ProbabilityBins - 1, int(c.probability * ProbabilityBins)) : ProbabilityBins;
        xs[g].append(c.x);
        ys[g].append(c.y);
    }
    for (const ImageLabel &l : m_labels) {
        const int g = l.label == 1 ? ProbabilityBins + 1 : ProbabilityBins + 2;
        xs[g].append(l.x);
        ys[g].append(l.y);
    }
    if (m_selected >= 0 && m_selected < int(m_candidates.size())) {
        xs.back().append(m_candidates[m_selected].x);
        ys.back().append(m_candidates[m_selected].y);
    }
    for (size_t g = 0; g < m_markerGraphs.size(); ++g)
        m_markerGraphs[g]->setData(xs[g], ys[g]);  // sorted by x inside, so that a zoomed view finds its markers
    m_plot->replot();
}

} // namespace photopeak::ui
