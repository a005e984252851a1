// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "features/FeatureExtractor.h"

#include "features/NonNegativeFit.h"
#include "peaks/ResolutionModel.h"
#include "numerics/WeightedGram.h"
#include "util/JsonNumbers.h"
#include "peaks/NuclideLibrary.h"
#include "spectrum/SavitzkyGolay.h"
#include "jobs/Parallel.h"


#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace photopeak {

namespace {
constexpr double kEpsFloor = 0.005;  // relative background systematic never assumed below 0.5 %
// Continuum shapes (decay constants in keV) that absorb scattered radiation not covered by the templates.
constexpr double kContinuumKeV[] = {30.0, 100.0, 300.0};
// Line features: library gamma lines at or above this energy (below it the detector threshold and X-rays),
// signal window +-kLineHalfWindow FWHM, side bands from kSideInner to kSideOuter FWHM on each side.
constexpr double kLineMinKeV = 40.0;
constexpr double kLineHalfWindow = 0.7;
constexpr double kSideInner = 1.2;
constexpr double kSideOuter = 2.0;
} // namespace

double FeatureExtractor::xgdFwhmKeV(double e)
{
    // FWHM^2 = a + b E through (122 keV, 10 keV) and (662 keV, 14 keV): b = (196 - 100) / 540, a = 100 - 122 b.
    static const ResolutionModel xgd(100.0 - 122.0 * (96.0 / 540.0), 96.0 / 540.0, 0.0);
    return std::max(xgd.fwhmKeV(e), 1.0);
}

FeatureExtractor::FeatureExtractor(FeatureConfig config, EnergyGrid grid)
    : m_config(config), m_grid(std::move(grid))
{
    buildSegments();
}

void FeatureExtractor::buildSegments()
{
    m_segStart.clear();
    m_segEnd.clear();
    const int n = m_grid.binCount();
    if (n <= 0)
        return;
    const double low = m_grid.lowEdge(0);
    const double width = m_config.kind == FeatureKind::Full ? 0.0 : m_config.segmentKeV;
    int current = -1;
    for (int b = 0; b < n; ++b) {
        const int seg = width > 0.0 ? static_cast<int>(std::floor((m_grid.lowEdge(b) - low) / width + 1e-9)) : b;
        if (seg != current) {
            if (!m_segStart.empty())
                m_segEnd.push_back(b);
            m_segStart.push_back(b);
            current = seg;
        }
    }
    m_segEnd.push_back(n);
}

int FeatureExtractor::dimension() const { return baseDimension() + lineCount(); }

int FeatureExtractor::baseDimension() const
{
    const int segs = segmentCount();
    switch (m_config.kind) {
    case FeatureKind::Average: return segs;
    case FeatureKind::Linfit: return 2 * segs;
    case FeatureKind::Full: return segs;
    case FeatureKind::TemplateFit: return static_cast<int>(m_labels.size()) + 2;
    }
    return 0;
}

QStringList FeatureExtractor::featureNames() const
{
    QStringList names;
    const QString prefix = m_config.reference == FeatureReference::Significance ? QStringLiteral("z")
        : m_config.reference == FeatureReference::Excess                        ? QStringLiteral("net")
                                                                                : QStringLiteral("rate");
    auto range = [this](int s) {
        return QStringLiteral("%1-%2keV").arg(m_grid.lowEdge(m_segStart[s])).arg(m_grid.edges()[m_segEnd[s]]);
    };
    switch (m_config.kind) {
    case FeatureKind::Average:
    case FeatureKind::Full:
        for (int s = 0; s < segmentCount(); ++s)
            names << prefix + QLatin1Char('[') + range(s) + QLatin1Char(']');
        break;
    case FeatureKind::Linfit:
        for (int s = 0; s < segmentCount(); ++s)
            names << prefix + QStringLiteral("-slope[") + range(s) + QLatin1Char(']')
                  << prefix + QStringLiteral("-level[") + range(s) + QLatin1Char(']');
        break;
    case FeatureKind::TemplateFit:
        for (const QString &l : m_labels)
            names << QStringLiteral("significance(%1)").arg(l);
        names << QStringLiteral("significance(any)") << QStringLiteral("reduced-chi2");
        break;
    }
    for (const Line &l : m_lines)
        names << QStringLiteral("line-%1(%2 %3 keV)")
                     .arg(FeatureConfig::linesName(m_config.lines), m_labels.value(l.label))
                     .arg(l.energyKeV, 0, 'f', 1);
    return names;
}

