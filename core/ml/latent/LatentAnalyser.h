// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "ml/latent/GainAdjuster.h"
#include "ml/latent/GainLattice.h"
#include "ml/latent/LatentModel.h"
#include "ml/latent/LatentResult.h"
#include "ml/latent/LineExcess.h"
#include "ml/latent/ResolutionAdjuster.h"

#include <vector>

namespace photopeak {

// Applies a LatentModel to spectra on its grid with the model's options (or others): scores, shares,
// decisions, reconstruction statistics and the unknown-isotope flag. Holds work buffers: use one
// analyser per thread. The model must outlive the analyser.
class LatentAnalyser {
public:
    explicit LatentAnalyser(const LatentModel &model);
    LatentAnalyser(const LatentModel &model, const LatentOptions &options);

    const LatentModel &model() const { return *m_model; }
    const LatentOptions &options() const { return m_options; }

    // Full analysis of one spectrum of model().channelCount() values.
    LatentResult analyse(const double *spectrum);
    LatentResult analyse(const std::vector<double> &spectrum) { return analyse(spectrum.data()); }

    // After analyse(): the reconstruction d = x^T L it judged the spectrum by (model counts per channel), and
    // the loadings it was fitted with (the model, or its gain- or resolution-adjusted copy).
    const std::vector<double> &denoised() const { return m_denoised; }
    const LatentModel &fittedModel() const { return *m_fit; }

    // Fast path of the plain method for throughput: share rule only. Writes the scores to x and returns
    // the bit mask of present components; *single gets the index of the single label (-1 = none).
    unsigned decidePlain(const double *spectrum, double *x, int *single) const;

    // Poisson deviance / degrees of freedom of spectrum s against model counts d, channels >= min channel.
    double deviancePerDof(const double *s, const double *d, int activeComponents) const;

private:
    // Scores of `s` under the chosen weighting; returns active-set iterations.
    int fit(const double *s, double *x);
    double fitDeviance(const double *s, double *x);
    void standardErrors(const double *x, const double *d, double *se);
    // Best gain lattice index for `spectrum` under the current fit model (coarse search, then neighbours):
    // the spectrum moved (GainAdjuster, with the resolution lattice) by the lowest deviance per dof ...
    int searchGain(const double *spectrum, double *x);
    // ... or the loadings moved (GainLattice, otherwise) by the lowest plain least-squares residual.
    int searchGainLattice(const double *spectrum, double *x);
    // Best resolution lattice index for `s` (sets the fit model to it).
    int searchResolution(const double *s, double *x);


    const LatentModel *m_model;
    const LatentModel *m_fit;  // the model fitted: m_model or one of its broadened copies
    LatentOptions m_options;
    GainAdjuster m_gain;
    GainLattice m_gainLattice;
    ResolutionAdjuster m_resolution;
    LineExcess m_lineExcess;
    std::vector<double> m_work, m_best, m_denoised, m_weights, m_isotopes, m_inverseModel;
    std::vector<double> m_projections;  // the gain lattice's projections of one pass
    mutable std::vector<double> m_devianceTerms;  // deviancePerDof's per-channel terms
};

} // namespace photopeak
