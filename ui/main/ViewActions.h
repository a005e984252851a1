// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "plot/PlotOptions.h"

#include <QObject>

class QAction;
class QActionGroup;
class QMenu;

namespace photopeak::ui {

class Settings;

// The View menu's actions (log/linear, counts/count rate, energy/channel, reset zoom), shared by the
// menu and the plot tool bar, remembered in Settings.
class ViewActions : public QObject {
    Q_OBJECT
public:
    ViewActions(Settings &settings, QObject *parent = nullptr);

    PlotOptions options() const;
    void fillMenu(QMenu *menu) const;
    QList<QAction *> toolBarActions() const;  // null entries are separators
    // Count rate is offered only when every plotted spectrum has a live time.
    void setCountRateAvailable(bool available);

    QAction *logScale() const { return m_log; }
    QAction *counts() const { return m_counts; }
    QAction *countRate() const { return m_rate; }
    QAction *energyAxis() const { return m_energy; }
    QAction *channelAxis() const { return m_channel; }
    QAction *resetZoom() const { return m_reset; }

signals:
    void optionsChanged(const photopeak::ui::PlotOptions &options);
    void resetZoomRequested();

private:
    void onChanged();

    Settings &m_settings;
    QAction *m_log;
    QAction *m_counts;
    QAction *m_rate;
    QAction *m_energy;
    QAction *m_channel;
    QAction *m_reset;
};

} // namespace photopeak::ui