Status FeatureExtractor::fitReference(const FeatureFitInput &in)
{
    const int nb = m_grid.binCount(), segs = segmentCount();
    if (in.backgrounds.empty())
        return makeError(QStringLiteral("training set"), QStringLiteral("background-relative features need background "
                                                                        "spectra in the training set"));
    // Mean background count rate: all counts over all live time.
    m_bkgRate.assign(static_cast<size_t>(nb), 0.0);
    m_bkgLive = 0.0;
    for (const PreparedSpectrum *s : in.backgrounds) {
        for (int b = 0; b < nb; ++b)
            m_bkgRate[static_cast<size_t>(b)] += s->counts[static_cast<size_t>(b)];
        m_bkgLive += s->liveTime;
    }
    for (double &r : m_bkgRate)
        r /= m_bkgLive;
    m_bkgSeg.assign(static_cast<size_t>(segs), 0.0);
    for (int s = 0; s < segs; ++s)
        for (int b = m_segStart[s]; b < m_segEnd[s]; ++b)
            m_bkgSeg[static_cast<size_t>(s)] += m_bkgRate[static_cast<size_t>(b)];

    // Systematic spread between acquisition series beyond Poisson noise.
    std::map<int, std::pair<std::vector<double>, double>> series;
    for (size_t i = 0; i < in.backgrounds.size(); ++i) {
        auto &acc = series[i < in.backgroundGroups.size() ? in.backgroundGroups[i] : 0];
        acc.first.resize(static_cast<size_t>(segs), 0.0);
        for (int s = 0; s < segs; ++s)
            for (int b = m_segStart[s]; b < m_segEnd[s]; ++b)
                acc.first[static_cast<size_t>(s)] += in.backgrounds[i]->counts[static_cast<size_t>(b)];
        acc.second += in.backgrounds[i]->liveTime;
    }
    m_eps.assign(static_cast<size_t>(segs), kEpsFloor);
    if (series.size() >= 2) {
        for (int s = 0; s < segs; ++s) {
            const double B = m_bkgSeg[static_cast<size_t>(s)];
            if (B <= 0.0)
                continue;
            double sum = 0.0;
            for (const auto &[g, acc] : series) {
                const double r = acc.first[static_cast<size_t>(s)] / acc.second;
                sum += ((r - B) * (r - B) - B / acc.second) / (B * B);
            }
            m_eps[static_cast<size_t>(s)] = std::sqrt(std::max(sum / double(series.size()), kEpsFloor * kEpsFloor));
        }
    }

    m_templates.clear();
    m_templateLabel.clear();
    m_labels.clear();
    m_lines.clear();
    if (m_config.lines != LineFeatures::None) {
        m_labels = in.labels;
        if (const Status st = chooseLines(in.labels); !st)
            return st;
    }
    if (m_config.kind != FeatureKind::TemplateFit)
        return Ok{};
    m_labels = in.labels;
    for (int label = 0; label < in.labels.size(); ++label) {
        // Net rate per series of this label, sorted by strength, split into templatesPerLabel chunks.
        std::map<int, std::pair<std::vector<double>, double>> perSeries;
        for (size_t i = 0; i < in.sources.size(); ++i) {
            if (in.sourceLabels[i] != label)
                continue;
            auto &acc = perSeries[in.sourceGroups[i]];
            acc.first.resize(static_cast<size_t>(segs), 0.0);
            for (int s = 0; s < segs; ++s)
                for (int b = m_segStart[s]; b < m_segEnd[s]; ++b)
                    acc.first[static_cast<size_t>(s)] += in.sources[i]->counts[static_cast<size_t>(b)];
            acc.second += in.sources[i]->liveTime;
        }
        if (perSeries.empty())
            return makeError(QStringLiteral("training set"),
                             QStringLiteral("no single-source spectra of %1 to build its template").arg(in.labels[label]));
        struct Net { std::vector<double> counts; double live; double strength; };
        std::vector<Net> nets;
        for (auto &[g, acc] : perSeries) {
            Net n{acc.first, acc.second, 0.0};
            for (int s = 0; s < segs; ++s)
                n.strength += n.counts[static_cast<size_t>(s)] / n.live - m_bkgSeg[static_cast<size_t>(s)];
            nets.push_back(std::move(n));
        }
        std::sort(nets.begin(), nets.end(), [](const Net &a, const Net &b) { return a.strength < b.strength; });
        const int chunks = std::min<int>(m_config.templatesPerLabel, static_cast<int>(nets.size()));
        for (int c = 0; c < chunks; ++c) {
            const size_t from = nets.size() * static_cast<size_t>(c) / static_cast<size_t>(chunks);
            const size_t to = nets.size() * static_cast<size_t>(c + 1) / static_cast<size_t>(chunks);
            std::vector<double> t(static_cast<size_t>(segs), 0.0);
            double live = 0.0;
            for (size_t i = from; i < to; ++i) {
                for (int s = 0; s < segs; ++s)
                    t[static_cast<size_t>(s)] += nets[i].counts[static_cast<size_t>(s)];
                live += nets[i].live;
            }
            // Net rate per segment; segments whose net rate is not significant (2 standard deviations of the
            // template's own counts and of the mean background) are set to 0, so that a weak source's template
            // is its lines, not the noise of its measurement.
            double sum = 0.0;
            for (int s = 0; s < segs; ++s) {
                double &v = t[static_cast<size_t>(s)];
                const double B = m_bkgSeg[static_cast<size_t>(s)];
                const double sigma = std::sqrt(std::max(v, 0.0) / (live * live) + std::max(B, 0.0) / m_bkgLive);
                v = v / live - B;
                if (!(v > 2.0 * sigma))
                    v = 0.0;
                sum += v;
            }
            if (!(sum > 0.0))
                continue;
            for (double &v : t)
                v /= sum;
            m_templates.insert(m_templates.end(), t.begin(), t.end());
            m_templateLabel.push_back(label);
        }
    }
    // Nuisance columns: scattered continuum and +- background level.
    for (double e0 : kContinuumKeV) {
        std::vector<double> t(static_cast<size_t>(segs));
        double sum = 0.0;
        for (int s = 0; s < segs; ++s) {
            const double e = 0.5 * (m_grid.lowEdge(m_segStart[s]) + m_grid.edges()[m_segEnd[s]]);
            sum += (t[static_cast<size_t>(s)] = std::exp(-e / e0));
        }
        for (double &v : t)
            v /= sum;
        m_templates.insert(m_templates.end(), t.begin(), t.end());
        m_templateLabel.push_back(-1);
    }
    const double bsum = std::accumulate(m_bkgSeg.begin(), m_bkgSeg.end(), 0.0);
    for (double sign : {1.0, -1.0}) {
        for (int s = 0; s < segs; ++s)
            m_templates.push_back(sign * m_bkgSeg[static_cast<size_t>(s)] / bsum);
        m_templateLabel.push_back(-1);
    }
    m_gram = WeightedGram(m_templates, segs, static_cast<int>(m_templateLabel.size()));
    return Ok{};
}

