// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/RocCurveView.h"

#include <qcustomplot.h>

namespace photopeak::ui {

void RocCurveView::setCurves(const QList<QPair<QString, EventEvaluation>> &curves, const QString &positiveName)
{
    reset(tr("false-positive rate"), tr("true-positive rate (%1 found)").arg(positiveName));
    QCPGraph *diagonal = plot()->addGraph();
    diagonal->setData(QVector<double>{0, 1}, QVector<double>{0, 1});
    diagonal->setPen(QPen(Qt::gray, 1, Qt::DashLine));
    diagonal->removeFromLegend();
    const QColor colours[] = {QColor(0x1b, 0x60, 0xa8), QColor(0xd9, 0x5f, 0x02), QColor(0x2c, 0x8c, 0x3c)};
    int i = 0;
    for (const auto &[name, e] : curves) {
        QVector<double> x, y;
        for (const auto &p : e.roc()) {
            x << p.falsePositiveRate;
            y << p.truePositiveRate;
        }
        QCPGraph *g = plot()->addGraph();
        g->setData(x, y, true);
        g->setPen(QPen(colours[i++ % 3], 2));
        g->setName(QStringLiteral("%1: AUC %2").arg(name).arg(e.auc(), 0, 'f', 4));
    }
    plot()->legend->setVisible(!curves.isEmpty());
    plot()->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    plot()->xAxis->setRange(0, 1);
    plot()->yAxis->setRange(0, 1.02);
    plot()->replot();
}

} // namespace photopeak::ui
