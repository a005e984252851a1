#include "tables/TablePlotView.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

namespace photopeak::ui {

TablePlotView::TablePlotView(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumSize(360, 260);
}

bool TablePlotView::savePng(const QString &path) const { return m_plot->savePng(path, m_plot->width(), m_plot->height()); }

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
