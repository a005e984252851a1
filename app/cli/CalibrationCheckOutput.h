// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QIODevice>
#include <QString>

namespace photopeak {
class NuclideLibrary;
}

// `photopeak-cli calibrate --check DIR`: prints core's calibration check (eval/CalibrationCheck) as a table and CSV.
int runCalibrationCheck(const QString &dir, const photopeak::NuclideLibrary &lib, int degree, QIODevice &csv);
