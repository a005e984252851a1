// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QString>

namespace photopeak {

// One photon emission of a nuclide: energy and emission probability per decay (0..n, 1.8 for 511 keV of Na22).
struct GammaLine {
    enum class Kind { Gamma, XRay, Annihilation };

    double energyKeV = 0.0;
    double energyUncKeV = 0.0;
    double intensity = 0.0;     // photons per decay of the parent the line is listed under
    double intensityUnc = 0.0;  // one standard deviation, same unit
    Kind kind = Kind::Gamma;
    QString emitter;            // nuclide that emits it (a daughter for chain members)

    static QString kindCode(Kind kind);
};

} // namespace photopeak
