// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QColor>
#include <QPen>
#include <QSharedPointer>
#include <QFont>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

class QCPAxis;
class QCPAxisRect;
class QCPAxisTicker;
class QCPGraph;
class QCustomPlot;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QWidget;

namespace photopeak::ui::modelplot {

// House style for the model views. The main axis rect of a plot gets SpectrumPlotter::setupPlot; the
// extra axis rects of the stacked and matrix layouts get the same fonts, pens and grid from here.
QFont plotFont(qreal pointSizeDelta, bool bold = false);
void styleAxis(QCPAxis *axis);
// Full axes box in house style: ticks on all four sides, tick labels and grid only on left and bottom.
void styleAxisRect(QCPAxisRect *rect);
// Removes every layout element, graph and item and leaves an empty top-level grid (no default axis rect).
void clearLayout(QCustomPlot *plot);

// Linear ticker with short labels for scores spanning orders of magnitude: 0, 250, 2.5k, 40k, 1.2M.
QSharedPointer<QCPAxisTicker> compactTicker(int tickCount);

// Colour of a label or label-set key ("Am241", "Am241+background", "(none)"), consistent with
// SpectrumPlotter::colorFor(component index) everywhere: a component's own colour; a key that is one
// component plus background gets that component's colour; other keys get the palette entries after the
// components, in the order of `otherKeys` (callers pass their sorted key list).
QColor labelColor(const QString &key, const QStringList &components, const QStringList &otherKeys = {});

// The frame every model view shares: a bar for its controls over a stack of a grey placeholder text and the
// plot (house style, SpectrumPlotter::setupPlot). Built into `view` (which gets the layout); the widgets belong
// to it.
struct PlotFrame {
    QHBoxLayout *bar = nullptr;
    QStackedWidget *stack = nullptr;
    QLabel *placeholder = nullptr;
    QCustomPlot *plot = nullptr;

    PlotFrame() = default;
    explicit PlotFrame(QWidget *view);
    // "Save PNG…" at the end of the bar: saves the plot (PlotExport, never over *inputs) while canSave() holds.
    QPushButton *addSaveButton(const QString &suggestedName, std::function<bool()> canSave, const QStringList *inputs);
    // The placeholder with a large title and an explanation (plain text), instead of the plot.
    void showPlaceholder(const QString &title, const QString &why);
    void showPlot();
};

// A stepped curve of per-bin values (bins [first, last) of the grid `edges`, times `scale`) on the key and value
// axes given (null: the plot's main axes); the last step is closed at edges[last]. Returns the graph.
QCPGraph *addStepGraph(QCustomPlot *plot, const std::vector<double> &edges, const double *values, int first, int last,
                       double scale, const QPen &pen, const QString &name, QCPAxis *keyAxis = nullptr,
                       QCPAxis *valueAxis = nullptr);

// Sorted label-set key order used by all views: "(none)" first, then by number of labels, then by name.
QStringList sortedKeys(QStringList keys);

} // namespace photopeak::ui::modelplot
