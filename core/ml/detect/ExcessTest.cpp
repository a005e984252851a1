// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/detect/ExcessTest.h"

#include "util/JsonNumbers.h"
#include "peaks/ClassicalIdentifier.h"
#include "peaks/NuclideLibrary.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace photopeak {

QJsonObject ExcessTestOptions::toJson() const
{
    return QJsonObject{{QStringLiteral("segmentKeV"), segmentKeV},       {QStringLiteral("lowKeV"), lowKeV},
                       {QStringLiteral("maxGain"), maxGain},             {QStringLiteral("gainStep"), gainStep},
                       {QStringLiteral("maxOffsetKeV"), maxOffsetKeV},   {QStringLiteral("offsetStep"), offsetStep},
                       {QStringLiteral("systematic"), systematic},       {QStringLiteral("gateFalseAlarm"), gateFalseAlarm},
                       {QStringLiteral("peakStepFwhm"), peakStepFwhm},   {QStringLiteral("minLineIntensity"), minLineIntensity},
                       {QStringLiteral("refine"), refine},               {QStringLiteral("sourceChoice"), sourceChoice}};
}

ExcessTestOptions ExcessTestOptions::fromJson(const QJsonObject &o)
{
    ExcessTestOptions d;
    d.segmentKeV = o.value(QStringLiteral("segmentKeV")).toDouble(d.segmentKeV);
    d.lowKeV = o.value(QStringLiteral("lowKeV")).toDouble(d.lowKeV);
    d.maxGain = o.value(QStringLiteral("maxGain")).toDouble(d.maxGain);
    d.gainStep = o.value(QStringLiteral("gainStep")).toDouble(d.gainStep);
    d.maxOffsetKeV = o.value(QStringLiteral("maxOffsetKeV")).toDouble(d.maxOffsetKeV);
    d.offsetStep = o.value(QStringLiteral("offsetStep")).toDouble(d.offsetStep);
    d.systematic = o.value(QStringLiteral("systematic")).toDouble(d.systematic);
    d.gateFalseAlarm = o.value(QStringLiteral("gateFalseAlarm")).toDouble(d.gateFalseAlarm);
    d.peakStepFwhm = o.value(QStringLiteral("peakStepFwhm")).toDouble(d.peakStepFwhm);
    d.minLineIntensity = o.value(QStringLiteral("minLineIntensity")).toDouble(d.minLineIntensity);
    d.refine = o.value(QStringLiteral("refine")).toInt(d.refine);
    d.sourceChoice = o.value(QStringLiteral("sourceChoice")).toDouble(-1.0);  // models before it: the fitted drift
    return d;
}

void ExcessTest::buildSegments(const EnergyGrid &grid)
{
    m_grid = grid;
    m_segStart.clear();
    m_segEnd.clear();
    m_segLowKeV.clear();
    m_segHighKeV.clear();
    int current = -1;
    for (int b = 0; b < grid.binCount(); ++b) {
        const double c = grid.center(b);
        if (c < m_options.lowKeV)
            continue;
        const int seg = static_cast<int>(std::floor((c - m_options.lowKeV) / m_options.segmentKeV));
        if (seg != current) {
            if (!m_segStart.empty())
                m_segEnd.push_back(b);
            m_segStart.push_back(b);
            current = seg;
        }
    }
    if (!m_segStart.empty())
        m_segEnd.push_back(grid.binCount());
    for (size_t s = 0; s < m_segStart.size(); ++s) {
        m_segLowKeV.push_back(grid.lowEdge(m_segStart[s]));
        m_segHighKeV.push_back(grid.lowEdge(m_segEnd[s] - 1) + grid.width(m_segEnd[s] - 1));
    }
}

