// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "plot/PlotGestures.h"

#include <QMouseEvent>
#include <qcustomplot.h>

#include <cmath>

namespace photopeak::ui {

namespace {
constexpr int kDragThreshold = 4;  // pixels before a press becomes a drag

QColor bandColor(PlotGestures::Drag kind)
{
    switch (kind) {
    case PlotGestures::Drag::Zoom: return QColor(0x60, 0x60, 0x60);
    case PlotGestures::Drag::FitRegion: return QColor(0x1f, 0x5f, 0xbf);
    case PlotGestures::Drag::RemovePeaks: return QColor(0xc0, 0x20, 0x20);
    case PlotGestures::Drag::Roi: return QColor(0x20, 0x90, 0x40);
    }
    return Qt::gray;
}
} // namespace

PlotGestures::PlotGestures(QCustomPlot *plot, const QString &layer)
    : QObject(plot)
    , m_plot(plot)
    , m_layer(layer)
    , m_band(new QCPItemRect(plot))
{
    m_band->setLayer(layer);
    m_band->setVisible(false);
    m_band->setClipToAxisRect(true);
    m_band->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_band->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_band->setSelectable(false);
    plot->installEventFilter(this);
}

PlotGestures::Drag PlotGestures::dragFor(Qt::KeyboardModifiers m)
{
    if (m & Qt::AltModifier)
        return Drag::Roi;
    if (m & Qt::ControlModifier)
        return Drag::FitRegion;
    if (m & Qt::ShiftModifier)
        return Drag::RemovePeaks;
    return Drag::Zoom;
}

void PlotGestures::showBand(double fromKey, double toKey, Drag kind)
{
    QColor c = bandColor(kind);
    m_band->setPen(QPen(c, 1, Qt::DashLine));
    c.setAlpha(kind == Drag::Zoom && toKey < fromKey ? 20 : 45);
    m_band->setBrush(c);
    m_band->topLeft->setCoords(std::min(fromKey, toKey), 0.0);
    m_band->bottomRight->setCoords(std::max(fromKey, toKey), 1.0);
    m_band->setVisible(true);
    m_plot->layer(m_layer)->replot();
}

void PlotGestures::hideBand()
{
    if (!m_band->visible())
        return;
    m_band->setVisible(false);
    m_plot->layer(m_layer)->replot();
}

bool PlotGestures::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_plot || m_plot->graphCount() == 0)
        return QObject::eventFilter(watched, event);
    const QRect rect = m_plot->axisRect()->rect();
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto *e = static_cast<QMouseEvent *>(event);
        if (!rect.contains(e->pos()))
            break;
        m_button = e->button();
        m_pressPos = e->pos();
        m_pressKey = m_plot->xAxis->pixelToCoord(e->pos().x());
        m_dragging = false;
        m_panLower = m_plot->xAxis->range().lower;
        m_panUpper = m_plot->xAxis->range().upper;
        if (m_button == Qt::RightButton) {
            emit contextMenuRequested(m_pressKey, e->globalPosition().toPoint());
            m_button = Qt::NoButton;
        }
        return true;  // QCustomPlot's own drag and selection stay off
    }
    case QEvent::MouseMove: {
        auto *e = static_cast<QMouseEvent *>(event);
        if (m_button == Qt::NoButton)
            break;
        if (!m_dragging && (e->pos() - m_pressPos).manhattanLength() < kDragThreshold)
            break;
        m_dragging = true;
        if (m_button == Qt::MiddleButton) {
            const double dx = m_plot->xAxis->pixelToCoord(m_pressPos.x()) - m_plot->xAxis->pixelToCoord(e->pos().x());
            m_plot->xAxis->setRange(m_panLower + dx, m_panUpper + dx);
            m_plot->replot(QCustomPlot::rpQueuedReplot);
        } else if (m_button == Qt::LeftButton) {
            const double key = m_plot->xAxis->pixelToCoord(e->pos().x());
            showBand(m_pressKey, key, dragFor(e->modifiers()));
            emit dragMoved(dragFor(e->modifiers()), m_pressKey, key);
        }
        break;  // the view's readout follows the mouse too
    }
    case QEvent::MouseButtonRelease: {
        auto *e = static_cast<QMouseEvent *>(event);
        if (e->button() != m_button)
            break;
        const Qt::MouseButton button = m_button;
        m_button = Qt::NoButton;
        hideBand();
        const double key = m_plot->xAxis->pixelToCoord(e->pos().x());
        if (button == Qt::LeftButton) {
            if (m_dragging)
                emit dragged(dragFor(e->modifiers()), m_pressKey, key);
            else
                emit clicked(key, e->modifiers());
        }
        m_dragging = false;
        return true;
    }
    case QEvent::MouseButtonDblClick: {
        auto *e = static_cast<QMouseEvent *>(event);
        if (e->button() == Qt::LeftButton && rect.contains(e->pos())) {
            m_button = Qt::NoButton;
            emit doubleClicked(m_plot->xAxis->pixelToCoord(e->pos().x()));
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace photopeak::ui
