// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "peaks/ClassicalIdentifier.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace photopeak {

namespace {
constexpr double kElectronMassKeV = 510.999;
// ln 2: each line that clearly should have been seen (three times its detection limit) halves the score.
constexpr double kMissingLinePenalty = 0.6931471805599453;
// Relative allowance of a matched peak holding MORE than the expected area (shared with other lines); such a
// line adds at most 1 to the chi2.
constexpr double kExcessTolerance = 1.0;

// A peak as the greedy explanation sees it: its remaining (unexplained) area, or consumed entirely.
bool matchable(const FittedPeak &p, double minSignificance)
{
    return p.area > 0.0 && p.areaUnc > 0.0 && p.significance() >= minSignificance;
}
} // namespace

struct ClassicalIdentifier::Detail {
    NuclideMatch match;
    double scale = 0.0;
    std::vector<std::pair<int, double>> claims;  // peak index, predicted area
    std::vector<double> strongLines;             // matched trusted line energies (for backscatter)
    std::vector<int> requiredPeaks;              // peaks matched by required lines, sorted
    bool valid = false;
};

ClassicalIdentifier::ClassicalIdentifier(const NuclideLibrary &library, ResolutionModel resolution, Options options)
    : m_lib(library), m_res(std::move(resolution)), m_options(std::move(options))
{
    // Background list plus the daughters the library lists for them (chains are one level deep).
    QSet<QString> heads;
    for (const QString &name : m_options.background)
        heads.insert(NuclideLibrary::canonicalName(name));
    std::function<void(const QString &)> add = [&](const QString &name) {
        if (m_background.contains(name))
            return;
        m_background.insert(name);
        if (!heads.contains(name))
            m_backgroundMembers.insert(name);
        if (const Nuclide *n = m_lib.find(name))
            for (const auto &d : n->daughters)
                add(d.first);
    };
    for (const QString &name : heads)
        add(name);
    // A daughter that lives less than an hour never exists without its parent (Ra223's Rn219, Pb211, Bi211).
    for (const auto &n : m_lib.nuclides())
        for (const auto &d : n.daughters)
            if (const Nuclide *dn = m_lib.find(d.first); dn && dn->halfLifeSeconds < 3600.0)
                m_shortLivedDaughters.insert(dn->name);
}

ClassicalIdentifier::ClassicalIdentifier(const NuclideLibrary &library, ResolutionModel resolution)
    : ClassicalIdentifier(library, std::move(resolution), Options())
{
}

double ClassicalIdentifier::efficiencyShape(double e) const
{
    if (m_eff.isValid())
        return m_eff.efficiency(std::max(e, m_eff.minEnergy()));
    return 1.0 / std::max(e, 120.0);
}

double ClassicalIdentifier::trustedFrom() const
{
    return m_eff.isValid() ? 0.95 * m_eff.minEnergy() : m_options.trustedFromKeV;
}

double ClassicalIdentifier::detectionLimit(double e, const std::vector<FittedPeak> &peaks, const Spectrum *spectrum) const
{
    const double f = m_res.fwhmKeV(e);
    double b = -1.0;
    if (spectrum) {
        const int n = spectrum->channelCount();
        if (n > 0 && spectrum->calibration.isValid(n)) {
            const double lo = spectrum->calibration.channelAt(std::max(e - 1.25 * f, spectrum->calibration.energyAt(0)), n);
            const double hi = spectrum->calibration.channelAt(std::min(e + 1.25 * f, spectrum->calibration.energyAt(n)), n);
            b = 0.0;
            for (int i = std::max(0, static_cast<int>(std::floor(lo))); i < std::min(n, static_cast<int>(std::ceil(hi))); ++i)
                b += spectrum->counts[static_cast<size_t>(i)];
            b = std::max(b, 0.0);
        }
    }
    if (b < 0.0) {
        // Continuum per keV of the fitted peaks, interpolated in log between the nearest ones.
        const FittedPeak *below = nullptr, *above = nullptr;
        for (const auto &p : peaks) {
            if (p.continuumCounts <= 0.0 || p.fwhmKeV <= 0.0)
                continue;
            if (p.energyKeV <= e && (!below || p.energyKeV > below->energyKeV))
                below = &p;
            if (p.energyKeV > e && (!above || p.energyKeV < above->energyKeV))
                above = &p;
        }
        auto perKeV = [](const FittedPeak *p) { return p->continuumCounts / (2.5 * p->fwhmKeV); };
        double d = -1.0;
        if (below && above) {
            const double t = (e - below->energyKeV) / (above->energyKeV - below->energyKeV);
            d = std::exp((1.0 - t) * std::log(perKeV(below)) + t * std::log(perKeV(above)));
        } else if (below || above) {
            d = perKeV(below ? below : above);
        }
        if (d < 0.0)
            return 0.0;  // nothing known: every expected line counts as visible
        b = d * 2.5 * f;
    }
    return 3.0 + 6.0 * std::sqrt(b);
}

