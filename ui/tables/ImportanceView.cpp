// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/ImportanceView.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace photopeak::ui {

void ImportanceView::setEntries(const std::vector<FeatureImportance::Entry> &entriesIn, const QString &title, int limit)
{
    reset(title, QString());
    std::vector<FeatureImportance::Entry> e = entriesIn;
    std::sort(e.begin(), e.end(), [](const auto &a, const auto &b) { return std::abs(a.value) > std::abs(b.value); });
    if (static_cast<int>(e.size()) > limit)
        e.resize(static_cast<size_t>(limit));
    std::reverse(e.begin(), e.end());  // largest on top
    // The bars run along x: swap the roles of the axes.
    auto *bars = new QCPBars(plot()->yAxis, plot()->xAxis);
    auto *errors = new QCPErrorBars(plot()->yAxis, plot()->xAxis);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QVector<double> keys, values, spread;
    for (size_t i = 0; i < e.size(); ++i) {
        keys << double(i);
        values << e[i].value;
        spread << e[i].spread;
        ticker->addTick(double(i), e[i].feature);
    }
    bars->setData(keys, values, true);
    bars->setWidth(0.7);
    bars->setPen(Qt::NoPen);
    bars->setBrush(QColor(0x1b, 0x60, 0xa8));
    errors->setDataPlottable(bars);
    errors->setData(spread);
    errors->setPen(QPen(Qt::black));
    plot()->yAxis->setTicker(ticker);
    plot()->yAxis->setRange(-0.7, std::max<double>(1.0, e.size() - 0.3));
    plot()->xAxis->setLabel(title);
    double lo = 0, hi = 0;
    for (size_t i = 0; i < e.size(); ++i) {
        lo = std::min(lo, e[i].value - e[i].spread);
        hi = std::max(hi, e[i].value + e[i].spread);
    }
    const double pad = 0.05 * std::max(1e-9, hi - lo);
    plot()->xAxis->setRange(lo - pad, hi + pad);
    plot()->replot();
}

} // namespace photopeak::ui
