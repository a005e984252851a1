// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "modelviews/LatentExample.h"
#include "modelviews/ModelPlotStyle.h"

#include <QWidget>

class QCheckBox;
class QCustomPlot;

namespace photopeak::ui {

// One spectrum on the latent model's grid against its reconstruction (denoised = scores x loadings), with
// each component's part dashed and the cosine similarity (and the old tool's Pearson similarity and explained
// variance) in the title. Channels below the model's min channel are shaded: they are not fitted.
class DenoisedSpectrumView : public QWidget {
    Q_OBJECT
public:
    explicit DenoisedSpectrumView(QWidget *parent = nullptr);

    void setExample(const LatentExample &example);
    // Shown instead of a plot, e.g. "Select a spectrum" or "No latent model".
    void clear(const QString &why);
    const LatentExample &example() const { return m_example; }
    QCustomPlot *plot() const { return m_plot; }
    void setInputs(const QStringList &inputs) { m_inputs = inputs; }
    // The view's plot of `example` on any plot set up by SpectrumPlotter::setupPlot (the report page's too).
    static void draw(QCustomPlot *plot, const LatentExample &example, bool logScale);

private:
    void rebuild();

    QCheckBox *m_logBox;
    modelplot::PlotFrame m_frame;
    QCustomPlot *m_plot = nullptr;
    LatentExample m_example;
    QStringList m_inputs;
};

// Steps of `values` (channels) over `edges` (channels + 1) from channel `first`, as QCustomPlot step-left
// data; shared by the latent views.
} // namespace photopeak::ui