void ExcessTest::buildDriftTables()
{
    // Cumulative background rate at the grid edges, interpolated linearly inside a bin.
    const std::vector<double> &edges = m_grid.edges();
    std::vector<double> cum(edges.size(), 0.0);
    for (size_t b = 0; b < m_bkgRate.size(); ++b)
        cum[b + 1] = cum[b] + std::max(m_bkgRate[b], 0.0);
    // Beyond the top edge (gain below 1 looks there) the mean density of the last 5 % of the grid continues.
    const size_t tail = std::max<size_t>(1, m_bkgRate.size() / 20);
    const double tailDensity = (cum.back() - cum[cum.size() - 1 - tail]) / (edges.back() - edges[edges.size() - 1 - tail]);
    auto C = [&](double e) {
        if (e <= edges.front())
            return 0.0;
        if (e >= edges.back())
            return cum.back() + tailDensity * (e - edges.back());
        const size_t k = static_cast<size_t>(std::upper_bound(edges.begin(), edges.end(), e) - edges.begin()) - 1;
        return cum[k] + (cum[k + 1] - cum[k]) * (e - edges[k]) / (edges[k + 1] - edges[k]);
    };
    m_gains.clear();
    m_offsets.clear();
    for (double g = -m_options.maxGain; g <= m_options.maxGain + 1e-9; g += m_options.gainStep)
        for (double o = -m_options.maxOffsetKeV; o <= m_options.maxOffsetKeV + 1e-9; o += m_options.offsetStep) {
            m_gains.push_back(1.0 + g);
            m_offsets.push_back(o);
        }
    const size_t nSeg = m_segStart.size();
    const double floorRate = 1e-6 * std::max(cum.back(), 1e-12) / static_cast<double>(std::max<size_t>(nSeg, 1));
    m_shifted.assign(m_gains.size(), std::vector<double>(nSeg));
    m_logShifted.assign(m_gains.size(), std::vector<double>(nSeg));
    m_shiftedTotal.assign(m_gains.size(), 0.0);
    for (size_t d = 0; d < m_gains.size(); ++d) {
        // A line at true energy E appears at g E + o: the expected rate in [lo, hi) is the true rate in
        // [(lo - o) / g, (hi - o) / g).
        for (size_t s = 0; s < nSeg; ++s) {
            const double v = std::max(C((m_segHighKeV[s] - m_offsets[d]) / m_gains[d]) - C((m_segLowKeV[s] - m_offsets[d]) / m_gains[d]),
                                      floorRate);
            m_shifted[d][s] = v;
            m_logShifted[d][s] = std::log(v);
            m_shiftedTotal[d] += v;
        }
    }
}

std::vector<double> ExcessTest::segmentCounts(const PreparedSpectrum &s) const
{
    std::vector<double> n(m_segStart.size(), 0.0);
    for (size_t k = 0; k < n.size(); ++k) {
        double sum = 0.0;
        for (int b = m_segStart[k]; b < m_segEnd[k]; ++b)
            sum += s.counts[static_cast<size_t>(b)];
        n[k] = std::max(sum, 0.0);
    }
    return n;
}

void ExcessTest::addPeakTemplate(const QString &name, const std::vector<std::pair<double, double>> &lines,
                                 const ResolutionModel &resolution, double continuumRatio)
{
    const size_t nSeg = m_segStart.size();
    std::vector<double> dense(nSeg, 0.0);
    for (const auto &[energy, weight] : lines) {
        const double fwhm = resolution.fwhmKeV(energy);
        if (!(fwhm > 0.0))
            continue;
        // Compton continuum of the line: flat up to its edge, continuumRatio times the line's area.
        const double edge = energy * (1.0 - 1.0 / (1.0 + 2.0 * energy / 511.0));
        if (continuumRatio > 0.0 && edge > m_options.lowKeV + m_options.segmentKeV) {
            const double density = continuumRatio * weight / (edge - m_options.lowKeV);
            for (size_t s = 0; s < nSeg; ++s)
                dense[s] += density * std::max(0.0, std::min(m_segHighKeV[s], edge) - m_segLowKeV[s]);
        }
        const double sigma = fwhm / 2.3548;
        for (size_t s = 0; s < nSeg; ++s) {
            if (m_segHighKeV[s] < energy - 2.0 * fwhm || m_segLowKeV[s] > energy + 2.0 * fwhm)
                continue;
            dense[s] += weight * 0.5 * (std::erf((m_segHighKeV[s] - energy) / (sigma * M_SQRT2))
                                        - std::erf((m_segLowKeV[s] - energy) / (sigma * M_SQRT2)));
        }
    }
    size_t first = nSeg, last = 0;
    double total = 0.0;
    for (size_t s = 0; s < nSeg; ++s)
        if (dense[s] > 0.0) {
            first = std::min(first, s);
            last = s;
            total += dense[s];
        }
    if (first >= nSeg || !(total > 0.0))
        return;
    Template t;
    t.name = name;
    t.first = static_cast<int>(first);
    for (size_t s = first; s <= last; ++s)
        t.shape.push_back(dense[s] / total);
    m_templates.push_back(std::move(t));
}

