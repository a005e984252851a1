// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "modelviews/ModelPlotStyle.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class QCustomPlot;

namespace photopeak {
class LatentModel;
}

namespace photopeak::ui {

// The cosine similarity of every pair of loadings over the fitted channels as a colour matrix with the values
// written in: pairs near 1 are components the fit can confuse.
class LoadingsSimilarityView : public QWidget {
    Q_OBJECT
public:
    explicit LoadingsSimilarityView(QWidget *parent = nullptr);

    void setModel(const LatentModel &model);
    void clear();
    const std::vector<double> &similarity() const { return m_similarity; }
    QCustomPlot *plot() const { return m_plot; }
    void setInputs(const QStringList &inputs) { m_inputs = inputs; }
    // The view's matrix on any plot (its layout is replaced; the report page's too).
    static void draw(QCustomPlot *plot, const LatentModel &model);

private:
    modelplot::PlotFrame m_frame;
    QCustomPlot *m_plot = nullptr;
    QStringList m_components;
    std::vector<double> m_similarity;
    QStringList m_inputs;
};

} // namespace photopeak::ui
