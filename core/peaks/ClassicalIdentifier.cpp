#include "peaks/ClassicalIdentifier.h"

#include <algorithm>
#include <cmath>

namespace photopeak {

ClassicalIdentifier::ClassicalIdentifier(const NuclideLibrary &library, ResolutionModel resolution, Options options)
    : m_lib(library), m_res(std::move(resolution)), m_options(std::move(options))
{
}

ClassicalIdentifier::ClassicalIdentifier(const NuclideLibrary &library, ResolutionModel resolution)
    : ClassicalIdentifier(library, std::move(resolution), Options())
{
}

NuclideMatch ClassicalIdentifier::evaluate(const Nuclide &nuclide, const std::vector<FittedPeak> &peaks) const
{
    NuclideMatch m;
    m.nuclide = nuclide.name;
    struct Expected { double e = 0.0, w = 0.0; int peak = -1; };
    std::vector<Expected> ex;
    for (const auto &l : nuclide.lines) {
        if (l.intensity < m_options.minIntensity * 0.25 || l.energyKeV < m_options.minEnergyKeV || l.energyKeV > m_options.maxEnergyKeV)
            continue;
        const double eff = m_eff.isValid() ? m_eff.efficiency(l.energyKeV) : 1.0 / l.energyKeV;
        const double w = l.intensity * eff;
        if (!ex.empty() && l.energyKeV - ex.back().e < 0.5 * m_res.fwhmKeV(l.energyKeV)) {
            ex.back().e = (ex.back().e * ex.back().w + l.energyKeV * w) / (ex.back().w + w);
            ex.back().w += w;
        } else {
            ex.push_back({l.energyKeV, w, -1});
        }
    }
    double wmax = 0.0;
    for (const auto &x : ex)
        wmax = std::max(wmax, x.w);
    std::erase_if(ex, [&](const Expected &x) { return x.w < 0.02 * wmax; });
    if (ex.empty() || wmax <= 0.0)
        return m;
    // Match each expected line to the nearest significant peak within the window.
    for (auto &x : ex) {
        const double tol = m_options.matchFwhm * m_res.fwhmKeV(x.e);
        double best = tol;
        for (size_t k = 0; k < peaks.size(); ++k) {
            if (peaks[k].significance() < m_options.minPeakSignificance || peaks[k].area <= 0.0)
                continue;
            const double d = std::abs(peaks[k].energyKeV - x.e);
            if (d <= best) {
                best = d;
                x.peak = static_cast<int>(k);
            }
        }
    }
    // Least-squares scale of expected signal to matched areas, and the areas' typical uncertainty.
    double num = 0.0, den = 0.0;
    std::vector<double> sig;
    for (const auto &x : ex)
        if (x.peak >= 0) {
            const auto &p = peaks[x.peak];
            const double s2 = p.areaUnc * p.areaUnc + std::pow(m_options.ratioTolerance * p.area, 2);
            num += p.area * x.w / s2;
            den += x.w * x.w / s2;
            sig.push_back(p.areaUnc);
        }
    if (den <= 0.0)
        return m;
    const double k = num / den;
    std::sort(sig.begin(), sig.end());
    const double typical = sig[sig.size() / 2];
    double found = 0.0, missing = 0.0, chi2 = 0.0;
    int ndf = -1;
    const Expected *strongest = &*std::max_element(ex.begin(), ex.end(), [](const auto &a, const auto &b) { return a.w < b.w; });
    for (const auto &x : ex) {
        if (x.peak >= 0) {
            const auto &p = peaks[x.peak];
            found += x.w;
            ++m.linesMatched;
            ++m.linesExpected;
            const double s2 = p.areaUnc * p.areaUnc + std::pow(m_options.ratioTolerance * k * x.w, 2);
            chi2 += std::pow(p.area - k * x.w, 2) / s2;
            ++ndf;
            m.matched << QStringLiteral("%1 keV (peak %2)").arg(x.e, 0, 'f', 1).arg(p.energyKeV, 0, 'f', 1);
        } else if (k * x.w > 5.0 * typical) {
            missing += x.w;  // should have been a clear peak
            ++m.linesExpected;
        }
    }
    m.strongestFound = strongest->peak >= 0;
    m.coverage = found / (found + missing);
    m.ratioChi2 = ndf > 0 ? chi2 / ndf : 0.0;
    const double consistency = ndf > 0 ? std::exp(-0.5 * std::max(0.0, m.ratioChi2 - 1.0)) : 1.0;
    m.score = m.coverage * consistency * (m.strongestFound ? 1.0 : 0.5);
    return m;
}

std::vector<NuclideMatch> ClassicalIdentifier::identify(const std::vector<FittedPeak> &peaks) const
{
    std::vector<NuclideMatch> out;
    for (const auto &n : m_lib.nuclides()) {
        if (!m_options.candidates.isEmpty() && !m_options.candidates.contains(n.name))
            continue;
        NuclideMatch m = evaluate(n, peaks);
        if (m.linesMatched > 0 && m.score >= m_options.minScore)
            out.push_back(std::move(m));
    }
    std::sort(out.begin(), out.end(), [](const NuclideMatch &a, const NuclideMatch &b) {
        if (std::abs(a.score - b.score) > 1e-9)
            return a.score > b.score;
        return a.linesMatched > b.linesMatched;
    });
    return out;
}

} // namespace photopeak
