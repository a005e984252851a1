// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/latent/GainAdjuster.h"

#include <cmath>

namespace photopeak {

GainAdjuster::GainAdjuster(const EnergyGrid &grid, double range, double step)
{
    if (!grid.isValid() || !(step > 0.0) || !(range >= 0.0))
        return;
    const double fine = step / 4.0;
    const int half = static_cast<int>(std::floor(range / fine + 1e-9));
    for (int i = -half; i <= half; ++i) {
        const double g = 1.0 + i * fine;
        std::vector<double> edges = grid.edges();
        for (double &e : edges)
            e *= g;
        m_factors.push_back(g);
        m_plans.emplace_back(edges, grid);
    }
    m_unity = half;
}

} // namespace photopeak
