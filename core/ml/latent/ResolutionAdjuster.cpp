// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/latent/ResolutionAdjuster.h"

#include "ml/latent/GaussianBroadening.h"
#include "spectrum/RebinPlan.h"

#include <cmath>

namespace photopeak {

namespace {
void renormalise(double *row, int n, int c0)
{
    double area = 0.0;
    for (int i = c0; i < n; ++i)
        area += row[i];
    if (area > 0.0)
        for (int i = 0; i < n; ++i)
            row[i] /= area;
}
} // namespace

std::vector<double> ResolutionAdjuster::shiftedLoadings(const LatentModel &model, double keV)
{
    const int K = model.componentCount(), n = model.channelCount(), c0 = model.minChannel();
    std::vector<double> out = model.loadings();
    if (keV == 0.0)
        return out;
    std::vector<double> edges = model.grid().edges();
    for (double &e : edges)
        e -= keV;
    const RebinPlan plan(edges, model.grid());
    const int bg = model.backgroundIndex();
    for (int k = 0; k < K; ++k)
        if (k != bg) {
            double *row = out.data() + size_t(k) * size_t(n);
            plan.apply(model.loading(k), row);
            renormalise(row, n, c0);
        }
    return out;
}

std::vector<double> ResolutionAdjuster::broadenedLoadings(const LatentModel &model, double sigma)
{
    const int K = model.componentCount(), n = model.channelCount(), c0 = model.minChannel();
    std::vector<double> out = model.loadings();
    if (!(sigma > 0.0))
        return out;
    const GaussianBroadening g = GaussianBroadening::atReference(model.grid(), sigma);
    const int bg = model.backgroundIndex();
    for (int k = 0; k < K; ++k) {
        if (k == bg)
            continue;
        double *row = out.data() + size_t(k) * size_t(n);
        g.apply(model.loading(k), row);
        renormalise(row, n, c0);
    }
    return out;
}

ResolutionAdjuster::ResolutionAdjuster(const LatentModel &model, double maxSigma, double step)
    : m_base(&model)
{
    m_models.emplace_back();
    m_sigmas.push_back(0.0);
    if (!(step > 0.0) || !(maxSigma > 0.0) || !model.isValid())
        return;
    const int steps = static_cast<int>(std::floor(maxSigma / step + 1e-9));
    for (int i = 1; i <= steps; ++i) {
        auto m = LatentModel::fromLoadings(model.components(), model.grid(), model.minChannel(),
                                           broadenedLoadings(model, i * step));
        if (!m)
            break;
        m_models.push_back(std::move(*m));
        m_sigmas.push_back(i * step);
    }
}

} // namespace photopeak
