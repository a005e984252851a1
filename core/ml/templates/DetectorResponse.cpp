// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/templates/DetectorResponse.h"

#include "features/NonNegativeFit.h"

#include <algorithm>
#include <cmath>

namespace photopeak {

namespace {
constexpr double kElectronMassKeV = 510.999;
constexpr double kSqrt2 = 1.4142135623730951;
constexpr double kFwhmToSigma = 1.0 / 2.3548200450309493;
const std::vector<double> kKnots{60.0, 150.0, 350.0, 662.0, 1200.0, 2000.0, 3000.0};
// Share of the continuum between the Compton edge and the line (multiple scattering in the crystal).
constexpr double kPlateau = 0.15;

int firstBinAbove(const EnergyGrid &grid, double e)
{
    const auto &edges = grid.edges();
    const auto it = std::upper_bound(edges.begin(), edges.end(), e);
    return std::max(0, static_cast<int>(it - edges.begin()) - 1);
}

void addGaussian(double centre, double fwhm, double area, const EnergyGrid &grid, std::vector<double> &out)
{
    if (area == 0.0 || fwhm <= 0.0)
        return;
    const double s = fwhm * kFwhmToSigma;
    const int lo = firstBinAbove(grid, centre - 5.0 * s), hi = std::min(grid.binCount() - 1, firstBinAbove(grid, centre + 5.0 * s));
    for (int b = lo; b <= hi; ++b) {
        const double a = std::erf((grid.lowEdge(b) - centre) / (kSqrt2 * s));
        const double c = std::erf((grid.lowEdge(b) + grid.width(b) - centre) / (kSqrt2 * s));
        out[static_cast<size_t>(b)] += area * 0.5 * (c - a);
    }
}
} // namespace

DetectorResponse DetectorResponse::generic(Type type)
{
    DetectorResponse r;
    r.type = type;
    r.knotsKeV = kKnots;
    // Resolution at 662 keV and continuum/full-energy ratios of a typical detector of the type (HPGe coaxial
    // ~30 % relative efficiency; NaI 3x3"; CsI ~1 cm3 handheld; LaBr3 1.5x1.5"; high-pressure xenon).
    switch (type) {
    case Type::HPGe:
        r.resolution = ResolutionModel(0.8, 0.0015, 0.0);  // 1.1 keV at 122, 1.4 at 662, 1.7 at 1332 keV
        r.compton = {0.2, 0.8, 2.0, 3.0, 4.0, 5.0, 6.0};
        r.backscatter = {0.0, 0.02, 0.05, 0.05, 0.04, 0.03, 0.03};
        r.escape = 0.15;
        break;
    case Type::NaI:
        r.resolution = ResolutionModel::fromFraction(0.07);
        r.compton = {0.05, 0.2, 0.6, 1.0, 1.8, 2.5, 3.0};
        r.backscatter = {0.0, 0.03, 0.08, 0.08, 0.06, 0.05, 0.05};
        r.escape = 0.05;
        break;
    case Type::CsI:
        r.resolution = ResolutionModel::fromFraction(0.08);
        r.compton = {0.1, 0.6, 1.8, 3.0, 5.0, 7.0, 8.0};
        r.backscatter = {0.0, 0.05, 0.12, 0.12, 0.1, 0.08, 0.08};
        r.escape = 0.02;
        break;
    case Type::LaBr:
        r.resolution = ResolutionModel::fromFraction(0.03);
        r.compton = {0.05, 0.2, 0.7, 1.2, 2.0, 2.8, 3.2};
        r.backscatter = {0.0, 0.03, 0.08, 0.08, 0.06, 0.05, 0.05};
        r.escape = 0.05;
        break;
    case Type::Xenon:
        r.resolution = ResolutionModel::fromFraction(0.021);
        r.compton = {0.3, 1.0, 2.5, 4.0, 6.0, 8.0, 9.0};
        r.backscatter = {0.0, 0.05, 0.1, 0.1, 0.08, 0.06, 0.06};
        r.escape = 0.02;
        break;
    }
    return r;
}

Result<DetectorResponse::Type> DetectorResponse::typeFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("hpge") || n == QLatin1String("ge"))
        return Type::HPGe;
    if (n == QLatin1String("nai"))
        return Type::NaI;
    if (n == QLatin1String("csi"))
        return Type::CsI;
    if (n == QLatin1String("labr") || n == QLatin1String("labr3"))
        return Type::LaBr;
    if (n == QLatin1String("xenon") || n == QLatin1String("xgd") || n == QLatin1String("hpxe"))
        return Type::Xenon;
    return makeError(name, QStringLiteral("unknown detector type (hpge, nai, csi, labr, xenon)"));
}