Status FeatureExtractor::chooseLines(const QStringList &labels)
{
    auto library = NuclideLibrary::loadDefault();
    if (!library)
        return makeError(QStringLiteral("line features"), library.error().message);
    const int nb = m_grid.binCount();
    const double top = m_grid.edges()[static_cast<size_t>(nb)];
    for (int label = 0; label < labels.size(); ++label) {
        const Nuclide *nuclide = library->find(NuclideLibrary::canonicalName(labels[label]));
        if (!nuclide)
            return makeError(QStringLiteral("line features"),
                             QStringLiteral("isotope %1 is not in the nuclide library %2").arg(labels[label], library->path()));
        std::vector<GammaLine> lines;
        for (const GammaLine &g : nuclide->lines)
            if (g.kind != GammaLine::Kind::XRay && g.energyKeV >= kLineMinKeV
                && g.energyKeV + kSideOuter * xgdFwhmKeV(g.energyKeV) <= top)
                lines.push_back(g);
        std::stable_sort(lines.begin(), lines.end(),
                         [](const GammaLine &a, const GammaLine &b) { return a.intensity > b.intensity; });
        int chosen = 0;
        const size_t first = m_lines.size();
        for (const GammaLine &g : lines) {
            if (chosen >= m_config.linesPerLabel)
                break;
            const double f = xgdFwhmKeV(g.energyKeV);
            bool close = false;  // a weaker line inside the window of a chosen one adds nothing
            for (size_t i = first; i < m_lines.size(); ++i)
                close = close || std::abs(m_lines[i].energyKeV - g.energyKeV) < f;
            if (close)
                continue;
            Line l;
            l.label = label;
            l.energyKeV = g.energyKeV;
            l.fwhmKeV = f;
            m_lines.push_back(l);
            ++chosen;
        }
    }
    buildLineWindows();
    return Ok{};
}

