// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "ml/latent/LatentModel.h"

#include <vector>

namespace photopeak {

// Per-spectrum detector-resolution adjustment: a lattice of copies of a latent model whose isotope loadings
// are Gaussian-broadened (GaussianBroadening, sigma^2 = b E, parameterised by the extra sigma at 661.657 keV),
// the background loading (measured on the detector itself) left as it is. Every broadened loading is
// renormalised to area 1 over channels >= min channel, so scores stay in counts. Index 0 is the model
// itself (extra sigma 0). The analyser fits each copy and keeps the best deviance per dof.
class ResolutionAdjuster {
public:
    ResolutionAdjuster() = default;
    // Extra sigmas 0, step, 2 step, ... <= maxSigma (keV at 661.657 keV).
    ResolutionAdjuster(const LatentModel &model, double maxSigma, double step);

    bool isEmpty() const { return m_models.size() < 2; }
    int count() const { return static_cast<int>(m_models.size()); }
    double sigma(int index) const { return m_sigmas[size_t(index)]; }
    // The model for lattice point `index` (0: the original model).
    const LatentModel &model(int index) const { return index == 0 ? *m_base : m_models[size_t(index)]; }

    // The loadings of `model` with every component except background broadened by extra sigma `sigma`
    // (keV at 661.657 keV) and renormalised over channels >= min channel.
    static std::vector<double> broadenedLoadings(const LatentModel &model, double sigma);
    // The loadings of `model` with every component except background moved down in energy by `keV`
    // (count-conserving rebin) and renormalised over channels >= min channel.
    static std::vector<double> shiftedLoadings(const LatentModel &model, double keV);

private:
    const LatentModel *m_base = nullptr;
    std::vector<LatentModel> m_models;  // [0] unused placeholder
    std::vector<double> m_sigmas;
};

} // namespace photopeak
