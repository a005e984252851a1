// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QString>

namespace photopeak {

// One channel <-> energy pair of an energy calibration (a fitted peak matched to a library line, or typed in).
struct CalibrationPoint {
    double channel = 0.0;
    double channelUnc = 0.0;   // 0 = unknown (equal weights)
    double energyKeV = 0.0;
    QString label;             // e.g. "Cs137 661.657"
    double residualKeV = 0.0;  // filled by the fit: calibrated - true energy
};

} // namespace photopeak