ClassicalIdentifier::Detail ClassicalIdentifier::evaluateDetail(const Nuclide &nuclide, const std::vector<FittedPeak> &peaks,
                                                                const Spectrum *spectrum, double annihilationNeeded,
                                                                const std::vector<bool> *natural) const
{
    const bool rare = m_options.rareCategories.contains(nuclide.category);
    Detail d;
    d.match.nuclide = nuclide.name;
    d.match.background = isBackground(nuclide.name);
    double emin = m_options.minEnergyKeV, emax = m_options.maxEnergyKeV;
    if (spectrum && spectrum->channelCount() > 0 && spectrum->calibration.isValid(spectrum->channelCount())) {
        emin = std::max(emin, spectrum->calibration.energyAt(0));
        emax = std::min(emax, spectrum->calibration.energyAt(spectrum->channelCount()));
    }
    const double trusted = trustedFrom();
    // Background comes from everywhere around the detector (walls, floor, air), not from a point on its axis:
    // its line ratios follow the point-source efficiency only loosely.
    const double tolRel = d.match.background ? m_options.backgroundTolerance
                          : m_eff.isValid()  ? m_options.ratioTolerance
                                             : m_options.shapeTolerance;

    struct Group {
        double e = 0.0, w = 0.0;
        bool optional = false;
        bool annihilation = false;  // only 511 keV annihilation lines
        int peak = -1;       // matched peak
        bool masked = false; // the window holds a peak already explained by another nuclide
        double q = 0.0;      // closeness of the match
    };
    // X-rays are never required: capsules and windows absorb them and lead shielding fluoresces at the same
    // energies. An optional line joining a group of required ones makes it required. 511 keV annihilation is
    // required but weak evidence alone (every positron makes it: cosmic-ray pair production, any beta+ emitter).
    // A gamma line within the resolution of 511 keV is indistinguishable from annihilation radiation (Ru106
    // 511.9 keV, Tl208 510.8 keV): weak evidence alone as well. Escape peaks (single and double) of lines above
    // the pair threshold are optional lines of their own.
    struct Entry {
        double e, w;
        bool optional, annihilation;
    };
    std::vector<Entry> entries;
    // Natural chains keep their daughters' weaker lines (Pa234m 766.4 keV, Bi214 1838.4 keV): a background
    // spectrum accumulates them and they must not be left for a source to claim.
    const double minIntensity = d.match.background ? m_options.backgroundMinIntensity : m_options.minIntensity;
    for (const auto &l : nuclide.lines) {
        if (l.intensity < (l.emitter == nuclide.name ? m_options.minIntensity : minIntensity) || l.energyKeV < emin || l.energyKeV > emax)
            continue;
        const double w = l.intensity * efficiencyShape(l.energyKeV);
        const bool optional = l.kind == GammaLine::Kind::XRay || l.energyKeV < trusted;
        const bool annihilation = l.kind == GammaLine::Kind::Annihilation
                                  || std::abs(l.energyKeV - kElectronMassKeV) < m_options.matchFwhm * m_res.fwhmKeV(kElectronMassKeV);
        entries.push_back({l.energyKeV, w, optional, annihilation});
        if (!optional && m_options.escapeFraction > 0.0 && l.energyKeV > 2.0 * kElectronMassKeV + 100.0) {
            // Pair production grows from the threshold; escape share relative to the full-energy peak.
            const double f = m_options.escapeFraction * std::min(1.0, (l.energyKeV - 2.0 * kElectronMassKeV) / 1000.0);
            for (const double shift : {kElectronMassKeV, 2.0 * kElectronMassKeV})
                if (l.energyKeV - shift >= emin)
                    entries.push_back({l.energyKeV - shift, f * l.intensity * efficiencyShape(l.energyKeV - shift), true, false});
        }
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.e < b.e; });
    std::vector<Group> groups;
    for (const auto &[energy, w, optional, annihilation] : entries) {
        if (!groups.empty() && energy - groups.back().e < 0.5 * m_res.fwhmKeV(energy)) {
            Group &g = groups.back();
            g.e = (g.e * g.w + energy * w) / (g.w + w);
            g.w += w;
            g.optional = g.optional && optional;
            g.annihilation = g.annihilation && annihilation;
        } else {
            Group g;
            g.e = energy;
            g.w = w;
            g.optional = optional;
            g.annihilation = annihilation;
            groups.push_back(g);
        }
    }
    double wmax = 0.0;
    for (const auto &g : groups)
        wmax = std::max(wmax, g.w);
    std::erase_if(groups, [&](const Group &g) { return g.w < 0.005 * wmax; });
    if (groups.empty() || wmax <= 0.0)
        return d;

    // Nearest peak within the window; explained (consumed) peaks mask the line instead of matching it.
    for (auto &g : groups) {
        const double tol = m_options.matchFwhm * m_res.fwhmKeV(g.e) + m_options.calibrationSlack * g.e;
        double best = tol;
        for (size_t k = 0; k < peaks.size(); ++k) {
            const auto &p = peaks[k];
            const double dist = std::abs(p.energyKeV - g.e);
            if (dist > tol)
                continue;
            if ((p.area <= 0.0 && p.areaUnc < 0.0) || (rare && natural && (*natural)[k])) {  // consumed marker
                g.masked = true;
                continue;
            }
            if (!matchable(p, m_options.minLineSignificance) || dist > best)
                continue;
            // A peak far wider than the resolution is a broad structure (Compton edge, backscatter, unresolved
            // X-ray multiplet, detector artefact): no required line of its own.
            if (!g.optional && !g.annihilation && m_options.broadPeakFactor > 0.0 && p.fwhmKeV > m_options.broadPeakFactor * m_res.fwhmKeV(p.energyKeV))
                continue;
            best = dist;
            g.peak = static_cast<int>(k);
            g.q = std::exp(-0.5 * std::pow(dist / tol, 2));
        }
        if (g.peak >= 0)
            g.masked = false;
    }

    // Expected signal per matched peak (several lines may share one), trusted lines and all lines.
    std::vector<double> wTrusted(peaks.size(), 0.0), wAll(peaks.size(), 0.0);
    bool anyTrusted = false;
    for (const auto &g : groups)
        if (g.peak >= 0) {
            wAll[g.peak] += g.w;
            if (!g.optional) {
                wTrusted[g.peak] += g.w;
                anyTrusted = true;
            }
        }
    const std::vector<double> &wFit = anyTrusted ? wTrusted : wAll;
    // Scale of the expected signal: weighted least squares, robust to peaks that hold more than this nuclide
    // (another nuclide's line, a sum or backscatter peak): areas far above the expectation are capped, refit.
    auto sigma2 = [&](const FittedPeak &p, double expected, double tol) {
        return p.areaUnc * p.areaUnc + std::pow(tol * expected, 2);
    };
    double scale = 0.0;
    for (int pass = 0; pass < 4; ++pass) {
        double num = 0.0, den = 0.0;
        for (size_t k = 0; k < peaks.size(); ++k)
            if (wFit[k] > 0.0) {
                const auto &p = peaks[k];
                double a = p.area;
                const double s2 = pass == 0 ? sigma2(p, p.area, tolRel) : sigma2(p, scale * wFit[k], tolRel);
                if (pass > 0)
                    a = std::min(a, scale * wFit[k] + std::sqrt(s2));
                num += a * wFit[k] / s2;
                den += wFit[k] * wFit[k] / s2;
            }
        if (den <= 0.0)
            return d;
        scale = num / den;
    }
    d.scale = scale;

    // Ratio consistency of the matched peaks. A deficit is judged with the ratio tolerance; an excess only
    // with a wide one, since the peak may hold other lines.
    double chi2 = 0.0;
    int ndf = -1;
    for (size_t k = 0; k < peaks.size(); ++k)
        if (wFit[k] > 0.0) {
            const auto &p = peaks[k];
            const double expected = scale * wFit[k];
            chi2 += p.area > expected ? std::min(1.0, std::pow(p.area - expected, 2) / sigma2(p, expected, kExcessTolerance))
                                      : std::pow(p.area - expected, 2) / sigma2(p, expected, tolRel);
            ++ndf;
        }

    // Found and missing signal.
    double found = 0.0, missing = 0.0, qsum = 0.0;
    const Group *strongest = nullptr;
    for (const auto &g : groups)
        if (!g.optional && (!strongest || g.w > strongest->w))
            strongest = &g;
    if (!strongest)
        strongest = &*std::max_element(groups.begin(), groups.end(), [](const Group &a, const Group &b) { return a.w < b.w; });
    const bool hasTrusted = std::any_of(groups.begin(), groups.end(), [](const Group &g) { return !g.optional; });
    double missingLines = 0.0;  // sum of the missing lines' weights m (1 = clearly should have been seen)
    bool significant = false;
    for (const auto &g : groups) {
        if (g.peak >= 0) {
            const auto &p = peaks[g.peak];
            found += g.w;
            qsum += g.w * g.q;
            ++d.match.linesMatched;
            ++d.match.linesExpected;
            const double needed = g.annihilation ? annihilationNeeded : m_options.minPeakSignificance;
            significant = significant || ((!g.optional || !hasTrusted) && p.significance() >= needed);
            d.match.matched << QStringLiteral("%1 keV (peak %2)").arg(g.e, 0, 'f', 1).arg(p.energyKeV, 0, 'f', 1);
            if (!g.optional && g.e > 250.0)
                d.strongLines.push_back(p.energyKeV);
            if (!g.optional)
                d.requiredPeaks.push_back(g.peak);
            continue;
        }
        if (g.optional || g.masked)
            continue;
        const double expect = scale * g.w / (1.0 + tolRel);  // the low end of what the ratios allow
        const double limit = detectionLimit(g.e, peaks, spectrum);
        const double visible = limit > 0.0 ? expect / limit : 1e9;
        const double m = std::clamp((visible - 1.0) / 2.0, 0.0, 1.0);
        if (m <= 0.0)
            continue;
        missing += m * g.w;
        missingLines += m;
        ++d.match.linesExpected;
        d.match.missing << QStringLiteral("%1 keV (expect %2, limit %3)").arg(g.e, 0, 'f', 1).arg(expect, 0, 'f', 0).arg(limit, 0, 'f', 0);
    }
    if (found <= 0.0 || !significant)
        return d;
    if (rare) {
        int matchedRequired = 0;
        double matchedW = 0.0, unconfirmedW = 0.0;
        for (const auto &g : groups)
            if (!g.optional && !g.annihilation) {
                if (g.peak >= 0) {
                    ++matchedRequired;
                    matchedW = std::max(matchedW, g.w);
                } else if (!g.masked) {
                    unconfirmedW = std::max(unconfirmedW, g.w);
                }
            }
        if (matchedRequired < 2 && unconfirmedW >= m_options.secondLineShare * matchedW)
            return d;
    }
    d.match.strongestFound = strongest->peak >= 0;
    d.match.coverage = found / (found + missing);
    d.match.ratioChi2 = ndf > 0 ? chi2 / ndf : 0.0;
    const double consistency = ndf > 0 ? std::exp(-0.25 * std::max(0.0, d.match.ratioChi2 - 1.0)) : 1.0;
    const double closeness = qsum / found;
    d.match.score = d.match.coverage * consistency * closeness * std::exp(-kMissingLinePenalty * missingLines);

    // Evidence: significance of the peak area explained, and the areas claimed.
    double ev2 = 0.0;
    for (size_t k = 0; k < peaks.size(); ++k)
        if (wAll[k] > 0.0) {
            const auto &p = peaks[k];
            const double predicted = scale * wAll[k];
            const double z = std::min(p.area, predicted) / p.areaUnc;
            double q = 0.0, wq = 0.0;
            for (const auto &g : groups)
                if (g.peak == static_cast<int>(k)) {
                    q += g.w * g.q;
                    wq += g.w;
                }
            ev2 += std::pow(z * (wq > 0.0 ? q / wq : 1.0), 2);
            d.claims.emplace_back(static_cast<int>(k), predicted);
        }
    d.match.evidence = std::sqrt(ev2);
    d.valid = true;
    return d;
}

