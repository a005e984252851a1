// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "peaks/EfficiencyCurve.h"
#include "peaks/GammaLine.h"
#include "peaks/NuclideLibrary.h"

#include <QString>

#include <optional>
#include <vector>

// Inputs shared by peaks and identify. Each prints "photopeak-cli <command>: problem" and sets *exitCode
// (2 for usage errors, 1 for unreadable files) when it fails.
namespace PeaksCli {
// --efficiency FILE|name (a shipped curve such as "xgd"); an empty value gives an invalid (unused) curve.
std::optional<photopeak::EfficiencyCurve> efficiency(const QString &value, const QString &command, int *exitCode);
// --calibrate-with LIST: the lines of the named nuclides.
std::optional<std::vector<photopeak::GammaLine>> calibrationLines(const photopeak::NuclideLibrary &library,
                                                                  const QString &list, const QString &command,
                                                                  int *exitCode);
} // namespace PeaksCli