void FeatureExtractor::buildLineWindows()
{
    const int nb = m_grid.binCount();
    // First bin whose centre is at or above e (nb when none).
    auto bin = [&](double e) {
        int b = 0;
        while (b < nb && m_grid.center(b) < e)
            ++b;
        return b;
    };
    for (Line &l : m_lines) {
        const double e = l.energyKeV, f = l.fwhmKeV;
        l.w0 = bin(e - kLineHalfWindow * f);
        l.w1 = bin(e + kLineHalfWindow * f);
        l.l0 = bin(e - kSideOuter * f);
        l.l1 = bin(e - kSideInner * f);
        l.r0 = bin(e + kSideInner * f);
        l.r1 = bin(e + kSideOuter * f);
    }
}

void FeatureExtractor::lineFeatures(const PreparedSpectrum &sp, double *out) const
{
    const double t = sp.liveTime;
    const bool hasBkg = !m_bkgRate.empty();
    // Counts and background rate summed over bins [b0, b1).
    auto sum = [&](int b0, int b1, double &counts, double &bkg) {
        counts = bkg = 0.0;
        for (int b = b0; b < b1; ++b) {
            counts += sp.counts[static_cast<size_t>(b)];
            if (hasBkg)
                bkg += m_bkgRate[static_cast<size_t>(b)];
        }
    };
    for (size_t i = 0; i < m_lines.size(); ++i) {
        const Line &l = m_lines[i];
        double W, bW, L, bL, R, bR;
        sum(l.w0, l.w1, W, bW);
        sum(l.l0, l.l1, L, bL);
        sum(l.r0, l.r1, R, bR);
        const double nW = l.w1 - l.w0, nL = l.l1 - l.l0, nR = l.r1 - l.r0;
        // Continuum under the window: mean density of the side bands (one band when the other is empty),
        // both of the spectrum's excess over the reference background.
        double cL = 0.0, cR = 0.0, vL = 0.0, vR = 0.0;
        int bands = 0;
        if (nL > 0) {
            cL = (L - bL * t) / nL;
            vL = (std::max(L, 1.0) + bL * t * t / std::max(m_bkgLive, 1e-9)) / (nL * nL);
            ++bands;
        }
        if (nR > 0) {
            cR = (R - bR * t) / nR;
            vR = (std::max(R, 1.0) + bR * t * t / std::max(m_bkgLive, 1e-9)) / (nR * nR);
            ++bands;
        }
        const double density = bands > 0 ? (cL + cR) / bands : 0.0;
        const double densityVar = bands > 0 ? (vL + vR) / (bands * bands) : 0.0;
        const double net = (W - bW * t) - density * nW;
        const double var = std::max(W, 1.0) + (hasBkg ? bW * t * t / std::max(m_bkgLive, 1e-9) : 0.0)
            + densityVar * nW * nW;
        out[i] = m_config.lines == LineFeatures::Net ? net / t : net / std::sqrt(var);
    }
}