QString DetectorResponse::typeName(Type type)
{
    switch (type) {
    case Type::HPGe: return QStringLiteral("HPGe");
    case Type::NaI: return QStringLiteral("NaI");
    case Type::CsI: return QStringLiteral("CsI");
    case Type::LaBr: return QStringLiteral("LaBr");
    case Type::Xenon: return QStringLiteral("xenon");
    }
    return {};
}

double DetectorResponse::efficiencyShape(double e) const
{
    const double window = 1.0 - std::exp(-std::pow(e / lowCutoffKeV, 3.0));
    if (efficiencyParams.size() == 3) {
        const double x = std::log(std::max(e, 1.0) / 500.0);
        return window * std::exp(std::min(50.0, efficiencyParams[0] * x + efficiencyParams[1] * x * x
                                                    + efficiencyParams[2] * std::pow(100.0 / std::max(e, 1.0), 3)));
    }
    if (efficiency.isValid())
        return efficiency.efficiency(std::max(e, efficiency.minEnergy())) * (e < efficiency.minEnergy() ? window : 1.0);
    return window / std::max(e, 120.0);
}

double DetectorResponse::efficiencyLogUncertainty(double e, double reference) const
{
    if (efficiencyCovariance.size() != 9)
        return 0.0;
    const double x = std::log(std::max(e, 1.0) / 500.0), x0 = std::log(std::max(reference, 1.0) / 500.0);
    const double g[3] = {x - x0, x * x - x0 * x0, std::pow(100.0 / std::max(e, 1.0), 3) - std::pow(100.0 / std::max(reference, 1.0), 3)};
    double v = 0.0;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            v += g[i] * efficiencyCovariance[static_cast<size_t>(i * 3 + j)] * g[j];
    return std::sqrt(std::max(v, 0.0));
}

std::vector<double> DetectorResponse::knotWeights(double e) const
{
    std::vector<double> w(knotsKeV.size(), 0.0);
    if (knotsKeV.empty())
        return w;
    if (e <= knotsKeV.front()) {
        w.front() = 1.0;
        return w;
    }
    if (e >= knotsKeV.back()) {
        w.back() = 1.0;
        return w;
    }
    for (size_t k = 0; k + 1 < knotsKeV.size(); ++k)
        if (e < knotsKeV[k + 1]) {
            const double t = std::log(e / knotsKeV[k]) / std::log(knotsKeV[k + 1] / knotsKeV[k]);
            w[k] = 1.0 - t;
            w[k + 1] = t;
            break;
        }
    return w;
}

double DetectorResponse::interpolate(const std::vector<double> &values, double e) const
{
    const auto w = knotWeights(e);
    double s = 0.0;
    for (size_t k = 0; k < w.size() && k < values.size(); ++k)
        s += w[k] * values[k];
    return s;
}

double DetectorResponse::comptonRatio(double e) const { return interpolate(compton, e); }
double DetectorResponse::backscatterRatio(double e) const { return interpolate(backscatter, e); }

double DetectorResponse::escapeRatio(double e) const
{
    return escape * std::clamp((e - 2.0 * kElectronMassKeV) / 1000.0, 0.0, 1.0);
}

