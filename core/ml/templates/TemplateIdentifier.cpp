// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/templates/TemplateIdentifier.h"

#include "features/NonNegativeFit.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <functional>

namespace photopeak {

TemplateIdentifier::TemplateIdentifier(const NuclideLibrary &library, DetectorResponse response, EnergyGrid grid, Options options)
    : m_response(std::move(response)), m_grid(std::move(grid)), m_options(std::move(options))
{
    // Candidates: the given list, or every nuclide except members of the natural chains and short-lived
    // daughters (they come with their parents).
    QSet<QString> members;
    std::function<void(const QString &)> addMembers = [&](const QString &name) {
        if (const Nuclide *n = library.find(name))
            for (const auto &d : n->daughters)
                if (!members.contains(d.first)) {
                    members.insert(d.first);
                    addMembers(d.first);
                }
    };
    for (const auto &n : library.nuclides()) {
        if (n.category == QLatin1String("natural"))
            addMembers(n.name);
        for (const auto &d : n.daughters)
            if (const Nuclide *dn = library.find(d.first); dn && dn->halfLifeSeconds < 3600.0)
                members.insert(dn->name);
    }
    QStringList cands;
    for (const auto &n : library.nuclides()) {
        if (!m_options.candidates.isEmpty() ? m_options.candidates.contains(n.name)
                                            : ((n.category != QLatin1String("natural") || m_options.naturalCandidates.contains(n.name))
                                               && !members.contains(n.name)))
            cands << n.name;
    }
    for (const QString &c : cands)
        if (!m_options.nuisance.contains(c))
            m_names << c;
    m_candidates = static_cast<int>(m_names.size());
    for (const QString &name : m_names) {
        const Nuclide *n = library.find(name);
        const double prior = n ? m_options.categoryPrior.value(n->category, 1.0) : 1.0;
        m_logPrior.push_back(2.0 * std::log(std::max(prior, 1e-6)));
    }
    m_names << m_options.nuisance;
    m_templateColumns = static_cast<int>(m_names.size());
    const int nb = m_grid.binCount();
    m_firstBin = 0;
    while (m_firstBin < nb && m_grid.center(m_firstBin) < m_options.minEnergyKeV)
        ++m_firstBin;
    for (const QString &name : m_names) {
        const Nuclide *n = library.find(name);
        std::vector<double> t = n ? m_response.nuclideTemplate(*n, m_grid) : std::vector<double>(static_cast<size_t>(nb), 0.0);
        if (!m_response.efficiencyCovariance.empty()) {
            // The efficiency's uncertainty changes the template's line ratios, not its scale: relative to the
            // strongest line (intensity x efficiency) inside the fitted range.
            double reference = 500.0, strongest = 0.0;
            const double top = m_grid.edges().empty() ? 0.0 : m_grid.edges().back();
            if (n)
                for (const GammaLine &l : n->lines)
                    if (l.energyKeV >= m_options.minEnergyKeV && l.energyKeV <= top
                        && l.intensity * m_response.efficiencyShape(l.energyKeV) > strongest) {
                        strongest = l.intensity * m_response.efficiencyShape(l.energyKeV);
                        reference = l.energyKeV;
                    }
            std::vector<double> u(static_cast<size_t>(nb));
            for (int b = 0; b < nb; ++b)
                u[static_cast<size_t>(b)] = std::hypot(m_options.shapeSystematic,
                                                       m_response.efficiencyLogUncertainty(m_grid.center(b), reference));
            m_relativeUncertainty.push_back(std::move(u));
        }
        double s = 0.0;
        for (int b = m_firstBin; b < nb; ++b)
            s += t[static_cast<size_t>(b)];
        if (s > 0.0)
            for (double &v : t)
                v /= s;
        m_columns.push_back(std::move(t));
    }
    // Flexible non-negative baseline: triangular hats between the knots (broad next to any peak), so that the
    // fit is decided by the full-energy peaks and the response's continuum need only be roughly right.
    // Knots closer than 2.5 FWHM to the previous one are dropped: a hat must stay broad next to a peak.
    std::vector<double> knots;
    for (double k : m_options.baselineKnotsKeV)
        if (knots.empty() || k - knots.back() >= 2.5 * m_response.resolution.fwhmKeV(k))
            knots.push_back(k);
    for (size_t k = 0; k < knots.size(); ++k) {
        std::vector<double> t(static_cast<size_t>(nb), 0.0);
        double s = 0.0;
        const double lo = k > 0 ? knots[k - 1] : knots[k], hi = k + 1 < knots.size() ? knots[k + 1] : knots[k];
        for (int b = m_firstBin; b < nb; ++b) {
            const double x = m_grid.center(b);
            double v = 0.0;
            if (x <= knots[k] && knots[k] > lo)
                v = std::max(0.0, (x - lo) / (knots[k] - lo));
            else if (x > knots[k] && hi > knots[k])
                v = std::max(0.0, (hi - x) / (hi - knots[k]));
            else if (x <= knots[k] && k == 0)
                v = 1.0;
            s += t[static_cast<size_t>(b)] = v;
        }
        if (s <= 0.0)
            continue;
        for (double &v : t)
            v /= s;
        m_columns.push_back(std::move(t));
        m_names << QStringLiteral("baseline/%1keV").arg(knots[k]);
    }
    for (const double scale : {30.0, 100.0, 300.0}) {
        std::vector<double> t(static_cast<size_t>(nb), 0.0);
        double s = 0.0;
        for (int b = m_firstBin; b < nb; ++b)
            s += t[static_cast<size_t>(b)] = std::exp(-m_grid.center(b) / scale);
        for (double &v : t)
            v /= s;
        m_columns.push_back(std::move(t));
        m_names << QStringLiteral("continuum/%1keV").arg(scale);
    }
}

TemplateIdentifier::TemplateIdentifier(const NuclideLibrary &library, DetectorResponse response, EnergyGrid grid)
    : TemplateIdentifier(library, std::move(response), std::move(grid), Options())
{
}

void TemplateIdentifier::setBackground(std::vector<double> rate, double liveTime)
{
    m_bkgRate = std::move(rate);
    m_bkgLiveTime = liveTime;
}

void TemplateIdentifier::fitPass(const std::vector<double> &net, const std::vector<double> &weight, std::vector<double> &G,
                                 std::vector<double> &h) const
{
    const int K = static_cast<int>(m_columns.size());
    const int nb = m_grid.binCount();
    G.assign(static_cast<size_t>(K * K), 0.0);
    h.assign(static_cast<size_t>(K), 0.0);
    std::vector<int> nz;
    std::vector<double> wc(static_cast<size_t>(K));
    for (int b = m_firstBin; b < nb; ++b) {
        const double w = weight[static_cast<size_t>(b)];
        if (w <= 0.0)
            continue;
        nz.clear();
        for (int i = 0; i < K; ++i) {
            const double c = m_columns[static_cast<size_t>(i)][static_cast<size_t>(b)];
            if (c != 0.0) {
                nz.push_back(i);
                wc[static_cast<size_t>(i)] = w * c;
            }
        }
        for (int i : nz) {
            h[static_cast<size_t>(i)] += wc[static_cast<size_t>(i)] * net[static_cast<size_t>(b)];
            for (int j : nz)
                G[static_cast<size_t>(i * K + j)] += wc[static_cast<size_t>(i)] * m_columns[static_cast<size_t>(j)][static_cast<size_t>(b)];
        }
    }
}

std::vector<TemplateIdentifier::Match> TemplateIdentifier::identify(const PreparedSpectrum &s, bool all) const
{
    const int nb = m_grid.binCount();
    const int K = static_cast<int>(m_columns.size());
    if (static_cast<int>(s.counts.size()) != nb || !(s.liveTime > 0.0))
        return {};
    const double t = s.liveTime;
    const bool haveBkg = static_cast<int>(m_bkgRate.size()) == nb && m_bkgLiveTime > 0.0;
    std::vector<double> net(static_cast<size_t>(nb)), var0(static_cast<size_t>(nb)), weight(static_cast<size_t>(nb));
    for (int b = 0; b < nb; ++b) {
        const double r = s.counts[static_cast<size_t>(b)] / t;
        const double br = haveBkg ? m_bkgRate[static_cast<size_t>(b)] : 0.0;
        net[static_cast<size_t>(b)] = r - br;
        // Background-hypothesis variance (expected counts at least 1 per bin), plus the reference's own.
        var0[static_cast<size_t>(b)] = std::max(haveBkg ? br * t : s.counts[static_cast<size_t>(b)], 1.0) / (t * t)
                                       + (haveBkg ? br / m_bkgLiveTime : 0.0);
        weight[static_cast<size_t>(b)] = 1.0 / var0[static_cast<size_t>(b)];
    }
    std::vector<double> G, h;
    const std::vector<char> allowedAll(static_cast<size_t>(K), 1);
    fitPass(net, weight, G, h);
    std::vector<double> x = NonNegativeFit::solve(G, h, K, allowedAll);
    // Second pass: Poisson variance of the fitted signal and the template shape uncertainty.
    const bool perTemplate = !m_relativeUncertainty.empty();
    for (int b = m_firstBin; b < nb; ++b) {
        double model = 0.0, templates = 0.0, templateVar = 0.0;
        for (int i = 0; i < K; ++i) {
            const double v = x[static_cast<size_t>(i)] * m_columns[static_cast<size_t>(i)][static_cast<size_t>(b)];
            model += v;
            if (i < m_templateColumns) {
                templates += v;
                if (perTemplate && v != 0.0)
                    templateVar += std::pow(v * m_relativeUncertainty[static_cast<size_t>(i)][static_cast<size_t>(b)], 2);
            }
        }
        // The shape uncertainty belongs to the nuclide templates (line ratios, response); the flexible
        // baseline and continua have no fixed shape to be wrong about.
        double systematic = std::pow(m_options.shapeSystematic * model, 2);
        if (m_options.systematicOnTemplatesOnly)
            systematic = perTemplate ? templateVar : std::pow(m_options.shapeSystematic * templates, 2);
        const double v = var0[static_cast<size_t>(b)] + std::max(model, 0.0) / t + systematic;
        weight[static_cast<size_t>(b)] = 1.0 / v;
    }
    fitPass(net, weight, G, h);
    x = NonNegativeFit::solve(G, h, K, allowedAll, &x);
    // Forward selection on the second-pass normal equations: starting from the nuisance columns alone, the
    // candidate that reduces chi2 most is added while its reduction is at least minSignificance^2. The first
    // one is the nuclide that best explains the excess by itself; nuclides that share lines with it (Na22 and
    // F18 at 511 keV) no longer split its significance as in the all-candidates fit.
    std::vector<char> allowed(static_cast<size_t>(K), 1);
    for (int j = 0; j < m_candidates; ++j)
        allowed[static_cast<size_t>(j)] = 0;
    std::vector<double> current = NonNegativeFit::solve(G, h, K, allowed);
    double currentRed = NonNegativeFit::reduction(G, h, current);
    const double nuisanceRed = currentRed;
    std::vector<double> alone(static_cast<size_t>(m_candidates), 0.0);
    std::vector<int> selected;
    const double threshold = m_options.minSignificance * m_options.minSignificance;
    for (int step = 0; step < m_candidates; ++step) {
        int best = -1;
        double bestGain = 0.0;
        std::vector<double> bestX;
        for (int j = 0; j < m_candidates; ++j) {
            if (allowed[static_cast<size_t>(j)])
                continue;
            // Only a candidate whose column points along the residual can reduce chi2.
            double grad = h[static_cast<size_t>(j)];
            for (int k = 0; k < K; ++k)
                grad -= G[static_cast<size_t>(j * K + k)] * current[static_cast<size_t>(k)];
            if (grad <= 0.0)
                continue;
            allowed[static_cast<size_t>(j)] = 1;
            const auto xj = NonNegativeFit::solve(G, h, K, allowed, &current);
            allowed[static_cast<size_t>(j)] = 0;
            const double gain = NonNegativeFit::reduction(G, h, xj) - currentRed;
            if (step == 0)
                alone[static_cast<size_t>(j)] = std::max(gain, 0.0);
            if (gain > bestGain) {
                bestGain = gain;
                best = j;
                bestX = xj;
            }
        }
        if (best < 0 || bestGain < threshold)
            break;
        allowed[static_cast<size_t>(best)] = 1;
        selected.push_back(best);
        current = std::move(bestX);
        currentRed = NonNegativeFit::reduction(G, h, current);
    }
    (void)nuisanceRed;
    // Backward elimination: a selected nuclide whose removal costs less than the threshold is dropped (a
    // single-line nuclide taken first is explained later by a many-line one: Co57 at 122 keV by Eu152).
    auto withoutReduction = [&](int j) {
        allowed[static_cast<size_t>(j)] = 0;
        std::vector<double> start = current;
        start[static_cast<size_t>(j)] = 0.0;
        const auto xr = NonNegativeFit::solve(G, h, K, allowed, &start);
        allowed[static_cast<size_t>(j)] = 1;
        return std::pair{NonNegativeFit::reduction(G, h, xr), xr};
    };
    while (!selected.empty()) {
        int worst = -1;
        double worstCost = threshold;
        std::vector<double> worstX;
        for (int j : selected) {
            auto [red, xr] = withoutReduction(j);
            if (currentRed - red < worstCost) {
                worstCost = currentRed - red;
                worst = j;
                worstX = std::move(xr);
            }
        }
        if (worst < 0)
            break;
        selected.erase(std::find(selected.begin(), selected.end(), worst));
        allowed[static_cast<size_t>(worst)] = 0;
        current = std::move(worstX);
        currentRed = NonNegativeFit::reduction(G, h, current);
    }
    std::vector<Match> out;
    std::vector<char> isSelected(static_cast<size_t>(m_candidates), 0);
    for (int j : selected) {
        isSelected[static_cast<size_t>(j)] = 1;
        Match m;
        m.nuclide = m_names[j];
        m.significance = std::sqrt(std::max(currentRed - withoutReduction(j).first, 0.0));
        m.alone = std::sqrt(alone[static_cast<size_t>(j)]);
        m.amplitude = current[static_cast<size_t>(j)];
        m.score = m.significance * m.significance + m_logPrior[static_cast<size_t>(j)];
        out.push_back(m);
    }
    // Strongest unique evidence first: what the spectrum loses without the nuclide, the others kept.
    std::sort(out.begin(), out.end(), [](const Match &a, const Match &b) { return a.score > b.score; });
    if (all) {
        std::vector<Match> rest;
        for (int j = 0; j < m_candidates; ++j)
            if (!isSelected[static_cast<size_t>(j)] && alone[static_cast<size_t>(j)] > 0.0) {
                Match m;
                m.nuclide = m_names[j];
                m.alone = std::sqrt(alone[static_cast<size_t>(j)]);
                m.significance = 0.0;
                m.score = alone[static_cast<size_t>(j)] + m_logPrior[static_cast<size_t>(j)];
                rest.push_back(m);
            }
        std::sort(rest.begin(), rest.end(), [](const Match &a, const Match &b) { return a.score > b.score; });
        out.insert(out.end(), rest.begin(), rest.end());
    }
    return out;
}

} // namespace photopeak
