// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "jobs/JobControl.h"
#include "ml/latent/LatentModel.h"
#include "spectrum/Spectrum.h"
#include "util/Result.h"

#include <QMap>
#include <QStringList>

#include <vector>

namespace photopeak {

// What to train a latent model on and how.
struct LatentTrainingSpec {
    QStringList components;          // output order, e.g. Am241, Co60, Cs137, Eu152, background
    EnergyGrid grid = EnergyGrid::gammaFlowDefault();
    int minChannel = 7;
    LatentOptions options;           // stored in the model; also used to score the training spectra
    double unknownQuantile = 0.99;   // training quantile for the unknown-isotope thresholds
    // Per component, the detector its training spectra must come from (e.g. "simulated" for isotopes and
    // "left" for the background: the default "simulated+bg" source). A component absent here takes any.
    QMap<QString, QString> detectorFilter;

    // GAMMA_FLOW's default training source: simulated pure isotopes plus measured background of `detector`.
    static LatentTrainingSpec simulatedPlusBackground(const QStringList &components, const QString &detector);
};

// Trains the loadings: for each component, the mean of its single-label training spectra (label set exactly
// {component}, detector as filtered), rebinned count-conserving onto the grid, normalised to area 1 over
// channels >= minChannel. Spectra with problems (NaN, all zero, invalid calibration) are skipped and counted.
//
// Unknown-isotope rule (docs/latent-model.md, chosen on training data): a spectrum is flagged when its largest
// line-shaped excess over the fit where the fit is background-dominated (LineExcess, filter width = the detector's
// FWHM measured on the training background's lines) exceeds the largest value any training background spectrum
// reaches. Also stored (reported, not used): the `unknownQuantile` quantile of the training spectra's deviance per
// dof and the (1 - quantile) quantile of their Pearson similarity (the old tool's cut).
class LatentTrainer {
public:
    static Result<LatentModel> train(const std::vector<Spectrum> &spectra, const LatentTrainingSpec &spec,
                                     const JobControl *job = nullptr);

    // Quantile q in [0, 1] of `values` by linear interpolation between order statistics (numpy's default).
    static double quantile(std::vector<double> values, double q);
};

} // namespace photopeak
