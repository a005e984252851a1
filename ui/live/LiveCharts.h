// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "live/LiveWorker.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;
class QTimer;

namespace photopeak::ui {

// Strip charts of a monitoring session against the spectrum number: count rate with the rolling background
// (alarming intervals marked), significance with the threshold, each isotope's probability; and the latest
// spectrum with the running sum. Keeps the last `maxPoints` intervals. Fed in batches: one redraw of the strip
// charts per batch; the spectrum plot (half the drawing cost) is redrawn at most every `spectrumRedrawMs`.
class LiveCharts : public QWidget {
    Q_OBJECT
public:
    explicit LiveCharts(QWidget *parent = nullptr);

    void clear(const QStringList &isotopes);
    void append(const std::vector<LiveResultPtr> &batch);
    void setThresholds(double sigma, double probability);
    void replot();
    int pointCount() const;

    static constexpr int maxPoints = 5000;
    static constexpr int spectrumRedrawMs = 500;
    static constexpr const char *spectrumPlotName = "liveSpectrumPlot";

private:
    QCustomPlot *makePlot(const QString &yLabel);
    void showSpectra(const LiveResult &latest);
    void replotSpectrum();

    QCustomPlot *m_rate, *m_sigma, *m_probability, *m_spectrum;
    QCPGraph *m_rateGraph, *m_backgroundGraph, *m_alarmGraph, *m_sigmaGraph, *m_latestGraph, *m_sumGraph;
    std::vector<QCPGraph *> m_isotopeGraphs;
    QStringList m_isotopes;
    QCPItemStraightLine *m_sigmaLine, *m_probabilityLine;
    double m_lastKey = 0.0;
    double m_followUpper = 21.0;  // x range end set by the last update (the charts follow while it is unchanged)
    QTimer *m_spectrumTimer = nullptr;
    bool m_spectrumDirty = false;
};

} // namespace photopeak::ui
