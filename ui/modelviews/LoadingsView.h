// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QStringList>
#include <QWidget>

#include <vector>

class QCheckBox;
class QCustomPlot;
class QCPAxisRect;
class QCPRange;
class QLabel;
class QStackedWidget;

namespace photopeak {
class LatentModel;
}

namespace photopeak::ui {

// The loadings of a latent model: one stacked panel per component on a shared x axis (energy in keV from
// the model grid, or channel), step lines in the component's colour, channels below the model's min
// channel shaded grey and drawn grey (they are not fitted). Wheel zoom and drag pan act on all panels,
// double-click resets. The widget copies what it draws; the model need not outlive it.
class LoadingsView : public QWidget {
    Q_OBJECT
public:
    explicit LoadingsView(QWidget *parent = nullptr);

    void setModel(const LatentModel &model);
    void clear();
    bool hasModel() const { return !m_components.isEmpty(); }

    void setEnergyAxis(bool energy);
    bool energyAxis() const { return m_energyAxis; }
    void setLogScale(bool log);
    bool logScale() const { return m_logScale; }

    int panelCount() const { return static_cast<int>(m_panels.size()); }
    QCPAxisRect *panel(int component) const { return m_panels.at(static_cast<size_t>(component)); }
    const QStringList &components() const { return m_components; }
    // Key range shaded grey (channels below min channel) in the current x unit; empty when min channel is 0.
    QCPRange greyedRange() const;
    QCustomPlot *plot() const { return m_plot; }

public slots:
    void resetZoom();

private:
    void rebuild();
    void fitValueAxes();
    std::vector<double> keys() const;  // channel edges in the current x unit (channelCount + 1)

    QCheckBox *m_energyBox;
    QCheckBox *m_logBox;
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QCustomPlot *m_plot;

    QStringList m_components;
    std::vector<double> m_edgesKeV;
    std::vector<double> m_loadings;
    int m_channels = 0;
    int m_minChannel = 0;
    bool m_energyAxis = true;
    bool m_logScale = false;
    std::vector<QCPAxisRect *> m_panels;
};

} // namespace photopeak::ui
