// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "peaks/EfficiencyCurve.h"
#include "peaks/Nuclide.h"
#include "peaks/NuclideActivity.h"
#include "peaks/ResolutionModel.h"
#include "spectrum/Spectrum.h"
#include "util/Result.h"

#include <QDateTime>

#include <vector>

namespace photopeak {

// Activity from net peak areas: A = N / (t_live eff(E) I) x ((d + r) / (d_ref + r))^2, corrected for decay
// during the acquisition and (optionally) back to a reference date; lines combined by inverse variance.
// Net areas come from a region fit with every peak at its library energy (through the spectrum calibration)
// and the detector's FWHM(E): a linear problem, so weak peaks are measured without the upward bias of a
// free search, and negative areas are kept (no clipping) so that averages stay unbiased.
class ActivityEstimator {
public:
    struct Options {
        double minIntensity = 0.01;      // lines weaker than this (per decay) are not measured
        double minEnergyKeV = 50.0;
        double maxEnergyKeV = 3000.0;
        double detectorRadiusCm = -1.0;  // r of the distance correction; < 0 = the efficiency curve's (7 cm XGD)
        QDateTime referenceDate;         // report activity at this date; invalid = at acquisition start
        double decisionSigma = 1.645;    // detected when A > decisionSigma x sigma_counting
    };

    ActivityEstimator(EfficiencyCurve efficiency, ResolutionModel resolution, Options options);
    ActivityEstimator(EfficiencyCurve efficiency, ResolutionModel resolution);

    // Net areas of the nuclide's lines (efficiency fields left empty). Needs a valid calibration.
    Result<std::vector<LineActivity>> measure(const Spectrum &spectrum, const Nuclide &nuclide) const;
    // Full estimate at a source distance (cm, > 0).
    Result<NuclideActivity> estimate(const Spectrum &spectrum, const Nuclide &nuclide, double distanceCm) const;

    static double distanceFactor(double distanceCm, double referenceCm, double radiusCm);
    // Mean activity during [t, t + T] relative to the start: lambda T / (1 - exp(-lambda T)).
    static double inAcquisitionDecayCorrection(const Nuclide &nuclide, double seconds);

    const EfficiencyCurve &efficiency() const { return m_eff; }
    const ResolutionModel &resolution() const { return m_res; }
    const Options &options() const { return m_options; }

private:
    EfficiencyCurve m_eff;
    ResolutionModel m_res;
    Options m_options;
};

} // namespace photopeak
