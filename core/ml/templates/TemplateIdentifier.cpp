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
    m_names << m_options.nuisance;
    const int nb = m_grid.binCount();
    m_firstBin = 0;
    while (m_firstBin < nb && m_grid.center(m_firstBin) < m_options.minEnergyKeV)
        ++m_firstBin;
    for (const QString &name : m_names) {
        const Nuclide *n = library.find(name);
        std::vector<double> t = n ? m_response.nuclideTemplate(*n, m_grid) : std::vector<double>(static_cast<size_t>(nb), 0.0);
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
    for (int b = m_firstBin; b < nb; ++b) {
        double model = 0.0;
        for (int i = 0; i < K; ++i)
            model += x[static_cast<size_t>(i)] * m_columns[static_cast<size_t>(i)][static_cast<size_t>(b)];
        const double v = var0[static_cast<size_t>(b)] + std::max(model, 0.0) / t + std::pow(m_options.shapeSystematic * model, 2);
        weight[static_cast<size_t>(b)] = 1.0 / v;
    }
    fitPass(net, weight, G, h);
    x = NonNegativeFit::solve(G, h, K, allowedAll, &x);
    const double full = NonNegativeFit::reduction(G, h, x);
    std::vector<Match> out;
    for (int j = 0; j < m_candidates; ++j) {
        if (!(x[static_cast<size_t>(j)] > 0.0))
            continue;
        std::vector<char> allowed = allowedAll;
        allowed[static_cast<size_t>(j)] = 0;
        std::vector<double> start = x;
        start[static_cast<size_t>(j)] = 0.0;
        const auto xr = NonNegativeFit::solve(G, h, K, allowed, &start);
        const double delta = full - NonNegativeFit::reduction(G, h, xr);
        Match m;
        m.nuclide = m_names[j];
        m.significance = std::sqrt(std::max(delta, 0.0));
        m.amplitude = x[static_cast<size_t>(j)];
        if (all || m.significance >= m_options.minSignificance)
            out.push_back(m);
    }
    std::sort(out.begin(), out.end(), [](const Match &a, const Match &b) { return a.significance > b.significance; });
    return out;
}

} // namespace photopeak
