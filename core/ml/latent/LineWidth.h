// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/EnergyGrid.h"

#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace photopeak {

class LatentModel;

// Width of gamma lines in spectra on an energy grid: a bin-integrated Gaussian plus a straight line fitted
// by least squares in a window around a known line energy (sigma and centre on a lattice, amplitude and
// background linear).
struct LineFit {
    double energy = 0.0;  // nominal line energy (keV)
    double sigma = 0.0;   // fitted Gaussian sigma (keV); 0 when the fit failed
    double centre = 0.0;  // fitted centre (keV)
    double area = 0.0;    // fitted line area (same units as the spectrum)
};

// The detector-resolution match of a latent model, estimated on its training loadings: the measured
// background's lines (K-40 1460.8 keV, Bi-214 609.3 keV) give the measured detector's resolution, the
// isotope templates' own lines (Cs-137 661.7; Co-60 1173.2, 1332.5; Eu-152 344.3, 1408.0 keV) the templates'.
// With sigma^2 = b E for both, the extra sigma the templates need is sqrt(max(0, b_det - b_tpl) x 661.657 keV).
struct ResolutionMatch {
    double detectorB = 0.0;  // mean sigma^2 / E of the background's lines (keV)
    double templateB = 0.0;  // mean sigma^2 / E of the isotope templates' lines (keV)
    double extraSigma = 0.0; // keV at 661.657 keV; 0 when either side has no usable line
    // Line positions: mean (fitted centre - nominal energy) of each side, and the templates' shift relative
    // to the detector (templateOffset - detectorOffset; the templates' lines sit this many keV too high).
    double detectorOffset = 0.0, templateOffset = 0.0, shift = 0.0;
    std::vector<QPair<QString, LineFit>> lines;
    QJsonObject toJson() const;
};

class LineWidth {
public:
    static LineFit fit(const EnergyGrid &grid, const double *spectrum, double energy, double halfWindow);
    // Half window used for a line at `energy`: 2.5 x a NaI-like sigma (0.8 sqrt(E) keV), at least 3 bins.
    static double defaultHalfWindow(const EnergyGrid &grid, double energy);
    static ResolutionMatch estimate(const LatentModel &model);
};

} // namespace photopeak
