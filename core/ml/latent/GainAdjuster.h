// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/EnergyGrid.h"
#include "spectrum/RebinPlan.h"

#include <vector>

namespace photopeak {

// Small energy-scale (gain) corrections of a spectrum already on a grid: factor g means the spectrum's
// true energies are g times what its calibration says, so its bins move to g x edges and are rebinned
// (count-conserving) back onto the grid. The factors form a lattice 1 + i * step / 4, |i * step / 4| <= range;
// plans are precomputed once.
class GainAdjuster {
public:
    GainAdjuster() = default;
    GainAdjuster(const EnergyGrid &grid, double range, double step);

    bool isEmpty() const { return m_plans.empty(); }
    int factorCount() const { return static_cast<int>(m_factors.size()); }
    int unityIndex() const { return m_unity; }
    int quarterSteps() const { return 4; }  // lattice points per coarse step
    double factor(int index) const { return m_factors[size_t(index)]; }
    // out (grid bins) = spectrum stretched by factor(index), rebinned onto the grid.
    void apply(int index, const double *in, double *out) const { m_plans[size_t(index)].apply(in, out); }

private:
    std::vector<double> m_factors;
    std::vector<RebinPlan> m_plans;
    int m_unity = 0;
};

} // namespace photopeak
