// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/EnergyGrid.h"

#include <vector>

namespace photopeak {

// Count-conserving Gaussian broadening of a spectrum on an energy grid (detector resolution):
// the content of each bin, spread uniformly over the bin, is convolved with a Gaussian of
// sigma^2(E) = a + b E (keV^2, E = the bin's centre in keV, negative values taken as 0) and integrated
// exactly over the grid's bins. Content pushed beyond the grid's ends is lost; everything else is conserved.
// With sigma = 0 the spectrum is returned unchanged. The matrix is built once (banded, +-8 sigma).
class GaussianBroadening {
public:
    GaussianBroadening() = default;
    GaussianBroadening(const EnergyGrid &grid, double a, double b);

    // sigma^2 = b E with sigma = sigmaAtRef at refKeV (b = sigmaAtRef^2 / refKeV).
    static GaussianBroadening atReference(const EnergyGrid &grid, double sigmaAtRef, double refKeV = 661.657);

    int binCount() const { return static_cast<int>(m_first.size()); }
    // out = broadened in; both binCount() values, out must not alias in.
    void apply(const double *in, double *out) const;
    std::vector<double> apply(const std::vector<double> &in) const;

private:
    std::vector<int> m_first;                  // per source bin: first target bin
    std::vector<std::vector<double>> m_weights;  // per source bin: fractions for targets m_first, m_first + 1, ...
};

} // namespace photopeak