void DetectorResponse::addLine(double e, double weight, const EnergyGrid &grid, std::vector<double> *peak,
                               std::vector<double> *continuum, std::vector<double> *backscatterOut) const
{
    const double fwhm = resolution.isValid() ? resolution.fwhmKeV(e) : 0.07 * std::sqrt(e * 661.657);
    if (peak) {
        addGaussian(e, fwhm, weight, grid, *peak);
        const double esc = escapeRatio(e);
        if (esc > 0.0) {
            addGaussian(e - kElectronMassKeV, resolution.fwhmKeV(e - kElectronMassKeV), weight * esc, grid, *peak);
            addGaussian(e - 2.0 * kElectronMassKeV, resolution.fwhmKeV(e - 2.0 * kElectronMassKeV), weight * esc, grid, *peak);
        }
    }
    const double alpha = e / kElectronMassKeV;
    const double edge = e * 2.0 * alpha / (1.0 + 2.0 * alpha);
    if (continuum && e > 40.0) {
        const double se = std::max(1.0, resolution.fwhmKeV(edge)) * kFwhmToSigma;
        const double sl = std::max(1.0, fwhm) * kFwhmToSigma;
        const int hi = std::min(grid.binCount() - 1, firstBinAbove(grid, e));
        std::vector<double> shape(static_cast<size_t>(hi + 1), 0.0);
        double total = 0.0;
        for (int b = 0; b <= hi; ++b) {
            const double x = grid.center(b);
            const double belowEdge = 0.5 * std::erfc((x - edge) / (kSqrt2 * se));
            const double belowLine = 0.5 * std::erfc((x - e + 1.5 * sl) / (kSqrt2 * sl));
            shape[static_cast<size_t>(b)] = (belowEdge + kPlateau * (1.0 - belowEdge) * belowLine) * grid.width(b);
            total += shape[static_cast<size_t>(b)];
        }
        const double area = weight * comptonRatio(e);
        if (total > 0.0 && area > 0.0)
            for (int b = 0; b <= hi; ++b)
                (*continuum)[static_cast<size_t>(b)] += area * shape[static_cast<size_t>(b)] / total;
    }
    if (backscatterOut && e > 150.0) {
        const double eb = e - edge;
        const double w = std::sqrt(std::pow(resolution.fwhmKeV(eb), 2) + std::pow(0.15 * eb, 2));
        addGaussian(eb, w, weight * backscatterRatio(e), grid, *backscatterOut);
    }
}

std::vector<double> DetectorResponse::nuclideTemplate(const Nuclide &nuclide, const EnergyGrid &grid, double minIntensity) const
{
    std::vector<double> t(static_cast<size_t>(grid.binCount()), 0.0);
    const double top = grid.edges().empty() ? 0.0 : grid.edges().back();
    for (const auto &l : nuclide.lines) {
        if (l.intensity < minIntensity || l.energyKeV > top + 50.0)
            continue;
        addLine(l.energyKeV, l.intensity * efficiencyShape(l.energyKeV), grid, &t, &t, &t);
    }
    return t;
}