Result<ExcessTest> ExcessTest::train(const EnergyGrid &grid, const FeatureFitInput &input, const ResolutionModel &resolution,
                                     const NuclideLibrary *library, const ExcessTestOptions &options)
{
    ExcessTest t;
    t.m_options = options;
    t.buildSegments(grid);
    if (t.m_segStart.size() < 8)
        return makeError(QStringLiteral("excess test"), QStringLiteral("the energy grid has too few bins above %1 keV").arg(options.lowKeV));
    // Mean background rate over all background live time.
    std::vector<double> sum(static_cast<size_t>(grid.binCount()), 0.0);
    double live = 0.0;
    for (const PreparedSpectrum *b : input.backgrounds) {
        for (size_t k = 0; k < sum.size(); ++k)
            sum[k] += b->counts[k];
        live += b->liveTime;
    }
    if (!(live > 0.0))
        return makeError(QStringLiteral("excess test"), QStringLiteral("no background live time"));
    t.m_bkgLive = live;
    t.m_bkgRate.resize(sum.size());
    for (size_t k = 0; k < sum.size(); ++k)
        t.m_bkgRate[k] = sum[k] / live;
    t.buildDriftTables();

    // Trained isotopes: net rate of all their single-source spectra, segments below 2 sigma set to 0.
    const size_t nSeg = t.m_segStart.size();
    const std::vector<double> bSeg = t.m_shifted[t.m_gains.size() / 2];  // no drift
    for (int l = 0; l < input.labels.size(); ++l) {
        PreparedSpectrum acc;
        acc.counts.assign(sum.size(), 0.0);
        for (size_t i = 0; i < input.sources.size(); ++i) {
            if (input.sourceLabels[i] != l)
                continue;
            for (size_t k = 0; k < sum.size(); ++k)
                acc.counts[k] += input.sources[i]->counts[k];
            acc.liveTime += input.sources[i]->liveTime;
        }
        if (!(acc.liveTime > 0.0))
            continue;
        const std::vector<double> n = t.segmentCounts(acc);
        Template tp;
        tp.name = input.labels[l];
        tp.shape.assign(nSeg, 0.0);
        double total = 0.0;
        for (size_t s = 0; s < nSeg; ++s) {
            const double net = n[s] / acc.liveTime - bSeg[s];
            const double sd = std::sqrt(n[s] / (acc.liveTime * acc.liveTime) + bSeg[s] / live);
            if (net > 2.0 * sd) {
                tp.shape[s] = net;
                total += net;
            }
        }
        if (!(total > 0.0))
            continue;
        for (double &v : tp.shape)
            v /= total;
        t.m_templates.push_back(std::move(tp));
    }
    // Continuum-to-line area ratio of this detector, from the measured Cs137 template when there is one.
    double continuumRatio = 1.5;
    for (const Template &tp : t.m_templates) {
        if (tp.name != QLatin1String("Cs137"))
            continue;
        const double f = resolution.fwhmKeV(661.657);
        double peak = 0.0, continuum = 0.0;
        for (size_t s = 0; s < tp.shape.size(); ++s) {
            const double c = 0.5 * (t.m_segLowKeV[s] + t.m_segHighKeV[s]);
            if (std::abs(c - 661.657) <= 1.5 * f)
                peak += tp.shape[s];
            else if (c < 477.0)
                continuum += tp.shape[s];
        }
        if (peak > 0.0 && continuum > 0.0)
            continuumRatio = std::clamp(continuum / peak, 0.3, 10.0);
    }
    // Library nuclides other than the natural chains (their lines are the background itself), lines alone and
    // with their Compton continua.
    if (library) {
        QSet<QString> natural;
        for (const QString &head : ClassicalIdentifier::Options().background) {
            natural.insert(head);
            if (const Nuclide *n = library->find(head))
                for (const auto &d : n->daughters)
                    natural.insert(d.first);
        }
        const double top = t.m_segHighKeV.back();
        for (const Nuclide &n : library->nuclides()) {
            if (natural.contains(n.name))
                continue;
            std::vector<std::pair<double, double>> lines;
            for (const GammaLine &g : n.linesIn(options.lowKeV, top, options.minLineIntensity))
                lines.emplace_back(g.energyKeV, g.intensity);
            if (!lines.empty()) {
                t.addPeakTemplate(QStringLiteral("lib:") + n.name, lines, resolution, 0.0);
                t.addPeakTemplate(QStringLiteral("lib:%1+continuum").arg(n.name), lines, resolution, continuumRatio);
            }
        }
    }
    // A generic peak at every position.
    for (double e = options.lowKeV + resolution.fwhmKeV(options.lowKeV); e < t.m_segHighKeV.back() - resolution.fwhmKeV(e);
         e += std::max(options.peakStepFwhm * resolution.fwhmKeV(e), options.segmentKeV))
        t.addPeakTemplate(QStringLiteral("peak %1 keV").arg(e, 0, 'f', 0), {{e, 1.0}}, resolution, 0.0);
    if (t.m_templates.empty())
        return makeError(QStringLiteral("excess test"), QStringLiteral("no source template could be built"));
    t.measureShapeSpread(input);
    t.calibrate(input);
    return t;
}

