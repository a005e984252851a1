// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "live/AlarmRecord.h"

#include <QLabel>

namespace photopeak::ui {

// The line at the top of the live view: red with the isotope, the time and the evidence while an alarm is
// up; otherwise what the monitor is doing (learning the background, quiet, the last alarm cleared).
class AlarmBanner : public QLabel {
    Q_OBJECT
public:
    explicit AlarmBanner(QWidget *parent = nullptr);

    void showAlarm(const AlarmRecord &alarm);
    void showQuiet(const QString &text);
    bool isAlarm() const { return m_alarm; }

private:
    bool m_alarm = false;
};

} // namespace photopeak::ui
