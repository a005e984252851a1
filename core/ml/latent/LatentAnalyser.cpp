// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/latent/LatentAnalyser.h"

#include "ml/latent/FitStatistics.h"

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace photopeak {

namespace {
constexpr int kMax = NnlsSolver::MaxComponents;
using SmallMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, 0, kMax, kMax>;
constexpr double kModelFloor = 0.5;  // counts: a model below half a count is treated as half a count
} // namespace

LatentAnalyser::LatentAnalyser(const LatentModel &model) : LatentAnalyser(model, model.options()) {}

LatentAnalyser::LatentAnalyser(const LatentModel &model, const LatentOptions &options)
    : m_model(&model), m_fit(&model), m_options(options)
{
    const size_t n = size_t(model.channelCount());
    m_work.resize(n);
    m_best.resize(n);
    m_denoised.resize(n);
    m_weights.assign(n, 1.0);
    m_inverseModel.resize(n);
    m_devianceTerms.resize(n);
    if (m_options.gainAdjust && m_options.resolutionAdjust)
        m_gain = GainAdjuster(model.grid(), m_options.gainRange, m_options.gainStep);
    else if (m_options.gainAdjust) {
        m_gainLattice = GainLattice(model, m_options.gainRange, m_options.gainStep);
        m_projections.resize(size_t(std::max(m_gainLattice.count(), 7)) * size_t(model.componentCount()));
    }
    if (m_options.resolutionAdjust)
        m_resolution = ResolutionAdjuster(model, m_options.resolutionMax, m_options.resolutionStep);
    if (model.unknownThresholds().lineSigma2PerKeV > 0.0) {
        m_lineExcess = LineExcess(model.grid(), model.minChannel(), model.unknownThresholds().lineSigma2PerKeV);
        m_isotopes.resize(n);
    }
}

double LatentAnalyser::deviancePerDof(const double *s, const double *d, int activeComponents) const
{
    const int n = m_model->channelCount(), c0 = m_model->minChannel();
    // The channels' terms first (independent logarithms), then their sum in channel order: the addition chain
    // does not wait on each logarithm call.
    double *term = m_devianceTerms.data();
    for (int i = c0; i < n; ++i) {
        const double mu = std::max(d[i], kModelFloor);
        const double y = std::max(s[i], 0.0);
        term[i] = (y > 0.0 ? y * std::log(y / mu) : 0.0) - (y - mu);
    }
    double dev = 0.0;
    for (int i = c0; i < n; ++i)
        dev += term[i];
    const int dof = std::max(1, n - c0 - activeComponents);
    return 2.0 * dev / dof;
}

int LatentAnalyser::fit(const double *s, double *x)
{
    const NnlsSolver &solver = m_fit->solver();
    int it = solver.solve(s, x);
    if (!m_options.poissonWeighted)
        return it;
    // Iteratively-reweighted steps: Poisson variance = the previous fit's model counts (one step by default).
    for (int step = 0; step < std::max(1, m_options.poissonSteps); ++step) {
        m_fit->denoise(x, m_denoised.data());
        for (int i = m_model->minChannel(); i < m_model->channelCount(); ++i)
            m_weights[size_t(i)] = 1.0 / std::max(m_denoised[size_t(i)], 1.0);
        // From the previous fit's active set: usually the final one, so one solve and one optimality check.
        const int it2 = solver.solveWeighted(s, m_weights.data(), x, x);
        it = it < 0 || it2 < 0 ? -1 : it + it2;
    }
    return it;
}

double LatentAnalyser::fitDeviance(const double *s, double *x)
{
    fit(s, x);
    m_fit->denoise(x, m_denoised.data());
    int active = 0;
    for (int k = 0; k < m_model->componentCount(); ++k)
        active += x[k] > 0.0;
    return deviancePerDof(s, m_denoised.data(), active);
}

void LatentAnalyser::standardErrors(const double *x, const double *d, double *se)
{
    const int K = m_model->componentCount(), n = m_model->channelCount(), c0 = m_model->minChannel();
    int idx[kMax], m = 0;
    for (int k = 0; k < K; ++k) {
        se[k] = 0.0;
        if (x[k] > 0.0)
            idx[m++] = k;
    }
    if (m == 0)
        return;
    double *inv = m_inverseModel.data();
    for (int i = c0; i < n; ++i)
        inv[i] = 1.0 / std::max(d[i], kModelFloor);
    double full[kMax * kMax];
    m_fit->solver().weightedGram(inv, full);
    SmallMatrix F(m, m);
    for (int a = 0; a < m; ++a)
        for (int b = 0; b < m; ++b)
            F(a, b) = full[idx[a] * K + idx[b]];
    Eigen::LLT<SmallMatrix> llt(F);
    if (llt.info() != Eigen::Success)
        return;
    const SmallMatrix C = llt.solve(SmallMatrix::Identity(m, m));
    for (int a = 0; a < m; ++a)
        se[idx[a]] = std::sqrt(std::max(C(a, a), 0.0));
}

LatentResult LatentAnalyser::analyse(const double *spectrum)
{
    const LatentModel &M = *m_model;
    const int K = M.componentCount();
    LatentResult r;
    r.scores.assign(size_t(K), 0.0);
    double *x = r.scores.data();
    const double *s = spectrum;
    m_fit = m_model;
    int gainIndex = m_gain.isEmpty() ? -1 : searchGain(spectrum, x);
    if (gainIndex >= 0) {
        m_gain.apply(gainIndex, spectrum, m_best.data());
        s = m_best.data();
    }
    if (!m_resolution.isEmpty()) {
        int w = searchResolution(s, x);
        if (gainIndex >= 0 && w > 0) {
            // The gain was found with the unbroadened loadings: search it again with the chosen width,
            // then the width again if the gain moved.
            const int again = searchGain(spectrum, x);
            if (again != gainIndex) {
                gainIndex = again;
                m_gain.apply(gainIndex, spectrum, m_best.data());
                w = searchResolution(s, x);
            }
        }
        r.broadening = m_resolution.sigma(w);
    }
    if (gainIndex >= 0)
        r.gain = m_gain.factor(gainIndex);
    if (!m_gainLattice.isEmpty()) {
        const int g = searchGainLattice(spectrum, x);
        m_fit = &m_gainLattice.model(g);
        r.gain = m_gainLattice.factor(g);
    }
    r.iterations = fit(s, x);
    m_fit->denoise(x, m_denoised.data());
    const double *d = m_denoised.data();

    double sum = 0.0;
    int active = 0;
    for (int k = 0; k < K; ++k) {
        sum += std::abs(x[k]);
        active += x[k] > 0.0;
    }
    r.shares.assign(size_t(K), 0.0);
    if (sum > 0.0)
        for (int k = 0; k < K; ++k)
            r.shares[size_t(k)] = x[k] / sum;
    r.present.assign(size_t(K), false);
    r.deviancePerDof = deviancePerDof(s, d, active);
    if (m_options.usesSignificance()) {
        r.standardErrors.assign(size_t(K), 0.0);
        standardErrors(x, d, r.standardErrors.data());
        if (m_options.overdispersion) {
            // Quasi-Poisson: the fit's deviance per dof estimates the dispersion phi; standard errors grow by
            // sqrt(phi) when the model fits worse than Poisson noise allows (phi < 1 is not used to shrink them).
            const double phi = r.deviancePerDof;
            if (phi > 1.0)
                for (int k = 0; k < K; ++k)
                    r.standardErrors[size_t(k)] *= std::sqrt(phi);
        }
        for (int k = 0; k < K; ++k)
            r.present[size_t(k)] = x[k] > 0.0 && x[k] > m_options.significance * r.standardErrors[size_t(k)]
                                   && (k == M.backgroundIndex() || r.shares[size_t(k)] > m_options.minShare);
        if (m_options.detection == DetectionRule::TwoStage) {
            // The alarm: the significant isotopes together above the share threshold; without it no isotope.
            double sources = 0.0;
            for (int k = 0; k < K; ++k)
                if (r.present[size_t(k)] && k != M.backgroundIndex())
                    sources += r.shares[size_t(k)];
            if (!(sources > m_options.shareThreshold))
                for (int k = 0; k < K; ++k)
                    if (k != M.backgroundIndex())
                        r.present[size_t(k)] = false;
        }
    } else {
        for (int k = 0; k < K; ++k)
            r.present[size_t(k)] = r.shares[size_t(k)] > m_options.shareThreshold;
    }
    // The old tool's order: by share, descending; background last.
    const int bg = M.backgroundIndex();
    std::vector<int> order;
    for (int k = 0; k < K; ++k)
        if (r.present[size_t(k)] && k != bg)
            order.push_back(k);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return r.shares[size_t(a)] > r.shares[size_t(b)]; });
    if (bg >= 0 && r.present[size_t(bg)])
        order.push_back(bg);
    for (int k : order)
        r.predicted << M.components()[k];
    r.singleLabel = r.predicted.isEmpty() ? QStringLiteral("(none)") : r.predicted.front();

    const FitStatistics statistics = FitStatistics::compute(s, d, M.channelCount(), M.minChannel());
    r.explainedVariance = statistics.explainedVariance;
    r.similarity = statistics.similarity;
    r.cosine = statistics.cosine;
    const UnknownThresholds u = M.unknownThresholds();
    if (m_lineExcess.isValid()) {
        const int bg = M.backgroundIndex();
        const double *lb = bg >= 0 ? m_fit->loading(bg) : nullptr;
        for (int i = 0; i < M.channelCount(); ++i)
            m_isotopes[size_t(i)] = d[i] - (lb ? x[bg] * lb[i] : 0.0);
        int channel = -1;
        r.lineExcess = m_lineExcess.largest(s, d, m_isotopes.data(), &channel);
        if (channel >= 0)
            r.lineExcessEnergy = M.grid().center(channel);
    }
    if (u.lineExcess > 0.0)
        r.unknown = r.lineExcess > u.lineExcess;
    else
        r.unknown = u.deviancePerDof > 0.0 && r.deviancePerDof > u.deviancePerDof;
    return r;
}