ExcessTest::Outcome ExcessTest::test(const PreparedSpectrum &spectrum) const
{
    Outcome out;
    if (!isValid() || !(spectrum.liveTime > 0.0) || static_cast<int>(spectrum.counts.size()) != m_grid.binCount())
        return out;
    const std::vector<double> n = segmentCounts(spectrum);
    const size_t nSeg = n.size();
    double N = 0.0;
    for (double v : n)
        N += v;
    if (!(N > 0.0))
        return out;
    const double t = spectrum.liveTime;
    // Drift: profile likelihood of the shape alone (the level has a closed form).
    // No drift unless it explains the shape clearly better (half a unit of log-likelihood).
    const size_t centre = m_gains.size() / 2;
    size_t best = centre;
    double bestL = -std::numeric_limits<double>::infinity();
    for (size_t d = 0; d < m_gains.size(); ++d) {
        const std::vector<double> &lg = m_logShifted[d];
        double L = 0.0;
        for (size_t s = 0; s < nSeg; ++s)
            L += n[s] * lg[s];
        L -= N * std::log(m_shiftedTotal[d]) + (d == centre ? 0.0 : 0.5);
        if (L > bestL) {
            bestL = L;
            best = d;
        }
    }
    // Source-aware choice of the drift: a weak line on a steep part of the background (Am241 on the threshold
    // edge, Eu152 at 122 keV) is partly explained by a shifted background, so the drift that explains the shape
    // best without a source is compared with no drift, each with the best template's quasi-score added (half of
    // it: log-likelihood units); no drift wins when it is better by options.sourceChoice x ln(templates).
    struct Fit {
        size_t drift = 0;
        double alpha0 = 0.0, logL = 0.0, bestScore = 0.0;
        std::vector<double> mu0, v;
        std::vector<std::pair<double, size_t>> screen;
    };
    auto fitAt = [&](size_t d) {
        Fit f;
        f.drift = d;
        const std::vector<double> &b = m_shifted[d];
        const double B = m_shiftedTotal[d];
        f.alpha0 = N / (t * B);
        f.logL = -N * std::log(B) - (d == centre ? 0.0 : 0.5);
        for (size_t s = 0; s < nSeg; ++s)
            f.logL += n[s] * m_logShifted[d][s];
        // The reference background is itself a measurement: its Poisson noise scaled to this live time.
        const double backgroundNoise = m_bkgLive > 0.0 ? t * f.alpha0 / m_bkgLive : 0.0;
        f.mu0.resize(nSeg);
        f.v.resize(nSeg);
        double Iaa = 0.0;
        for (size_t s = 0; s < nSeg; ++s) {
            f.mu0[s] = t * f.alpha0 * b[s];
            const double eps = s < m_spread.size() ? m_spread[s] : m_options.systematic;
            f.v[s] = f.mu0[s] * (1.0 + backgroundNoise + eps * eps * f.mu0[s]);
            Iaa += t * t * b[s] * b[s] / f.v[s];
        }
        // Quasi-score screen of every template (level profiled).
        f.screen.reserve(m_templates.size());
        for (size_t k = 0; k < m_templates.size(); ++k) {
            const Template &tp = m_templates[k];
            double U = 0.0, Iss = 0.0, Isa = 0.0;
            for (size_t i = 0; i < tp.shape.size(); ++i) {
                const size_t s = static_cast<size_t>(tp.first) + i;
                const double w = t * tp.shape[i] / f.v[s];
                U += w * (n[s] - f.mu0[s]);
                Iss += w * t * tp.shape[i];
                Isa += w * t * b[s];
            }
            const double I = Iss - Isa * Isa / Iaa;
            if (U > 0.0 && I > 0.0) {
                f.screen.emplace_back(U * U / I, k);
                f.bestScore = std::max(f.bestScore, U * U / I);
            }
        }
        return f;
    };
    Fit chosen = fitAt(best);
    if (best != centre && m_options.sourceChoice >= 0.0) {
        Fit still = fitAt(centre);
        const double choice = m_options.sourceChoice * std::log(static_cast<double>(m_templates.size()));
        if (still.logL + 0.5 * still.bestScore - choice >= chosen.logL + 0.5 * chosen.bestScore)
            chosen = std::move(still);
    }
    const std::vector<double> &b = m_shifted[chosen.drift];
    const double B = m_shiftedTotal[chosen.drift];
    const double alpha0 = chosen.alpha0;
    const std::vector<double> &mu0 = chosen.mu0, &v = chosen.v;
    std::vector<std::pair<double, size_t>> &screen = chosen.screen;
    out.gain = m_gains[chosen.drift];
    out.offsetKeV = m_offsets[chosen.drift];
    out.level = alpha0 * B / m_shiftedTotal[centre];
    const size_t keep = std::min(screen.size(), static_cast<size_t>(std::max(1, m_options.refine)));
    std::partial_sort(screen.begin(), screen.begin() + static_cast<std::ptrdiff_t>(keep), screen.end(),
                      [](const auto &x, const auto &y) { return x.first > y.first; });
    for (size_t r = 0; r < keep; ++r) {
        const Template &tp = m_templates[screen[r].second];
        const size_t f = static_cast<size_t>(tp.first), m = tp.shape.size();
        double Nin = 0.0, Bin = 0.0, Ip = 0.0, Iq = 0.0;
        for (size_t i = 0; i < m; ++i) {
            Nin += n[f + i];
            Bin += b[f + i];
            Ip += tp.shape[i] * tp.shape[i] / mu0[f + i];
            Iq += tp.shape[i] * tp.shape[i] / v[f + i];
        }
        const double Nout = N - Nin, Bout = std::max(B - Bin, 0.0);
        auto logL = [&](double a, double sgl) {
            double L = 0.0;
            for (size_t i = 0; i < m; ++i) {
                const double mu = t * (a * b[f + i] + sgl * tp.shape[i]);
                L += (n[f + i] > 0.0 ? n[f + i] * std::log(mu) : 0.0) - mu;
            }
            return L + (Nout > 0.0 ? Nout * std::log(a) : 0.0) - t * Bout * a;
        };
        double a = alpha0, sg = std::max(screen[r].first, 1.0) / t;  // start: a few sigma of signal
        const double L0 = logL(alpha0, 0.0);
        double L = logL(a, sg);
        if (!std::isfinite(L)) {
            sg = 0.0;
            L = L0;
        }
        for (int it = 0; it < 12; ++it) {
            double ga = (Nout > 0.0 ? Nout / a : 0.0) - t * Bout, gs = 0.0, haa = Nout / (a * a), has = 0.0, hss = 0.0;
            for (size_t i = 0; i < m; ++i) {
                const double bb = t * b[f + i], tt = t * tp.shape[i];
                const double mu = a * bb + sg * tt;
                const double r1 = n[f + i] / mu - 1.0, r2 = n[f + i] / (mu * mu);
                ga += bb * r1;
                gs += tt * r1;
                haa += bb * bb * r2;
                has += bb * tt * r2;
                hss += tt * tt * r2;
            }
            hss += 1e-12 * (1.0 + hss);
            const double det = haa * hss - has * has;
            if (!(det > 0.0))
                break;
            double da = (hss * ga - has * gs) / det, ds = (haa * gs - has * ga) / det;
            double step = 1.0;
            bool moved = false;
            for (int h = 0; h < 30; ++h, step *= 0.5) {
                const double na = a + step * da, ns = std::max(sg + step * ds, 0.0);
                if (!(na > 0.0))
                    continue;
                const double nl = logL(na, ns);
                if (std::isfinite(nl) && nl >= L - 1e-12) {
                    moved = std::abs(na - a) > 1e-12 * a || std::abs(ns - sg) > 1e-12 * (sg + 1e-12);
                    a = na;
                    sg = ns;
                    L = nl;
                    break;
                }
            }
            if (!moved)
                break;
        }
        const double lr = std::max(2.0 * (L - L0), 0.0) * (Ip > 0.0 ? Iq / Ip : 1.0);
        if (lr > out.statistic) {
            out.statistic = lr;
            out.best = tp.name;
        }
    }
    out.gateThreshold = gateThreshold(t);
    out.strongThreshold = strongThreshold(t);
    out.strong = out.statistic > out.strongThreshold;
    out.gate = out.statistic > out.gateThreshold;
    return out;
}

