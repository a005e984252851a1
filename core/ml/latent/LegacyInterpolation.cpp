// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/latent/LegacyInterpolation.h"

#include <algorithm>

namespace photopeak {

std::vector<double> LegacyInterpolation::apply(const std::vector<double> &counts, const EnergyCalibration &source,
                                               const EnergyCalibration &target, int targetChannels)
{
    const int n = static_cast<int>(counts.size());
    std::vector<double> xp(static_cast<size_t>(n)), out(static_cast<size_t>(std::max(targetChannels, 0)), 0.0);
    if (n == 0)
        return out;
    for (int i = 0; i < n; ++i)
        xp[size_t(i)] = source.energyAt(i);
    for (int j = 0; j < targetChannels; ++j) {
        const double e = target.energyAt(j);
        double y;
        if (e < xp.front() || e > xp.back()) {
            y = 0.0;
        } else {
            // np.interp: index of the last xp <= e; exact hits return fp at that point.
            const size_t k = size_t(std::upper_bound(xp.begin(), xp.end(), e) - xp.begin()) - 1;
            if (k + 1 >= xp.size()) {
                y = counts.back();
            } else {
                const double slope = (counts[k + 1] - counts[k]) / (xp[k + 1] - xp[k]);
                y = slope * (e - xp[k]) + counts[k];
            }
        }
        out[size_t(j)] = y < 0.0 ? 1e-6 : y;
    }
    return out;
}

} // namespace photopeak