int LatentAnalyser::searchGain(const double *spectrum, double *x)
{
    // Coarse search over the lattice every 4 points, then the neighbours of the best coarse factor.
    auto devAt = [&](int index) {
        m_gain.apply(index, spectrum, m_work.data());
        return fitDeviance(m_work.data(), x);
    };
    int best = m_gain.unityIndex();
    double bestDev = devAt(best);
    for (int i = best % 4; i < m_gain.factorCount(); i += 4)
        if (i != m_gain.unityIndex()) {
            const double dv = devAt(i);
            if (dv < bestDev) {
                bestDev = dv;
                best = i;
            }
        }
    const int coarse = best;
    for (int i = std::max(0, coarse - 3); i <= std::min(m_gain.factorCount() - 1, coarse + 3); ++i)
        if (i != coarse) {
            const double dv = devAt(i);
            if (dv < bestDev) {
                bestDev = dv;
                best = i;
            }
        }
    return best;
}

int LatentAnalyser::searchGainLattice(const double *s, double *x)
{
    // Weighted least squares per lattice point (GainLattice's fixed weights); residual = s's - 2 x'b + x'Gx
    // from the normal equations.
    const int K = m_model->componentCount(), n = m_model->channelCount(), c0 = m_model->minChannel();
    double *ws = m_work.data();
    const double *sw = m_gainLattice.sqrtWeights().data();
    double ss = 0.0;
    for (int i = 0; i < n; ++i) {
        ws[i] = s[i] * sw[i];
        ss += i >= c0 ? ws[i] * ws[i] : 0.0;
    }
    unsigned active = 0;  // the previous lattice point's active set: usually this one's too
    auto residual = [&](int index, const double *b) {
        const NnlsSolver &solver = m_gainLattice.solver(index);
        solver.solveNormalPrecomputed(b, x, active);
        active = 0;
        for (int k = 0; k < K; ++k)
            active |= x[k] > 0.0 ? 1u << k : 0u;
        const double *G = solver.gram().data();
        double r = ss;
        for (int a = 0; a < K; ++a) {
            if (x[a] == 0.0)
                continue;
            double gx = 0.0;
            for (int c = 0; c < K; ++c)
                gx += G[a * K + c] * x[c];
            r += x[a] * (gx - 2.0 * b[a]);
        }
        return r;
    };
    // Coarse search over the lattice every 4 points (the unity point first), then the neighbours of the best
    // coarse factor; the projections of each pass in one sweep over the channels.
    const int unity = m_gainLattice.unityIndex(), count = m_gainLattice.count();
    const std::vector<int> &coarsePoints = m_gainLattice.coarseIndices();
    double *B = m_projections.data();
    m_gainLattice.projectCoarse(ws, B);
    const auto coarseAt = [&](int index) { return B + (index - coarsePoints.front()) / 4 * K; };
    int best = unity;
    double bestValue = residual(best, coarseAt(best));
    for (int i : coarsePoints)
        if (i != unity) {
            const double v = residual(i, coarseAt(i));
            if (v < bestValue) {
                bestValue = v;
                best = i;
            }
        }
    const int coarse = best, lo = std::max(0, coarse - 3), hi = std::min(count - 1, coarse + 3);
    m_gainLattice.projectRange(lo, hi, ws, B);
    for (int i = lo; i <= hi; ++i)
        if (i != coarse) {
            const double v = residual(i, B + (i - lo) * K);
            if (v < bestValue) {
                bestValue = v;
                best = i;
            }
        }
    return best;
}

int LatentAnalyser::searchResolution(const double *s, double *x)
{
    int best = 0;
    double bestDev = 0.0;
    for (int w = 0; w < m_resolution.count(); ++w) {
        m_fit = &m_resolution.model(w);
        const double dv = fitDeviance(s, x);
        if (w == 0 || dv < bestDev) {
            bestDev = dv;
            best = w;
        }
    }
    m_fit = &m_resolution.model(best);
    return best;
}

unsigned LatentAnalyser::decidePlain(const double *spectrum, double *x, int *single) const
{
    const LatentModel &M = *m_model;
    const int K = M.componentCount(), bg = M.backgroundIndex();
    M.score(spectrum, x);
    double sum = 0.0;
    for (int k = 0; k < K; ++k)
        sum += std::abs(x[k]);
    const double cut = m_options.shareThreshold * sum;
    unsigned mask = 0;
    int best = -1;
    for (int k = 0; k < K; ++k)
        if (sum > 0.0 && x[k] > cut) {
            mask |= 1u << k;
            if (k != bg && (best < 0 || x[k] > x[best]))
                best = k;
        }
    if (best < 0 && bg >= 0 && (mask >> bg & 1u))
        best = bg;
    *single = best;
    return mask;
}

} // namespace photopeak
