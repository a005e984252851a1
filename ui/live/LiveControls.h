// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "live/LiveAnalysis.h"

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QPushButton;
class QSpinBox;

namespace photopeak::ui {

// The operator's settings of a monitoring session: alarm threshold and hysteresis, the probability at
// which isotopes are named, sliding and cumulative sums, the rolling background's length; plus the
// actions that go with them (reset the background, export the alarm log).
class LiveControls : public QWidget {
    Q_OBJECT
public:
    explicit LiveControls(QWidget *parent = nullptr);

    LiveAnalysis::Options options() const;
    void setOptions(const LiveAnalysis::Options &options);

signals:
    void changed();
    void resetBackgroundRequested();
    void exportLogRequested();

private:
    QDoubleSpinBox *m_sigma, *m_probability;
    QSpinBox *m_raiseAfter, *m_clearAfter, *m_sum, *m_background;
    QCheckBox *m_cumulative, *m_modelAlarms;
    QPushButton *m_reset, *m_export;
};

} // namespace photopeak::ui
