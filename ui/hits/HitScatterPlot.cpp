// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitScatterPlot.h"

#include "hits/HitFeatureExtractor.h"
#include "hits/HitListModel.h"
#include "hits/HitThumbnailDelegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMap>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace photopeak {

HitScatterPlot::HitScatterPlot(HitListModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_x(new QComboBox(this)), m_y(new QComboBox(this)),
      m_plot(new QCustomPlot(this)), m_preview(new QLabel(m_plot))
{
    m_x->addItems(HitFeatureExtractor::names());
    m_y->addItems(HitFeatureExtractor::names());
    m_x->setCurrentText(QStringLiteral("ellipticity"));
    m_y->setCurrentText(QStringLiteral("solidity"));
    m_x->setObjectName(QStringLiteral("scatterX"));
    m_y->setObjectName(QStringLiteral("scatterY"));
    auto *axes = new QHBoxLayout;
    axes->addWidget(new QLabel(tr("x:"), this));
    axes->addWidget(m_x, 1);
    axes->addWidget(new QLabel(tr("y:"), this));
    axes->addWidget(m_y, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(axes);
    layout->addWidget(m_plot, 1);
    m_plot->setMinimumSize(260, 220);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(QFont(font().family(), 8));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setMouseTracking(true);
    m_preview->setFrameShape(QFrame::Box);
    m_preview->setStyleSheet(QStringLiteral("background: black; color: white;"));
    m_preview->hide();
    connect(m_x, &QComboBox::currentTextChanged, this, &HitScatterPlot::rebuild);
    connect(m_y, &QComboBox::currentTextChanged, this, &HitScatterPlot::rebuild);
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *e) { showPreview(e->pos()); });
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *e) {
        const int row = nearestRow(e->pos());
        if (row >= 0)
            emit hitClicked(row);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &HitScatterPlot::rebuild);
}

void HitScatterPlot::setAxes(const QString &x, const QString &y)
{
    m_x->setCurrentText(x);
    m_y->setCurrentText(y);
}

void HitScatterPlot::rebuild()
{
    m_plot->clearGraphs();
    const FeatureMatrix &f = m_model->features();
    const int cx = HitFeatureExtractor::indexOf(m_x->currentText()), cy = HitFeatureExtractor::indexOf(m_y->currentText());
    if (cx < 0 || cy < 0 || f.rows == 0 || !m_model->collection()) {
        m_plot->replot();
        return;
    }
    QMap<QString, QCPGraph *> graphs;
    const auto &hits = m_model->collection()->hits();
    for (int i = 0; i < f.rows; ++i) {
        const QString label = hits[size_t(i)].label;
        QCPGraph *&g = graphs[label];
        if (!g) {
            g = m_plot->addGraph();
            g->setLineStyle(QCPGraph::lsNone);
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, HitThumbnailDelegate::classColour(label), 5));
            g->setName(label.isEmpty() ? tr("unlabelled") : label);
        }
        g->addData(f.at(i, cx), f.at(i, cy));
    }
    m_plot->xAxis->setLabel(m_x->currentText());
    m_plot->yAxis->setLabel(m_y->currentText());
    m_plot->rescaleAxes();
    m_plot->xAxis->scaleRange(1.05);
    m_plot->yAxis->scaleRange(1.05);
    m_plot->replot();
}

int HitScatterPlot::nearestRow(const QPoint &pos) const
{
    const FeatureMatrix &f = m_model->features();
    const int cx = HitFeatureExtractor::indexOf(m_x->currentText()), cy = HitFeatureExtractor::indexOf(m_y->currentText());
    if (cx < 0 || cy < 0)
        return -1;
    int best = -1;
    double bestD = 64.0;  // within 8 pixels
    for (int i = 0; i < f.rows; ++i) {
        const double dx = m_plot->xAxis->coordToPixel(f.at(i, cx)) - pos.x();
        const double dy = m_plot->yAxis->coordToPixel(f.at(i, cy)) - pos.y();
        if (dx * dx + dy * dy < bestD) {
            bestD = dx * dx + dy * dy;
            best = i;
        }
    }
    return best;
}

void HitScatterPlot::showPreview(const QPoint &pos)
{
    const int row = nearestRow(pos);
    if (row < 0) {
        m_preview->hide();
        return;
    }
    const QModelIndex index = m_model->index(row);
    const QImage image = index.data(HitListModel::ImageRole).value<QImage>().scaled(120, 120, Qt::KeepAspectRatio, Qt::FastTransformation);
    m_preview->setPixmap(QPixmap::fromImage(image));
    m_preview->setToolTip(index.data(Qt::ToolTipRole).toString());
    m_preview->adjustSize();
    QPoint at = pos + QPoint(12, 12);
    if (at.x() + m_preview->width() > m_plot->width())
        at.setX(pos.x() - 12 - m_preview->width());
    if (at.y() + m_preview->height() > m_plot->height())
        at.setY(pos.y() - 12 - m_preview->height());
    m_preview->move(at);
    m_preview->show();
    m_preview->raise();
}

} // namespace photopeak
