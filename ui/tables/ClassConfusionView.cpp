// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/ClassConfusionView.h"

#include <qcustomplot.h>

#include <cmath>

namespace photopeak::ui {

namespace {
QString countText(double v)
{
    // Weighted counts keep three significant decimals; plain counts are integers.
    return std::abs(v - std::round(v)) < 1e-9 ? QString::number(static_cast<qint64>(std::llround(v)))
                                               : QString::number(v, 'g', 4);
}
} // namespace

ClassConfusionView::ClassConfusionView(QWidget *parent) : TablePlotView(parent)
{
    QCustomPlot *p = plot();
    p->plotLayout()->insertRow(0);
    m_title = new QCPTextElement(p, QString(), QFont(font().family(), font().pointSize() + 1, QFont::Bold));
    p->plotLayout()->addElement(0, 0, m_title);
    p->plotLayout()->addElement(2, 0, m_caption = new QCPTextElement(p, QString(), QFont(font().family(), font().pointSize())));
    m_map = new QCPColorMap(p->xAxis, p->yAxis);
    QCPColorGradient g;  // white to blue: the share of the true row
    g.setColorStops({{0.0, QColor(0xf7, 0xfb, 0xff)}, {0.5, QColor(0x6b, 0xae, 0xd6)}, {1.0, QColor(0x08, 0x45, 0x94)}});
    m_map->setGradient(g);
    m_map->setDataRange(QCPRange(0.0, 1.0));
    m_map->setInterpolate(false);
    p->xAxis->setLabel(tr("called"));
    p->yAxis->setLabel(tr("truth"));
    p->xAxis->grid()->setVisible(false);
    p->yAxis->grid()->setVisible(false);
    p->xAxis->setTickLength(0, 0);
    p->yAxis->setTickLength(0, 0);
    p->xAxis->setSubTicks(false);
    p->yAxis->setSubTicks(false);
}

void ClassConfusionView::clear() { setMatrix({}, {}, QString()); }

double ClassConfusionView::count(int truth, int called) const
{
    if (truth < 0 || called < 0 || truth >= int(m_counts.size()) || called >= int(m_counts[size_t(truth)].size()))
        return 0.0;
    return m_counts[size_t(truth)][size_t(called)];
}

double ClassConfusionView::rowShare(int truth, int called) const
{
    double total = 0.0;
    for (int c = 0; c < m_classes.size(); ++c)
        total += count(truth, c);
    return total > 0.0 ? count(truth, called) / total : 0.0;
}

QString ClassConfusionView::title() const { return m_title->text(); }

void ClassConfusionView::setMatrix(const QStringList &classes, const std::vector<std::vector<double>> &counts,
                                   const QString &title, const QString &caption)
{
    m_classes = classes;
    m_counts = counts;
    QCustomPlot *p = plot();
    p->clearItems();
    m_title->setText(title);
    m_caption->setText(caption);
    const int n = int(classes.size());
    m_map->setVisible(n > 0);
    if (n == 0) {
        p->replot();
        return;
    }
    // Cell (called c, truth t) at x = c, y = n - 1 - t: the first class on top, as the matrix is written.
    m_map->data()->setSize(n, n);
    m_map->data()->setRange(QCPRange(0, n - 1), QCPRange(0, n - 1));
    auto xTicks = QSharedPointer<QCPAxisTickerText>::create();
    auto yTicks = QSharedPointer<QCPAxisTickerText>::create();
    const QFont big(font().family(), font().pointSize() + (n <= 4 ? 4 : 1), QFont::Bold);
    const QFont small(font().family(), font().pointSize());
    for (int t = 0; t < n; ++t) {
        xTicks->addTick(t, classes[t]);
        yTicks->addTick(n - 1 - t, classes[t]);
        for (int c = 0; c < n; ++c) {
            const double share = rowShare(t, c);
            m_map->data()->setCell(c, n - 1 - t, share);
            auto *text = new QCPItemText(p);
            text->position->setType(QCPItemPosition::ptPlotCoords);
            text->position->setCoords(c, n - 1 - t);
            text->setText(QStringLiteral("%1\n%2 %").arg(countText(count(t, c))).arg(100.0 * share, 0, 'f', 1));
            text->setFont(n <= 6 ? big : small);
            text->setColor(share > 0.55 ? Qt::white : QColor(0x20, 0x20, 0x20));
            text->setClipToAxisRect(true);
        }
    }
    p->xAxis->setTicker(xTicks);
    p->yAxis->setTicker(yTicks);
    p->xAxis->setRange(-0.5, n - 0.5);
    p->yAxis->setRange(-0.5, n - 0.5);
    p->replot();
}

} // namespace photopeak::ui