void FeatureExtractor::fitStandardisation(const FeatureMatrix &raw)
{
    m_mean.clear();
    m_scale.clear();
    if (!m_config.standardise || raw.rows == 0)
        return;
    m_mean.assign(static_cast<size_t>(raw.cols), 0.0);
    m_scale.assign(static_cast<size_t>(raw.cols), 1.0);
    for (int c = 0; c < raw.cols; ++c) {
        double sum = 0.0, sq = 0.0;
        for (int r = 0; r < raw.rows; ++r)
            sum += raw.at(r, c);
        const double mean = sum / raw.rows;
        for (int r = 0; r < raw.rows; ++r)
            sq += (raw.at(r, c) - mean) * (raw.at(r, c) - mean);
        const double sd = std::sqrt(sq / std::max(1, raw.rows - 1));
        m_mean[static_cast<size_t>(c)] = mean;
        m_scale[static_cast<size_t>(c)] = sd > 1e-12 ? 1.0 / sd : 1.0;
    }
}

double FeatureExtractor::transform(double v) const
{
    switch (m_config.transform) {
    case FeatureTransform::None: return v;
    case FeatureTransform::Log: return std::copysign(std::log1p(std::abs(v)), v);
    case FeatureTransform::Arctan: return std::atan(v);
    }
    return v;
}

void FeatureExtractor::segmentExcess(const PreparedSpectrum &sp, std::vector<double> &excess,
                                     std::vector<double> &variance) const
{
    const int segs = segmentCount();
    excess.assign(static_cast<size_t>(segs), 0.0);
    variance.assign(static_cast<size_t>(segs), 0.0);
    const double t = sp.liveTime;
    const double meanB = m_bkgSeg.empty() ? 0.0 : std::accumulate(m_bkgSeg.begin(), m_bkgSeg.end(), 0.0) / segs;
    for (int s = 0; s < segs; ++s) {
        double c = 0.0;
        for (int b = m_segStart[s]; b < m_segEnd[s]; ++b)
            c += sp.counts[static_cast<size_t>(b)];
        const double B = m_bkgSeg[static_cast<size_t>(s)];
        const double Bf = std::max(B, 1e-3 * meanB + 1e-12);
        const double eps = m_eps[static_cast<size_t>(s)];
        excess[static_cast<size_t>(s)] = c / t - B;
        variance[static_cast<size_t>(s)] = Bf / t + Bf / m_bkgLive + eps * eps * Bf * Bf;
    }
}

void FeatureExtractor::computeUnstandardised(const PreparedSpectrum &sp, double *out) const
{
    const int segs = segmentCount();
    const double t = sp.liveTime;
    const bool relative = m_config.reference != FeatureReference::None;
    if (!m_lines.empty()) {
        const int base = baseDimension();
        lineFeatures(sp, out + base);
        for (int i = base; i < dimension(); ++i)
            out[i] = transform(out[i]);
    }
    if (m_config.kind == FeatureKind::TemplateFit) {
        templateFeatures(sp, out);
        for (int i = 0; i < baseDimension(); ++i)
            out[i] = transform(out[i]);
        return;
    }
    // Count rate per bin (optionally smoothed), minus the background rate when relative.
    const int nb = m_grid.binCount();
    std::vector<double> rate(static_cast<size_t>(nb));
    for (int b = 0; b < nb; ++b)
        rate[static_cast<size_t>(b)] = sp.counts[static_cast<size_t>(b)] / t;
    if (m_config.smooth) {
        static const SavitzkyGolay sg(5, 2);
        std::vector<double> smoothed(rate.size());
        sg.apply(rate.data(), smoothed.data(), nb);
        rate.swap(smoothed);
    }
    if (relative)
        for (int b = 0; b < nb; ++b)
            rate[static_cast<size_t>(b)] -= m_bkgRate[static_cast<size_t>(b)];
    std::vector<double> sigma(static_cast<size_t>(segs), 1.0);
    if (m_config.reference == FeatureReference::Significance) {
        std::vector<double> ex, var;
        segmentExcess(sp, ex, var);
        for (int s = 0; s < segs; ++s)
            sigma[static_cast<size_t>(s)] = std::sqrt(var[static_cast<size_t>(s)]);
    }
    const bool significance = m_config.reference == FeatureReference::Significance;
    for (int s = 0; s < segs; ++s) {
        const int b0 = m_segStart[s], b1 = m_segEnd[s], n = b1 - b0;
        double sum = 0.0, keV = 0.0;
        for (int b = b0; b < b1; ++b) {
            sum += rate[static_cast<size_t>(b)];
            keV += m_grid.width(b);
        }
        if (m_config.kind == FeatureKind::Average || m_config.kind == FeatureKind::Full) {
            out[s] = transform(significance ? sum / sigma[static_cast<size_t>(s)] : sum / keV);
            continue;
        }
        // Linfit: closed-form least squares of rate against bin centre, level taken at the segment centre.
        double xm = 0.0;
        for (int b = b0; b < b1; ++b)
            xm += m_grid.center(b);
        xm /= n;
        const double ym = sum / n;
        double sxy = 0.0, sxx = 0.0;
        for (int b = b0; b < b1; ++b) {
            const double dx = m_grid.center(b) - xm;
            sxy += dx * (rate[static_cast<size_t>(b)] - ym);
            sxx += dx * dx;
        }
        const double slope = sxx > 0.0 ? sxy / sxx : 0.0;
        const double scale = significance ? n / sigma[static_cast<size_t>(s)] : 1.0;
        out[2 * s] = transform(slope * scale);
        out[2 * s + 1] = transform(ym * scale);
    }
}

