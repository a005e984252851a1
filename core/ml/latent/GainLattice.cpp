// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/latent/GainLattice.h"

#include "numerics/SimdKernels.h"
#include "spectrum/RebinPlan.h"

#include <algorithm>
#include <cmath>

namespace photopeak {

GainLattice::GainLattice(const LatentModel &model, double range, double step) : m_base(&model)
{
    if (!model.isValid() || !(step > 0.0) || !(range >= 0.0))
        return;
    const int K = model.componentCount(), n = model.channelCount(), c0 = model.minChannel();
    const double fine = step / 4.0;
    const int half = static_cast<int>(std::floor(range / fine + 1e-9));
    m_unity = half;
    m_sqrtWeights.assign(size_t(n), 1.0);
    const int bg = model.backgroundIndex();
    if (bg >= 0)
        for (int c = c0; c < n; ++c)
            m_sqrtWeights[size_t(c)] = 1.0 / std::sqrt(std::max(model.loading(bg)[c], 0.1 / (n - c0)));
    std::vector<std::vector<double>> scaledAll;
    auto addSolver = [&](const LatentModel &m) {
        std::vector<double> scaled = m.loadings();
        for (int k = 0; k < K; ++k)
            for (int c = 0; c < n; ++c)
                scaled[size_t(k) * size_t(n) + size_t(c)] *= m_sqrtWeights[size_t(c)];
        m_solvers.emplace_back(scaled, K, n, c0);
        scaledAll.push_back(std::move(scaled));
    };
    for (int i = -half; i <= half; ++i) {
        const double g = 1.0 + i * fine;
        m_factors.push_back(g);
        if (i == 0) {
            m_models.emplace_back();
            addSolver(model);
            continue;
        }
        std::vector<double> edges = model.grid().edges();
        for (double &e : edges)
            e /= g;
        const RebinPlan plan(edges, model.grid());
        std::vector<double> loadings(size_t(K) * size_t(n));
        for (int k = 0; k < K; ++k) {
            double *row = loadings.data() + size_t(k) * size_t(n);
            plan.apply(model.loading(k), row);
            double area = 0.0;
            for (int c = c0; c < n; ++c)
                area += row[c];
            if (area > 0.0)
                for (int c = 0; c < n; ++c)
                    row[c] /= area;
        }
        auto m = LatentModel::fromLoadings(model.components(), model.grid(), c0, std::move(loadings));
        if (!m) {
            m_models.clear();
            m_solvers.clear();
            m_factors.clear();
            return;
        }
        addSolver(*m);
        m_models.push_back(std::move(*m));
    }
    for (int i = m_unity % 4; i < count(); i += 4)
        m_coarse.push_back(i);
    // Side-by-side copies for the one-pass projections.
    const int rows = n - c0;
    auto stack = [&](const std::vector<int> &points, std::vector<double> &store, int &stride) {
        stride = (int(points.size()) * K + 3) / 4 * 4;
        store.assign(size_t(rows) * size_t(stride) + 4, 0.0);
        for (size_t j = 0; j < points.size(); ++j)
            for (int k = 0; k < K; ++k)
                for (int c = 0; c < rows; ++c)
                    store[size_t(c) * size_t(stride) + j * size_t(K) + size_t(k)]
                        = scaledAll[size_t(points[j])][size_t(k) * size_t(n) + size_t(c0 + c)];
    };
    std::vector<int> all(static_cast<size_t>(count()));
    for (int i = 0; i < count(); ++i)
        all[size_t(i)] = i;
    stack(all, m_all, m_allStride);
    stack(m_coarse, m_coarseStore, m_coarseStride);
}

void GainLattice::projectRange(int first, int last, const double *ws, double *B) const
{
    const NnlsSolver &s = m_solvers.front();
    const int K = s.components(), c0 = s.firstChannel();
    simd::project(m_all.data() + size_t(first) * size_t(K), s.channels() - c0, m_allStride, (last - first + 1) * K,
                  ws + c0, B);
}

void GainLattice::projectCoarse(const double *ws, double *B) const
{
    const NnlsSolver &s = m_solvers.front();
    const int K = s.components(), c0 = s.firstChannel();
    simd::project(m_coarseStore.data(), s.channels() - c0, m_coarseStride, int(m_coarse.size()) * K, ws + c0, B);
}

} // namespace photopeak