void ExcessTest::measureShapeSpread(const FeatureFitInput &input)
{
    // How much the background shape differs between acquisition series beyond their Poisson noise, per
    // segment: each series against the others' mean, both scaled to the same total; the excess of the squared
    // relative difference over its Poisson variance, averaged over the series and over +-2 segments (then
    // clipped at 0), never below options.systematic. Large where the detector's threshold edge moves between series.
    const size_t nSeg = m_segStart.size();
    std::map<int, std::pair<std::vector<double>, double>> byGroup;  // counts per segment, live time
    for (size_t i = 0; i < input.backgrounds.size(); ++i) {
        auto &[counts, live] = byGroup[i < input.backgroundGroups.size() ? input.backgroundGroups[i] : 0];
        const std::vector<double> n = segmentCounts(*input.backgrounds[i]);
        if (counts.empty())
            counts.assign(nSeg, 0.0);
        for (size_t s = 0; s < nSeg; ++s)
            counts[s] += n[s];
        live += input.backgrounds[i]->liveTime;
    }
    std::vector<double> all(nSeg, 0.0);
    for (const auto &[g, cl] : byGroup)
        for (size_t s = 0; s < nSeg; ++s)
            all[s] += cl.first[s];
    std::vector<double> excess(nSeg, 0.0);
    int series = 0;
    for (const auto &[g, cl] : byGroup) {
        double own = 0.0, rest = 0.0;
        for (size_t s = 0; s < nSeg; ++s) {
            own += cl.first[s];
            rest += all[s] - cl.first[s];
        }
        if (!(own > 0.0) || !(rest > 0.0))
            continue;
        ++series;
        for (size_t s = 0; s < nSeg; ++s) {
            const double a = cl.first[s], r = all[s] - cl.first[s];
            if (!(a > 0.0) || !(r > 0.0))
                continue;
            const double d = (a / own) / (r / rest) - 1.0;
            excess[s] += d * d - 1.0 / a - 1.0 / r;  // unbiased: clipped only after averaging
        }
    }
    m_spread.assign(nSeg, m_options.systematic);
    if (series < 2)
        return;
    for (size_t s = 0; s < nSeg; ++s) {
        double sum = 0.0;
        int k = 0;
        for (size_t j = s >= 2 ? s - 2 : 0; j <= std::min(nSeg - 1, s + 2); ++j, ++k)
            sum += excess[j] / series;
        m_spread[s] = std::max(m_options.systematic, std::sqrt(std::max(sum / k, 0.0)));
    }
}