void FeatureExtractor::templateFeatures(const PreparedSpectrum &sp, double *out) const
{
    const int segs = segmentCount();
    const int K = static_cast<int>(m_templateLabel.size());
    const int L = static_cast<int>(m_labels.size());
    std::vector<double> n, var;
    segmentExcess(sp, n, var);
    std::vector<double> G(static_cast<size_t>(K * K)), h(static_cast<size_t>(K));
    std::vector<char> all(static_cast<size_t>(K), 1);
    // Normal equations of the weighted fit, W = 1 / variance: G = T^T W T, h = T^T W n.
    std::vector<double> weights(static_cast<size_t>(segs));
    auto build = [&](const std::vector<double> &variance) {
        for (int s = 0; s < segs; ++s)
            weights[static_cast<size_t>(s)] = 1.0 / variance[static_cast<size_t>(s)];
        m_gram.build(weights.data(), n.data(), G.data(), h.data());
    };
    build(var);
    std::vector<double> x = NonNegativeFit::solve(G, h, K, all);
    // Second pass: add the Poisson noise of the fitted signal and the templates' shape uncertainty.
    std::vector<double> var2(var);
    for (int s = 0; s < segs; ++s) {
        double m = 0.0;
        for (int j = 0; j < K; ++j)
            m += x[static_cast<size_t>(j)] * m_templates[static_cast<size_t>(j) * segs + s];
        const double mp = std::max(m, 0.0);
        var2[static_cast<size_t>(s)] += mp / sp.liveTime + std::pow(m_config.templateSystematic * mp, 2);
    }
    build(var2);
    x = NonNegativeFit::solve(G, h, K, all);
    const double full = NonNegativeFit::reduction(G, h, x);
    for (int l = 0; l < L; ++l) {
        std::vector<char> allowed(static_cast<size_t>(K));
        for (int j = 0; j < K; ++j)
            allowed[static_cast<size_t>(j)] = m_templateLabel[static_cast<size_t>(j)] != l;
        const std::vector<double> xl = NonNegativeFit::solve(G, h, K, allowed, &x);
        out[l] = std::sqrt(std::max(full - NonNegativeFit::reduction(G, h, xl), 0.0));
    }
    // Significance of any source: fit with isotope templates against nuisance-only.
    std::vector<char> nuisance(static_cast<size_t>(K));
    for (int j = 0; j < K; ++j)
        nuisance[static_cast<size_t>(j)] = m_templateLabel[static_cast<size_t>(j)] < 0;
    out[L] = std::sqrt(std::max(full - NonNegativeFit::reduction(G, h, NonNegativeFit::solve(G, h, K, nuisance, &x)), 0.0));
    double chi0 = 0.0;
    for (int s = 0; s < segs; ++s)
        chi0 += n[static_cast<size_t>(s)] * n[static_cast<size_t>(s)] / var2[static_cast<size_t>(s)];
    out[L + 1] = std::max(chi0 - full, 0.0) / std::max(1, segs - K);
}

