// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "modelviews/ModelPlotStyle.h"
#include "modelviews/ModelViewData.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class QCustomPlot;

namespace photopeak::ui {

// Mean latent share (score / sum of scores) of every component, per true label set, as grouped bars: a
// correctly decomposed class shows one tall bar of its own colour (plus background); bars of other colours
// show where its counts go instead.
class MeanSharesView : public QWidget {
    Q_OBJECT
public:
    explicit MeanSharesView(QWidget *parent = nullptr);

    // Mean shares per true label (classes: sorted label-set keys; empty without labelled points).
    struct Means {
        QStringList components, classes;
        std::vector<double> means;  // classes x components
        std::vector<int> counts;    // spectra per class
    };
    static Means compute(const QStringList &components, const std::vector<LatentScatterPoint> &points);
    // The view's bar chart on any plot set up by SpectrumPlotter::setupPlot (the report page's too).
    static void draw(QCustomPlot *plot, const Means &means);

    void setData(const QStringList &components, const std::vector<LatentScatterPoint> &points);
    void clear(const QString &why);
    QStringList classes() const { return m_classes; }
    // Mean share of `component` in class `cls` (index into classes()), NaN when unknown.
    double meanShare(int cls, int component) const;
    QCustomPlot *plot() const { return m_plot; }
    void setInputs(const QStringList &inputs) { m_inputs = inputs; }

private:
    modelplot::PlotFrame m_frame;
    QCustomPlot *m_plot = nullptr;
    QStringList m_components, m_classes;
    std::vector<double> m_means;  // classes x components
    std::vector<int> m_counts;
    QStringList m_inputs;
};

} // namespace photopeak::ui
