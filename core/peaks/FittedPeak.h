// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

namespace photopeak {

// One Gaussian of a region fit. Channel quantities use the continuous channel coordinate (channel i covers
// [i, i + 1)); energies are filled when the spectrum has a valid calibration. Uncertainties are 1 sigma.
struct FittedPeak {
    double centroid = 0.0, centroidUnc = 0.0;    // channels
    double fwhm = 0.0, fwhmUnc = 0.0;            // channels
    double area = 0.0, areaUnc = 0.0;            // net counts
    double energyKeV = 0.0, energyUncKeV = 0.0;
    double fwhmKeV = 0.0, fwhmUncKeV = 0.0;
    double continuumCounts = 0.0;  // continuum under centroid +- 1.25 FWHM (Currie's B)
    double significance() const { return areaUnc > 0.0 ? area / areaUnc : 0.0; }
};

} // namespace photopeak