void FeatureExtractor::standardiseInPlace(double *values) const
{
    if (m_mean.empty())
        return;
    for (size_t i = 0; i < m_mean.size(); ++i)
        values[i] = (values[i] - m_mean[i]) * m_scale[i];
}

void FeatureExtractor::compute(const PreparedSpectrum &spectrum, double *out) const
{
    computeUnstandardised(spectrum, out);
    standardiseInPlace(out);
}

std::vector<double> FeatureExtractor::compute(const PreparedSpectrum &spectrum) const
{
    std::vector<double> out(static_cast<size_t>(dimension()));
    compute(spectrum, out.data());
    return out;
}

FeatureMatrix FeatureExtractor::computeAll(const std::vector<const PreparedSpectrum *> &spectra, bool standardised) const
{
    FeatureMatrix m(static_cast<int>(spectra.size()), dimension());
    Parallel::forEach(m.rows, [&](qsizetype i) {
        computeUnstandardised(*spectra[static_cast<size_t>(i)], m.row(static_cast<int>(i)));
        if (standardised)
            standardiseInPlace(m.row(static_cast<int>(i)));
    });
    return m;
}

QJsonObject FeatureExtractor::stateToJson() const
{
    QJsonObject o;
    o[QStringLiteral("backgroundRate")] = JsonNumbers::encodeDoubles(m_bkgRate);
    o[QStringLiteral("backgroundLiveTime")] = m_bkgLive;
    o[QStringLiteral("systematic")] = JsonNumbers::encodeDoubles(m_eps);
    o[QStringLiteral("labels")] = QJsonArray::fromStringList(m_labels);
    o[QStringLiteral("templates")] = JsonNumbers::encodeDoubles(m_templates);
    QJsonArray tl;
    for (int l : m_templateLabel)
        tl.append(l);
    o[QStringLiteral("templateLabels")] = tl;
    if (!m_lines.empty()) {
        QJsonArray ll;
        std::vector<double> energies, fwhm;
        for (const Line &l : m_lines) {
            ll.append(l.label);
            energies.push_back(l.energyKeV);
            fwhm.push_back(l.fwhmKeV);
        }
        o[QStringLiteral("lineLabels")] = ll;
        o[QStringLiteral("lineEnergies")] = JsonNumbers::encodeDoubles(energies);
        o[QStringLiteral("lineFwhm")] = JsonNumbers::encodeDoubles(fwhm);
    }
    o[QStringLiteral("mean")] = JsonNumbers::encodeDoubles(m_mean);
    o[QStringLiteral("scale")] = JsonNumbers::encodeDoubles(m_scale);
    o[QStringLiteral("dimension")] = dimension();
    return o;
}

