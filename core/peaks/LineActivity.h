// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "peaks/FittedPeak.h"

#include <QString>

namespace photopeak {

// One peak of a nuclide at a known energy (lines closer than half a FWHM merged): its fitted net area and
// the activity it implies. Activities in Bq at the acquisition start (or the chosen reference date).
struct LineActivity {
    QString label;                 // "Eu152 344.28" (or "Eu152 1085.8+1089.7" for merged lines)
    double energyKeV = 0.0;        // intensity-weighted energy of the merged lines
    double intensity = 0.0;        // photons per decay, summed over merged lines
    double intensityUnc = 0.0;
    FittedPeak peak;               // net area at fixed position and width
    double efficiency = 0.0;       // at the reference distance; 0 when no curve
    double efficiencyRelUnc = 0.0;
    bool extrapolated = false;     // outside the efficiency curve's energy range
    bool used = false;             // entered the combined activity
    double activityBq = 0.0;
    double activityUncBq = 0.0;    // counting + intensity, 1 sigma
    double mdaBq = 0.0;            // Currie detection limit from this line
};

} // namespace photopeak