void ExcessTest::calibrate(const FeatureFitInput &input)
{
    // Held-out statistics: every background series against the mean of the others, its spectra alone and
    // sums of 4 and 16 consecutive ones (longer live times, where the shape uncertainty matters).
    std::map<int, std::vector<const PreparedSpectrum *>> byGroup;
    for (size_t i = 0; i < input.backgrounds.size(); ++i)
        byGroup[i < input.backgroundGroups.size() ? input.backgroundGroups[i] : 0].push_back(input.backgrounds[i]);
    const std::vector<double> all = m_bkgRate;
    std::vector<double> stats;
    std::vector<std::pair<double, double>> byLive;  // live time, statistic
    for (const auto &[group, members] : byGroup) {
        std::vector<double> rest(all.size(), 0.0);
        double live = 0.0;
        for (const auto &[g2, m2] : byGroup) {
            if (g2 == group)
                continue;
            for (const PreparedSpectrum *p : m2) {
                for (size_t k = 0; k < rest.size(); ++k)
                    rest[k] += p->counts[k];
                live += p->liveTime;
            }
        }
        ExcessTest held = *this;
        if (live > 0.0) {
            for (double &r : rest)
                r /= live;
            held.m_bkgRate = rest;
            held.m_bkgLive = live;
            held.buildDriftTables();
        }
        for (int chunk : {1, 4, 16}) {
            for (size_t i = 0; i + static_cast<size_t>(chunk) <= members.size(); i += static_cast<size_t>(chunk)) {
                PreparedSpectrum acc;
                acc.counts.assign(all.size(), 0.0);
                for (int c = 0; c < chunk; ++c) {
                    for (size_t k = 0; k < acc.counts.size(); ++k)
                        acc.counts[k] += members[i + static_cast<size_t>(c)]->counts[k];
                    acc.liveTime += members[i + static_cast<size_t>(c)]->liveTime;
                }
                const Outcome oo = held.test(acc);
                stats.push_back(oo.statistic);
                byLive.emplace_back(acc.liveTime, oo.statistic);
            }
        }
    }
    std::sort(stats.begin(), stats.end());
    if (stats.empty()) {
        m_gate = 25.0;
        m_strong = 30.0;
        m_tableGate.clear();
        m_tableStrong.clear();
        return;
    }
    const size_t q = std::min(stats.size() - 1, static_cast<size_t>(std::ceil((1.0 - m_options.gateFalseAlarm) * static_cast<double>(stats.size()))));
    m_gate = stats[q];
    // Ten times rarer than the gate: the held-out 0.1 % quantile, and at least 2 ln 10 further out (the tail
    // of a likelihood ratio ~ exp(-x / 2)) when there are too few backgrounds to see that quantile.
    const size_t q3 = std::min(stats.size() - 1, static_cast<size_t>(std::ceil((1.0 - 0.1 * m_options.gateFalseAlarm) * static_cast<double>(stats.size()))));
    m_strong = std::max(m_gate + 2.0 * std::log(10.0), stats[q3]);
    // The same quantiles per live time: the held-out spectra within a factor 2 of it (at least 200 of them).
    m_tableGate.clear();
    m_tableStrong.clear();
    for (size_t k = 0; k < 28; ++k) {
        const double live = std::exp2(0.5 * static_cast<double>(k) - 1.0);
        std::vector<double> near;
        for (const auto &[l, st] : byLive)
            if (l >= 0.5 * live && l <= 2.0 * live)
                near.push_back(st);
        if (near.size() < 200) {
            m_tableGate.push_back(m_gate);
            m_tableStrong.push_back(m_strong);
            continue;
        }
        std::sort(near.begin(), near.end());
        const auto at = [&](double p) {
            return near[std::min(near.size() - 1, static_cast<size_t>(std::ceil(p * static_cast<double>(near.size()))))];
        };
        m_tableGate.push_back(at(1.0 - m_options.gateFalseAlarm));
        // A few hundred held-out spectra cannot show the 0.1 % point: at least 100 times rarer than the gate
        // by the likelihood-ratio tail exp(-x / 2), and never above the pooled strong threshold.
        m_tableStrong.push_back(std::min(m_strong, std::max(m_tableGate.back() + 2.0 * std::log(100.0), at(1.0 - 0.1 * m_options.gateFalseAlarm))));
        m_tableStrong.back() = std::max(m_tableStrong.back(), m_tableGate.back());
    }
}