Result<FeatureExtractor> FeatureExtractor::fromJson(const QJsonObject &config, const QJsonObject &state,
                                                    const EnergyGrid &grid, const QString &source)
{
    auto cfg = FeatureConfig::fromJson(config, source);
    if (!cfg)
        return cfg.error();
    if (!grid.isValid())
        return makeError(source, QStringLiteral("model has no valid energy grid"));
    FeatureExtractor fx(*cfg, grid);
    // Every stored number checked before use (absent arrays are empty).
    QString damaged;
    const auto read = [&](const char *key, double min = -JsonNumbers::MaxMagnitude, double max = JsonNumbers::MaxMagnitude) {
        const QString field = QString::fromLatin1(key);
        if (!state.contains(field) || !damaged.isEmpty())
            return std::vector<double>();
        auto values = JsonNumbers::readDoubles(state, field, source, min, max);
        if (!values) {
            damaged = values.error().message;
            return std::vector<double>();
        }
        return std::move(values).value();
    };
    fx.m_bkgRate = read("backgroundRate", 0.0);
    fx.m_bkgLive = state.value(QStringLiteral("backgroundLiveTime")).toDouble();
    if (!std::isfinite(fx.m_bkgLive) || fx.m_bkgLive < 0.0)
        return makeError(source, QStringLiteral("field 'backgroundLiveTime' is not a live time; the file is damaged"));
    fx.m_eps = read("systematic", 0.0);
    for (const auto &v : state.value(QStringLiteral("labels")).toArray())
        fx.m_labels << v.toString();
    fx.m_templates = read("templates");
    for (const auto &v : state.value(QStringLiteral("templateLabels")).toArray())
        fx.m_templateLabel.push_back(v.toInt());
    {
        const QJsonArray ll = state.value(QStringLiteral("lineLabels")).toArray();
        const std::vector<double> energies = read("lineEnergies");
        const std::vector<double> fwhm = read("lineFwhm");
        if (!damaged.isEmpty())
            return makeError(source, damaged);
        if (energies.size() != static_cast<size_t>(ll.size()) || fwhm.size() != energies.size())
            return makeError(source, QStringLiteral("line feature table is damaged"));
        for (int i = 0; i < ll.size(); ++i) {
            Line l;
            l.label = ll[i].toInt(-1);
            l.energyKeV = energies[static_cast<size_t>(i)];
            l.fwhmKeV = fwhm[static_cast<size_t>(i)];
            if (l.label < 0 || l.label >= fx.m_labels.size() || !(l.fwhmKeV > 0.0) || !std::isfinite(l.energyKeV))
                return makeError(source, QStringLiteral("line feature %1 is damaged").arg(i));
            fx.m_lines.push_back(l);
        }
        if ((cfg->lines == LineFeatures::None) != fx.m_lines.empty())
            return makeError(source, QStringLiteral("line features in the configuration and the stored lines disagree"));
        fx.buildLineWindows();
    }
    fx.m_mean = read("mean");
    fx.m_scale = read("scale", 1e-300);
    if (!damaged.isEmpty())
        return makeError(source, damaged);
    const int segs = fx.segmentCount();
    const bool needsReference = cfg->reference != FeatureReference::None || cfg->kind == FeatureKind::TemplateFit;
    if (needsReference) {
        if (static_cast<int>(fx.m_bkgRate.size()) != grid.binCount() || static_cast<int>(fx.m_eps.size()) != segs
            || !(fx.m_bkgLive > 0.0))
            return makeError(source, QStringLiteral("feature state does not match the model's energy grid (%1 bins, %2 "
                                                    "segments): the file is damaged or from another build")
                                         .arg(grid.binCount()).arg(segs));
        fx.m_bkgSeg.assign(static_cast<size_t>(segs), 0.0);
        for (int s = 0; s < segs; ++s)
            for (int b = fx.m_segStart[s]; b < fx.m_segEnd[s]; ++b)
                fx.m_bkgSeg[static_cast<size_t>(s)] += fx.m_bkgRate[static_cast<size_t>(b)];
    }
    if (cfg->kind == FeatureKind::TemplateFit
        && fx.m_templates.size() != fx.m_templateLabel.size() * static_cast<size_t>(segs))
        return makeError(source, QStringLiteral("template table does not match %1 segments").arg(segs));
    if (cfg->kind == FeatureKind::TemplateFit)
        fx.m_gram = WeightedGram(fx.m_templates, segs, static_cast<int>(fx.m_templateLabel.size()));
    if (!fx.m_mean.empty() && (static_cast<int>(fx.m_mean.size()) != fx.dimension() || fx.m_scale.size() != fx.m_mean.size()))
        return makeError(source, QStringLiteral("standardisation has %1 values, the features have %2")
                                     .arg(fx.m_mean.size()).arg(fx.dimension()));
    if (state.value(QStringLiteral("dimension")).toInt(-1) != fx.dimension())
        return makeError(source, QStringLiteral("feature dimension %1 in the file, %2 computed by this build")
                                     .arg(state.value(QStringLiteral("dimension")).toInt(-1)).arg(fx.dimension()));
    return fx;
}

} // namespace photopeak
