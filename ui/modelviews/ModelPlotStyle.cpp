// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "modelviews/ModelPlotStyle.h"

#include "modelviews/PlotExport.h"
#include "plot/SpectrumPlotter.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>
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

PlotFrame::PlotFrame(QWidget *view)
    : bar(new QHBoxLayout), stack(new QStackedWidget(view)), placeholder(new QLabel(view)), plot(new QCustomPlot(view))
{
    auto *layout = new QVBoxLayout(view);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    bar->setContentsMargins(8, 4, 8, 4);
    layout->addLayout(bar);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    placeholder->setStyleSheet(QStringLiteral("QLabel { color: #707070; background: white; }"));
    stack->addWidget(placeholder);
    stack->addWidget(plot);
    layout->addWidget(stack, 1);
    SpectrumPlotter::setupPlot(plot);
    stack->setCurrentWidget(placeholder);
}

QPushButton *PlotFrame::addSaveButton(const QString &suggestedName, std::function<bool()> canSave,
                                      const QStringList *inputs)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("photopeak::ui::modelplot::PlotFrame", text); };
    QWidget *view = stack->parentWidget();
    auto *save = new QPushButton(tr("Save PNG…"), view);
    save->setToolTip(tr("Save this plot as a PNG image"));
    bar->addWidget(save);
    QCustomPlot *target = plot;
    QObject::connect(save, &QPushButton::clicked, view, [view, target, suggestedName, canSave = std::move(canSave), inputs] {
        if (!canSave || canSave())
            exportPlotPng(view, target, suggestedName, inputs ? *inputs : QStringList());
    });
    return save;
}

void PlotFrame::showPlaceholder(const QString &title, const QString &why)
{
    placeholder->setText(QStringLiteral("<p style='font-size:15pt'>%1</p><p>%2</p>").arg(title.toHtmlEscaped(), why.toHtmlEscaped()));
    stack->setCurrentWidget(placeholder);
}

void PlotFrame::showPlot()
{
    stack->setCurrentWidget(plot);
}

QCPGraph *addStepGraph(QCustomPlot *plot, const std::vector<double> &edges, const double *values, int first, int last,
                       double scale, const QPen &pen, const QString &name, QCPAxis *keyAxis, QCPAxis *valueAxis)
{
    QVector<double> keys, data;
    keys.reserve(std::max(0, last - first) + 1);
    data.reserve(std::max(0, last - first) + 1);
    for (int c = first; c < last; ++c) {
        keys << edges[size_t(c)];
        data << values[c] * scale;
    }
    if (last > first) {  // close the last step
        keys << edges[size_t(last)];
        data << values[last - 1] * scale;
    }
    QCPGraph *g = plot->addGraph(keyAxis, valueAxis);
    g->setData(keys, data, true);
    g->setLineStyle(QCPGraph::lsStepLeft);
    g->setPen(pen);
    g->setName(name);
    return g;
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