Result<int> DetectorResponse::fitContinuum(const std::vector<Measured> &spectra, const EnergyGrid &grid)
{
    const size_t nb = static_cast<size_t>(grid.binCount());
    const size_t nk = knotsKeV.size();
    // Columns: full-energy peaks, continuum per knot, backscatter per knot, three smooth scatter shapes.
    const int K = static_cast<int>(1 + 2 * nk + 3);
    std::vector<double> num(2 * nk, 0.0), den(2 * nk, 0.0);
    int used = 0;
    // Unit ratios: the fitted amplitude of a knot's column divided by the peak amplitude is its ratio.
    DetectorResponse unit = *this;
    std::fill(unit.compton.begin(), unit.compton.end(), 1.0);
    std::fill(unit.backscatter.begin(), unit.backscatter.end(), 1.0);
    for (const auto &m : spectra) {
        if (!m.nuclide || m.netRate.size() != nb || m.variance.size() != nb)
            continue;
        std::vector<std::vector<double>> cols(static_cast<size_t>(K), std::vector<double>(nb, 0.0));
        std::vector<double> support(nk, 0.0);
        for (const auto &l : m.nuclide->lines) {
            if (l.intensity < 0.001)
                continue;
            const double w = l.intensity * efficiencyShape(l.energyKeV);
            addLine(l.energyKeV, w, grid, &cols[0], nullptr, nullptr);
            const auto kw = knotWeights(l.energyKeV);
            for (size_t k = 0; k < nk; ++k) {
                if (kw[k] <= 0.0)
                    continue;
                support[k] += kw[k] * w;
                unit.addLine(l.energyKeV, w * kw[k], grid, nullptr, &cols[1 + k], &cols[1 + nk + k]);
            }
        }
        for (size_t b = 0; b < nb; ++b) {
            const double x = grid.center(static_cast<int>(b));
            cols[1 + 2 * nk][b] = std::exp(-x / 30.0);
            cols[2 + 2 * nk][b] = std::exp(-x / 100.0);
            cols[3 + 2 * nk][b] = std::exp(-x / 300.0);
        }
        std::vector<double> G(static_cast<size_t>(K * K), 0.0), h(static_cast<size_t>(K), 0.0);
        for (size_t b = 0; b < nb; ++b) {
            if (grid.center(static_cast<int>(b)) < 30.0 || m.variance[b] <= 0.0)
                continue;
            const double w = 1.0 / m.variance[b];
            for (int i = 0; i < K; ++i) {
                const double ci = cols[static_cast<size_t>(i)][b];
                if (ci == 0.0)
                    continue;
                h[static_cast<size_t>(i)] += w * ci * m.netRate[b];
                for (int j = 0; j < K; ++j)
                    G[static_cast<size_t>(i * K + j)] += w * ci * cols[static_cast<size_t>(j)][b];
            }
        }
        std::vector<char> allowed(static_cast<size_t>(K), 1);
        for (int i = 0; i < K; ++i)
            if (G[static_cast<size_t>(i * K + i)] <= 0.0)
                allowed[static_cast<size_t>(i)] = 0;
        const auto x = NonNegativeFit::solve(G, h, K, allowed);
        const double peakAmp = x[0];
        if (!(peakAmp > 0.0) || !(G[0] > 0.0) || peakAmp * std::sqrt(G[0]) < 10.0)
            continue;  // full-energy peaks not clearly measured: nothing to learn
        ++used;
        for (size_t k = 0; k < nk; ++k) {
            const double wk = support[k] * peakAmp * std::sqrt(G[0]);
            num[k] += wk * x[1 + k] / peakAmp;
            den[k] += wk;
            num[nk + k] += wk * x[1 + nk + k] / peakAmp;
            den[nk + k] += wk;
        }
    }
    if (used == 0)
        return makeError(QStringLiteral("detector response"), QStringLiteral("no single-source spectrum with clear full-energy peaks"));
    double maxDen = 0.0;
    for (double d : den)
        maxDen = std::max(maxDen, d);
    for (size_t k = 0; k < nk; ++k) {
        // Physical bounds: the backscatter peak is a small share of the line (room and shield geometry); a
        // larger fitted value is scattered background the smooth columns did not take.
        if (den[k] > 0.05 * maxDen)
            compton[k] = std::clamp(num[k] / den[k], 0.0, 10.0);
        if (den[nk + k] > 0.05 * maxDen)
            backscatter[k] = std::clamp(num[nk + k] / den[nk + k], 0.0, 0.3);
    }
    return used;
}

QString DetectorResponse::describe() const
{
    QStringList parts;
    for (size_t k = 0; k < knotsKeV.size(); ++k)
        parts << QStringLiteral("%1 keV: continuum %2, backscatter %3").arg(knotsKeV[k], 0, 'f', 0).arg(compton[k], 0, 'f', 2).arg(backscatter[k], 0, 'f', 3);
    QStringList eff;
    for (const double e : {40.0, 60.0, 122.0, 344.0, 1332.0})
        eff << QStringLiteral("%1 keV %2").arg(e).arg(efficiencyShape(e) / efficiencyShape(661.657), 0, 'f', 2);
    return QStringLiteral("%1 response, FWHM(662 keV) %2 keV; efficiency / eff(662 keV): %3; %4")
        .arg(typeName(type)).arg(resolution.fwhmKeV(661.657), 0, 'f', 1).arg(eff.join(QStringLiteral(", ")), parts.join(QStringLiteral("; ")));
}

} // namespace photopeak
