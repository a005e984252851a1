// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/EnergyCalibration.h"

#include <vector>

namespace photopeak {

// The old GAMMA_FLOW tool's calibration step, kept only to prove faithfulness against its golden vectors:
// counts interpolated point-wise (np.interp) from the energies E_src(i) to E_std(i), 0 outside,
// negative values replaced by 1e-6. Not count-conserving (-1 % to +3 %); Photopeak rebins with RebinPlan.
class LegacyInterpolation {
public:
    static std::vector<double> apply(const std::vector<double> &counts, const EnergyCalibration &source,
                                     const EnergyCalibration &target, int targetChannels);
};

} // namespace photopeak
