// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "util/Result.h"

#include <QStringList>

class QCustomPlot;
class QWidget;

namespace photopeak::ui {

// A model view's plot as a PNG file: rendered at the widget's size (or the given one), written atomically and
// only where OutputGuard allows (never over one of `inputs`; the file dialog already asked before replacing).
Status savePlotPng(QCustomPlot *plot, const QString &path, const QStringList &inputs, int width = 0, int height = 0);
// Asks for a file name (starting at `suggestedName`) and saves; errors are shown in a message box.
void exportPlotPng(QWidget *parent, QCustomPlot *plot, const QString &suggestedName, const QStringList &inputs);

} // namespace photopeak::ui
