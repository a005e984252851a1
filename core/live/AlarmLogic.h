// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

namespace photopeak {

// Hysteresis of the alarm: raised after `raiseAfter` consecutive alarming intervals, cleared after
// `clearAfter` consecutive quiet ones. Intervals that could not be analysed do not count either way.
class AlarmLogic {
public:
    enum class Event { None, Raised, Cleared };

    AlarmLogic(int raiseAfter = 1, int clearAfter = 3);
    void setHysteresis(int raiseAfter, int clearAfter);
    Event update(bool alarming);
    void reset();

    bool isActive() const { return m_active; }
    // Length of the current run of alarming intervals (0 when the last one was quiet).
    int alarmingRun() const { return m_alarming; }

private:
    int m_raiseAfter, m_clearAfter;
    int m_alarming = 0, m_quiet = 0;
    bool m_active = false;
};

} // namespace photopeak
