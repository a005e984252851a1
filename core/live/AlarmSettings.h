// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

namespace photopeak {

// The operator's alarm thresholds.
struct AlarmSettings {
    double sigma = 4.0;               // gross-count excess over the rolling background, in standard deviations
    int raiseAfter = 1;               // consecutive alarming intervals before the alarm is raised
    int clearAfter = 3;               // consecutive quiet intervals before it is cleared
    double isotopeProbability = 0.5;  // an isotope is named in an alarm at or above this probability
    bool modelAlarms = false;         // an interval the model calls a source with a named isotope also alarms
};

} // namespace photopeak
