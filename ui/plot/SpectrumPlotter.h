// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "plot/PlotOptions.h"
#include "spectrum/Spectrum.h"

#include <QColor>
#include <QFont>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <vector>

class QCustomPlot;
class QCPGraph;
class QCPAxis;
class QCPRange;

namespace photopeak::ui {

// The one place that draws spectra into a QCustomPlot: axes, step lines, colours, legend, ranges.
// The interactive SpectrumView and PNG reports both call it, so screen and export look the same.
class SpectrumPlotter {
    Q_DECLARE_TR_FUNCTIONS(photopeak::ui::SpectrumPlotter)

public:
    static constexpr int MaxOverlay = 16;

    // What was actually drawn; options may be downgraded (count rate without live time, energy axis
    // without a valid calibration) and the notes say why, in words for the user.
    struct Summary {
        PlotOptions effective;
        int drawn = 0;
        int omitted = 0;  // beyond MaxOverlay
        QStringList notes;
    };

    // Sets fonts, colours, grid and margins once for a fresh QCustomPlot.
    static void setupPlot(QCustomPlot *plot);
    // Replaces every graph with `spectra` (first = front colour) and sets both axes to show all data.
    static Summary draw(QCustomPlot *plot, const std::vector<const Spectrum *> &spectra, const PlotOptions &options);
    // Key range covering every graph (the "reset zoom" range).
    static QCPRange fullKeyRange(const QCustomPlot *plot);
    // Fits the value axis to the data inside the current key range (with headroom for the legend).
    static void fitValueAxis(QCustomPlot *plot, bool logScale);
    // Channel of a step graph drawn by draw() that contains key x; -1 outside the data.
    static int channelAt(const QCPGraph *graph, double key);
    static QColor colorFor(int index);
    // House style for any plot of the application (model views use it for their extra axis rects).
    static QFont plotFont(qreal pointSizeDelta, bool bold = false);
    static void styleAxis(QCPAxis *axis);
    static QString xAxisTitle(const PlotOptions &effective);
    static QString yAxisTitle(const PlotOptions &effective);
};

} // namespace photopeak::ui
