// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/TablePlotView.h"

#include <qcustomplot.h>

#include "io/AtomicFile.h"

#include <QBuffer>
#include <QVBoxLayout>

namespace photopeak::ui {

TablePlotView::TablePlotView(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumSize(360, 260);
}

Status TablePlotView::savePng(const QString &path) const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!m_plot->toPixmap(m_plot->width(), m_plot->height()).save(&buffer, "PNG"))
        return makeError(path, QStringLiteral("the PNG could not be encoded"));
    return writeFileAtomically(path, bytes, OutputKind::image());
}

void TablePlotView::reset(const QString &xLabel, const QString &yLabel)
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_plot->xAxis->setLabel(xLabel);
    m_plot->yAxis->setLabel(yLabel);
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    m_plot->xAxis->setScaleType(QCPAxis::stLinear);
    m_plot->yAxis->setScaleType(QCPAxis::stLinear);
    m_plot->legend->setVisible(false);
}

} // namespace photopeak::ui
