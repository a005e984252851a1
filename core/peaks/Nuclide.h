// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "peaks/GammaLine.h"

#include <QDateTime>
#include <QString>

#include <utility>
#include <vector>

namespace photopeak {

// A radionuclide of the library: half-life and photon lines. `lines` includes the lines of daughters assumed
// in equilibrium (scaled by their activity ratio), `ownLines` only those listed under the nuclide itself.
struct Nuclide {
    QString name;
    double halfLifeSeconds = 0.0;
    double halfLifeUncSeconds = 0.0;
    std::vector<std::pair<QString, double>> daughters;  // name, activity ratio to the parent
    QString category;  // check, medical, activation, fission, natural; empty when the library does not say
    std::vector<GammaLine> ownLines;
    std::vector<GammaLine> lines;  // sorted by energy

    double decayConstant() const;  // 1/s; 0 for stable or unknown
    // Activity at `to` divided by activity at `from` (exp(-lambda dt)); 1 when a date is invalid.
    double decayFactor(const QDateTime &from, const QDateTime &to) const;
    // Lines with intensity >= minIntensity inside [eMinKeV, eMaxKeV], strongest first.
    std::vector<GammaLine> linesIn(double eMinKeV, double eMaxKeV, double minIntensity = 0.0) const;
    // Human-readable half-life, e.g. "30.08 y".
    QString halfLifeText() const;
};

} // namespace photopeak
