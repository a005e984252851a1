// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "ml/latent/LatentModel.h"
#include "numerics/NnlsSolver.h"

#include <vector>

namespace photopeak {

// Per-spectrum gain (energy-scale) adjustment on the loadings side: a lattice of copies of a latent model whose
// loadings (all components: the gain is the detector's) are moved to the grid's edges divided by g and rebinned
// count-conserving, then renormalised over channels >= min channel. Factor g means the spectrum's true energies
// are g times what its calibration says (GainAdjuster's convention, which moves the spectrum instead). Factors
// 1 + i * step / 4, |i * step / 4| <= range. Each copy has its own NNLS solver (Gram matrix and subset inverses),
// so a factor costs one projection A_g^T s and a K x K solve, and the plain least-squares residual follows from
// the normal equations without touching the channels again.
class GainLattice {
public:
    GainLattice() = default;
    GainLattice(const LatentModel &model, double range, double step);

    bool isEmpty() const { return m_models.empty(); }
    int count() const { return static_cast<int>(m_factors.size()); }
    int unityIndex() const { return m_unity; }
    double factor(int index) const { return m_factors[size_t(index)]; }
    // The model for lattice point `index` (the unity point: the original model).
    const LatentModel &model(int index) const { return index == m_unity ? *m_base : m_models[size_t(index)]; }
    // The search's criterion: weighted least squares with one weight vector for every spectrum and factor,
    // w_i = 1 / max(background loading_i, 0.1 / fitted channels) (Poisson weights of a background-dominated
    // spectrum, precomputable). solver(index) fits sqrt(w) s with the sqrt(w)-scaled loadings of `index`.
    const NnlsSolver &solver(int index) const { return m_solvers[size_t(index)]; }
    const std::vector<double> &sqrtWeights() const { return m_sqrtWeights; }
    // The projections A_g^T ws of the lattice points first..last (K values each, in order) into B, in one pass
    // over the channels (the points' scaled loadings are stored side by side); the same values as
    // solver(g).project(ws) one by one. ws: channels values (the fitted ones are used).
    void projectRange(int first, int last, const double *ws, double *B) const;
    // The same for the coarse points coarseIndices() (every fourth, through the unity point).
    void projectCoarse(const double *ws, double *B) const;
    const std::vector<int> &coarseIndices() const { return m_coarse; }

private:
    const LatentModel *m_base = nullptr;
    std::vector<LatentModel> m_models;  // [unity] unused
    std::vector<NnlsSolver> m_solvers;
    std::vector<double> m_sqrtWeights;
    std::vector<double> m_factors;
    std::vector<int> m_coarse;
    // Fitted channels x (count K) scaled loadings, lattice order, and the coarse points' alone, row-major with
    // m_allStride / m_coarseStride values per channel and slack at the end (the kernel reads whole vectors).
    std::vector<double> m_all, m_coarseStore;
    int m_allStride = 0, m_coarseStride = 0;
    int m_unity = 0;
};

} // namespace photopeak