double ClassicalIdentifier::annihilationThreshold(const std::vector<FittedPeak> &peaks, const Spectrum *spectrum) const
{
    // K40 is the yardstick of natural radiation in the spectrum; 511 keV from cosmic-ray pair production
    // comes with it. A positron emitter must stand well above that.
    double k40 = 0.0;
    if (const Nuclide *n = m_lib.find(QStringLiteral("K40"))) {
        const Detail d = evaluateDetail(*n, peaks, spectrum, 0.0);
        if (d.valid)
            k40 = d.match.evidence;
    }
    return m_options.annihilationAloneFactor * std::max(m_options.minPeakSignificance, k40);
}

NuclideMatch ClassicalIdentifier::evaluate(const Nuclide &nuclide, const std::vector<FittedPeak> &peaks, const Spectrum *spectrum) const
{
    return evaluateDetail(nuclide, peaks, spectrum, annihilationThreshold(peaks, spectrum)).match;
}

std::vector<NuclideMatch> ClassicalIdentifier::identify(const std::vector<FittedPeak> &peaks, const Spectrum *spectrum) const
{
    const double annihilationNeeded = annihilationThreshold(peaks, spectrum);
    std::vector<FittedPeak> work = peaks;
    std::vector<const Nuclide *> remaining;
    for (const auto &n : m_lib.nuclides()) {
        if (!m_options.candidates.isEmpty()) {
            if (m_options.candidates.contains(n.name))
                remaining.push_back(&n);
        } else if (!m_backgroundMembers.contains(n.name) && !m_shortLivedDaughters.contains(n.name)) {
            remaining.push_back(&n);  // chain members are represented by their chain
        }
    }
    auto consume = [](FittedPeak &p) {
        p.area = 0.0;
        p.areaUnc = -1.0;  // marker: explained, masks lines of later nuclides
    };
    std::vector<NuclideMatch> picked;  // in the order they explained the peaks
    bool backgroundDone = false;
    std::vector<bool> natural(peaks.size(), false);
    while (!remaining.empty()) {
        std::vector<std::pair<double, size_t>> ranked;  // key, index into `details`
        std::vector<Detail> details;
        std::vector<size_t> detailOf;
        // Natural background first: its lines are credited to the chains before any source may claim them
        // (Ac228 835.7 keV is no Mn54, Bi214 1838.4 keV no Y88); sources compete on what is left.
        const bool anyBackgroundLeft = m_options.backgroundFirst && std::any_of(remaining.begin(), remaining.end(), [&](const Nuclide *n) {
            return isBackground(n->name) && !backgroundDone;
        });
        for (size_t i = 0; i < remaining.size(); ++i) {
            if (anyBackgroundLeft && !isBackground(remaining[i]->name))
                continue;
            Detail d = evaluateDetail(*remaining[i], work, spectrum, annihilationNeeded, &natural);
            if (!d.valid || d.match.score < m_options.minScore)
                continue;
            std::sort(d.requiredPeaks.begin(), d.requiredPeaks.end());
            ranked.emplace_back(d.match.score * d.match.evidence, details.size());
            details.push_back(std::move(d));
            detailOf.push_back(i);
        }
        std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        // The best key wins unless another valid candidate matches all of its required peaks and more (Xe133's
        // 81 keV inside Ba133's lines, a single-line nuclide on a multi-line source): the fuller explanation first.
        Detail best;
        size_t bestIndex = 0;
        for (const auto &[key, j] : ranked) {
            const Detail &a = details[j];
            const bool dominated = std::any_of(ranked.begin(), ranked.end(), [&](const auto &other) {
                const Detail &b = details[other.second];
                return other.second != j && !a.requiredPeaks.empty() && b.requiredPeaks.size() > a.requiredPeaks.size()
                       && std::includes(b.requiredPeaks.begin(), b.requiredPeaks.end(), a.requiredPeaks.begin(), a.requiredPeaks.end());
            });
            if (!dominated) {
                best = details[j];
                bestIndex = detailOf[j];
                break;
            }
        }
        if (!best.valid) {
            if (anyBackgroundLeft) {
                backgroundDone = true;  // no chain left that explains anything: on to the sources
                continue;
            }
            break;
        }
        remaining.erase(remaining.begin() + static_cast<std::ptrdiff_t>(bestIndex));
        if (best.match.background)
            for (const auto &claim : best.claims)
                natural[static_cast<size_t>(claim.first)] = true;
        // Remove what this nuclide explains: a peak whose remainder is small or under half of it is consumed.
        for (const auto &[k, predicted] : best.claims) {
            FittedPeak &p = work[static_cast<size_t>(k)];
            const double rest = p.area - predicted;
            if (rest < 2.0 * p.areaUnc || rest < 0.5 * p.area)
                consume(p);
            else
                p.area = rest;
        }
        // Compton backscatter peaks of its strong lines (E / (1 + 2E/mc^2), broad, weaker than the line).
        for (double e : best.strongLines) {
            const double eb = e / (1.0 + 2.0 * e / kElectronMassKeV);
            const double tol = m_res.fwhmKeV(eb) + 0.05 * eb;
            double parentArea = 0.0;
            for (const auto &p : peaks)
                if (std::abs(p.energyKeV - e) < 1e-9)
                    parentArea = std::max(parentArea, p.area);
            for (auto &p : work)
                if (p.areaUnc > 0.0 && std::abs(p.energyKeV - eb) <= tol && p.area < parentArea)
                    consume(p);
        }
        picked.push_back(std::move(best.match));
    }
    // A natural chain far stronger than natural background supports (the K40 line, or a bare detection when
    // K40 is not seen) is a source of its own: uranium or thorium ore, NORM, a reference material.
    double k40 = m_options.minPeakSignificance;
    for (const auto &m : picked)
        if (m.nuclide == QLatin1String("K40"))
            k40 = std::max(k40, m.evidence);
    for (auto &m : picked)
        if (m.background && m.nuclide != QLatin1String("K40") && m.evidence > m_options.elevatedFactor * k40) {
            m.background = false;
            m.note = QStringLiteral("natural chain %1 x stronger than K40: reported as a source").arg(m.evidence / k40, 0, 'f', 0);
        }
    std::stable_partition(picked.begin(), picked.end(), [](const NuclideMatch &m) { return !m.background; });
    return picked;
}