size_t ExcessTest::tableIndex(double liveTime) const
{
    const double k = std::round(2.0 * (std::log2(std::max(liveTime, 1e-3)) + 1.0));
    return static_cast<size_t>(std::clamp(k, 0.0, static_cast<double>(m_tableGate.size() - 1)));
}

double ExcessTest::gateThreshold(double liveTime) const
{
    return m_tableGate.empty() ? m_gate : m_tableGate[tableIndex(liveTime)];
}

double ExcessTest::strongThreshold(double liveTime) const
{
    return m_tableStrong.empty() ? m_strong : m_tableStrong[tableIndex(liveTime)];
}

Status ExcessTest::setBackground(const std::vector<double> &ratePerBin, double liveTime, const QString &source)
{
    if (!(liveTime > 0.0))
        return makeError(source, QStringLiteral("session background has no live time"));
    if (static_cast<int>(ratePerBin.size()) != m_grid.binCount())
        return makeError(source, QStringLiteral("session background is not on the model's energy grid"));
    double total = 0.0;
    for (double r : ratePerBin)
        total += std::max(r, 0.0);
    if (!(total > 0.0))
        return makeError(source, QStringLiteral("session background has no counts"));
    m_bkgRate = ratePerBin;
    m_bkgLive = liveTime;
    buildDriftTables();
    return Ok{};
}

