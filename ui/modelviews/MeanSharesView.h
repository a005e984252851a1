// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "modelviews/ModelViewData.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QLabel;
class QStackedWidget;

namespace photopeak::ui {

// Mean latent share (score / sum of scores) of every component, per true label set, as grouped bars: a
// correctly decomposed class shows one tall bar of its own colour (plus background); bars of other colours
// show where its counts go instead.
class MeanSharesView : public QWidget {
    Q_OBJECT
public:
    explicit MeanSharesView(QWidget *parent = nullptr);

    void setData(const QStringList &components, const std::vector<LatentScatterPoint> &points);
    void clear(const QString &why);
    QStringList classes() const { return m_classes; }
    // Mean share of `component` in class `cls` (index into classes()), NaN when unknown.
    double meanShare(int cls, int component) const;
    QCustomPlot *plot() const { return m_plot; }
    void setInputs(const QStringList &inputs) { m_inputs = inputs; }

private:
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QCustomPlot *m_plot;
    QStringList m_components, m_classes;
    std::vector<double> m_means;  // classes x components
    std::vector<int> m_counts;
    QStringList m_inputs;
};

} // namespace photopeak::ui
