// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "modelviews/ModelPlotStyle.h"

#include "plot/SpectrumPlotter.h"

#include <QGuiApplication>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace photopeak::ui::modelplot {

namespace {
const QString kNone = QStringLiteral("(none)");
const QString kBackground = QStringLiteral("background");

class CompactTicker : public QCPAxisTicker {
protected:
    QString getTickLabel(double tick, const QLocale &locale, QChar, int) override
    {
        const double a = std::abs(tick);
        if (a < 1e-12)
            return QStringLiteral("0");
        if (a >= 1e6)
            return locale.toString(tick / 1e6, 'g', 3) + QLatin1Char('M');
        if (a >= 1e4)
            return locale.toString(tick / 1e3, 'g', 3) + QLatin1Char('k');
        return locale.toString(tick, 'g', 4);
    }
};

QStringList splitKey(const QString &key)
{
    if (key.isEmpty() || key == kNone)
        return {};
    return key.split(QLatin1Char('+'), Qt::SkipEmptyParts);
}
} // namespace

QFont plotFont(qreal pointSizeDelta, bool bold)
{
    return SpectrumPlotter::plotFont(pointSizeDelta, bold);
}

void styleAxis(QCPAxis *axis)
{
    SpectrumPlotter::styleAxis(axis);
}

void styleAxisRect(QCPAxisRect *rect)
{
    rect->setupFullAxesBox(true);
    for (QCPAxis *axis : rect->axes())
        styleAxis(axis);
    rect->axis(QCPAxis::atTop)->setTickLabels(false);
    rect->axis(QCPAxis::atRight)->setTickLabels(false);
    rect->axis(QCPAxis::atTop)->grid()->setVisible(false);
    rect->axis(QCPAxis::atRight)->grid()->setVisible(false);
}

QSharedPointer<QCPAxisTicker> compactTicker(int tickCount)
{
    auto ticker = QSharedPointer<CompactTicker>::create();
    ticker->setTickCount(tickCount);
    return ticker;
}

void clearLayout(QCustomPlot *plot)
{
    plot->clearItems();
    plot->clearPlottables();
    plot->plotLayout()->clear();
    plot->plotLayout()->simplify();
    qDeleteAll(plot->findChildren<QCPMarginGroup *>(Qt::FindDirectChildrenOnly));
}

QColor labelColor(const QString &key, const QStringList &components, const QStringList &otherKeys)
{
    if (key == kNone || key.isEmpty())
        return QColor(0x50, 0x50, 0x50);
    const int own = components.indexOf(key);
    if (own >= 0)
        return SpectrumPlotter::colorFor(own);
    QStringList labels = splitKey(key);
    labels.removeAll(kBackground);
    if (labels.size() == 1 && components.contains(labels.first()))
        return SpectrumPlotter::colorFor(components.indexOf(labels.first()));
    // Keys that are not one component: palette entries after the components, skipping keys that
    // already take a component's colour.
    int index = static_cast<int>(components.size());
    for (const QString &other : otherKeys) {
        if (other == key)
            return SpectrumPlotter::colorFor(index);
        QStringList ol = splitKey(other);
        ol.removeAll(kBackground);
        if (other != kNone && !components.contains(other) && !(ol.size() == 1 && components.contains(ol.first())))
            ++index;
    }
    return SpectrumPlotter::colorFor(index);
}

QStringList sortedKeys(QStringList keys)
{
    keys.removeDuplicates();
    std::sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) {
        const qsizetype na = splitKey(a).size(), nb = splitKey(b).size();
        if (na != nb)
            return na < nb;
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    return keys;
}

} // namespace photopeak::ui::modelplot
