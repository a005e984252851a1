// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "modelviews/LatentExample.h"
#include "modelviews/ModelPlotStyle.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QCustomPlot;
class QLabel;

namespace photopeak::ui {

// The latent model's misclassified spectra, one at a time (chooser): on the left the spectrum and its
// reconstruction, both normalised to area 1 over the fitted channels; on the right the loadings (mean spectra)
// of the true components (dashed) and of the predicted ones (solid), each with its score and share, so that
// one sees which component took the counts of which.
class MisclassifiedSpectraView : public QWidget {
    Q_OBJECT
public:
    explicit MisclassifiedSpectraView(QWidget *parent = nullptr);

    // `total`: how many labelled spectra the examples were taken from (for the header line).
    void setExamples(std::vector<LatentExample> examples, int total);
    void clear(const QString &why);
    int exampleCount() const { return static_cast<int>(m_examples.size()); }
    void showExample(int index);
    QCustomPlot *plot() const { return m_plot; }
    void setInputs(const QStringList &inputs) { m_inputs = inputs; }
    // The view's plot of one misclassified spectrum on any plot set up by SpectrumPlotter::setupPlot (the report's
    // too): the spectrum and its reconstruction (left) beside the loadings of the true and predicted components.
    static void draw(QCustomPlot *plot, const LatentExample &example);

signals:
    void entryActivated(int entryIndex);

private:
    void rebuild();

    QComboBox *m_chooser;
    QLabel *m_header;
    modelplot::PlotFrame m_frame;
    QCustomPlot *m_plot = nullptr;
    std::vector<LatentExample> m_examples;
    int m_current = -1;
    QStringList m_inputs;
};

} // namespace photopeak::ui