ResolutionModel ClassicalIdentifier::resolutionFor(const PeakAnalysis &a, const EfficiencyCurve &curve)
{
    if (curve.isValid()) {
        const ResolutionModel r = ResolutionModel::fromString(curve.resolution);
        if (r.isValid())
            return r;
    }
    if (!a.calibrated)
        return ResolutionModel::fromFraction(0.025);
    // Clear single peaks first; in a spectrum without any, every fitted peak of some significance.
    for (const double minZ : {8.0, 4.0}) {
        std::vector<ResolutionModel::Point> rp;
        for (const auto &r : a.regions)
            for (const auto &p : r.peaks)
                if ((r.peaks.size() == 1 || minZ < 8.0) && p.significance() >= minZ && p.fwhmKeV > 0.0)
                    rp.push_back({p.energyKeV, p.fwhmKeV, p.fwhmUncKeV});
        // The quadratic term only when the points span enough energy; else it extrapolates wildly.
        double lo = 1e300, hi = 0.0;
        for (const auto &p : rp) {
            lo = std::min(lo, p.energyKeV);
            hi = std::max(hi, p.energyKeV);
        }
        const ResolutionModel res = ResolutionModel::fit(rp, rp.size() >= 5 && hi >= 4.0 * lo ? 3 : 2);
        if (res.isValid())
            return res;
    }
    return ResolutionModel::fromFraction(0.025);
}

} // namespace photopeak
