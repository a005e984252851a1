// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QColor>
#include <QSharedPointer>
#include <QFont>
#include <QString>
#include <QStringList>

class QCPAxis;
class QCPAxisRect;
class QCPAxisTicker;
class QCustomPlot;

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

// Sorted label-set key order used by all views: "(none)" first, then by number of labels, then by name.
QStringList sortedKeys(QStringList keys);

} // namespace photopeak::ui::modelplot