QJsonObject ExcessTest::toJson() const
{
    QJsonArray templates;
    for (const Template &t : m_templates)
        templates.append(QJsonObject{{QStringLiteral("name"), t.name},
                                     {QStringLiteral("first"), t.first},
                                     {QStringLiteral("shape"), JsonNumbers::encodeDoubles(t.shape)}});
    return QJsonObject{{QStringLiteral("options"), m_options.toJson()},
                       {QStringLiteral("backgroundRate"), JsonNumbers::encodeDoubles(m_bkgRate)},
                       {QStringLiteral("backgroundLiveTime"), m_bkgLive},
                       {QStringLiteral("templates"), templates},
                       {QStringLiteral("shapeSpread"), JsonNumbers::encodeDoubles(m_spread)},
                       {QStringLiteral("gate"), m_gate},
                       {QStringLiteral("gateByLiveTime"), JsonNumbers::encodeDoubles(m_tableGate)},
                       {QStringLiteral("strongByLiveTime"), JsonNumbers::encodeDoubles(m_tableStrong)},
                       {QStringLiteral("strong"), m_strong}};
}

Result<ExcessTest> ExcessTest::fromJson(const QJsonObject &o, const EnergyGrid &grid, const QString &source)
{
    ExcessTest t;
    t.m_options = ExcessTestOptions::fromJson(o.value(QStringLiteral("options")).toObject());
    if (!(t.m_options.segmentKeV > 0.0) || !(t.m_options.gainStep > 0.0) || !(t.m_options.offsetStep > 0.0))
        return makeError(source, QStringLiteral("excess test: damaged options"));
    t.buildSegments(grid);
    t.m_bkgRate = JsonNumbers::decodeDoubles(o.value(QStringLiteral("backgroundRate")).toString());
    if (static_cast<int>(t.m_bkgRate.size()) != grid.binCount() || t.m_segStart.empty())
        return makeError(source, QStringLiteral("excess test: background does not match the model's energy grid"));
    t.m_bkgLive = o.value(QStringLiteral("backgroundLiveTime")).toDouble(0.0);
    t.buildDriftTables();
    const int nSeg = static_cast<int>(t.m_segStart.size());
    for (const auto &v : o.value(QStringLiteral("templates")).toArray()) {
        const QJsonObject to = v.toObject();
        Template tp;
        tp.name = to.value(QStringLiteral("name")).toString();
        tp.first = to.value(QStringLiteral("first")).toInt(-1);
        tp.shape = JsonNumbers::decodeDoubles(to.value(QStringLiteral("shape")).toString());
        if (tp.first < 0 || tp.shape.empty() || tp.first + static_cast<int>(tp.shape.size()) > nSeg)
            return makeError(source, QStringLiteral("excess test: template \"%1\" does not fit the energy grid").arg(tp.name));
        t.m_templates.push_back(std::move(tp));
    }
    // Models written before the measured spread: the fixed relative uncertainty everywhere.
    t.m_spread = o.contains(QStringLiteral("shapeSpread")) ? JsonNumbers::decodeDoubles(o.value(QStringLiteral("shapeSpread")).toString())
                                                           : std::vector<double>(static_cast<size_t>(nSeg), t.m_options.systematic);
    if (static_cast<int>(t.m_spread.size()) != nSeg)
        return makeError(source, QStringLiteral("excess test: shape spread does not match the energy grid"));
    t.m_gate = o.value(QStringLiteral("gate")).toDouble(-1.0);
    t.m_strong = o.value(QStringLiteral("strong")).toDouble(-1.0);
    if (t.m_templates.empty() || !(t.m_gate >= 0.0) || !(t.m_strong >= t.m_gate))
        return makeError(source, QStringLiteral("excess test: no templates or damaged thresholds"));
    // Models written before thresholds per live time have none: the pooled ones everywhere.
    t.m_tableGate = JsonNumbers::decodeDoubles(o.value(QStringLiteral("gateByLiveTime")).toString());
    t.m_tableStrong = JsonNumbers::decodeDoubles(o.value(QStringLiteral("strongByLiveTime")).toString());
    if (t.m_tableGate.size() != t.m_tableStrong.size())
        return makeError(source, QStringLiteral("excess test: damaged thresholds per live time"));
    for (size_t k = 0; k < t.m_tableGate.size(); ++k)
        if (!(t.m_tableGate[k] >= 0.0) || !(t.m_tableStrong[k] >= t.m_tableGate[k]))
            return makeError(source, QStringLiteral("excess test: damaged thresholds per live time"));
    return t;
}

} // namespace photopeak
