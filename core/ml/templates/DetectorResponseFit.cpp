// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/templates/DetectorResponse.h"

#include "peaks/ActivityEstimator.h"
#include "peaks/LineActivity.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include <Eigen/Dense>

namespace photopeak {

namespace {

// One measured line group: net area (counts of a 1-s spectrum) and its standard deviation; the group's lines
// by source ("spectrum": a measured spectrum, or a component of a composite one) with their summed intensity.
struct Part {
    int first;          // source index
    double second;      // intensity (summed over the group's lines of that source)
    double energyKeV;   // the group's energy
};
struct LinePoint {
    std::vector<Part> parts;
    double energyKeV = 0.0, area = 0.0, sigma = 0.0;
    int measured = 0;   // index of the Measured spectrum
    QString label;
};

constexpr double kLineSystematic = 0.03;  // line-to-line systematic (intensities, region fits)
constexpr double kCurvaturePrior = 0.3;   // standard deviation of p2: sparse data give a power law
// Lines below are not used: region fits near the detector's threshold are unreliable (the XGD's Cs137 Ba K X-rays
// at 32 keV came out at a tenth of the 662-keV efficiency while Eu152's Sm K X-rays at 40 keV were absent).
// The ActivityEstimator's own default.
constexpr double kMinLineEnergyKeV = 50.0;
// Knee prior: a full-energy efficiency rises as a power law towards low energy until absorption in front of and
// inside the detector turns it over, near 100 keV for the common types (HPGe coaxial, NaI, CsI, xenon). With
// ln eff = p1 x + p2 x^2 + q (100 keV / E)^3 the maximum is at 100 keV when q = p1 / 3: a pseudo-observation
// q - p1 / 3 = 0 +- kKneePrior. Lines below the knee (Eu152 122 keV, Ba133 81 keV) override it; without them the
// efficiency at 40-60 keV is not extrapolated from the power law above 200 keV.
constexpr double kKneePrior = 0.3;
constexpr double kCompositeMinIntensity = 0.03;  // lines of composite spectra (backgrounds) used: >= 3 per 100 decays

// The shape's regressors at energy E: x, x^2, absorption (100 keV / E)^3.
void regressors(double e, double g[3])
{
    const double x = std::log(e / 500.0);
    g[0] = x;
    g[1] = x * x;
    g[2] = std::pow(100.0 / e, 3);
}

// Weighted least squares of the line areas: area_i = I_i window(E_i) exp(lnA_s + p . g(E_i)), by Gauss-Newton
// with step halving, from `theta` (ns activities, then p1, p2, q). `absorption` false keeps q at 0. Returns
// chi2 (with the curvature prior); `H` gets the normal matrix at the solution.
double fitAreas(const std::vector<LinePoint> &pts, const std::map<int, int> &column, double lowCutoffKeV, bool absorption,
                Eigen::VectorXd &theta, Eigen::MatrixXd &H)
{
    const int ns = static_cast<int>(column.size());
    const int np = ns + 3;
    auto evaluate = [&](const Eigen::VectorXd &t, Eigen::MatrixXd *J, Eigen::VectorXd *r) {
        double chi2 = 0.0;
        if (J) {
            J->setZero(static_cast<Eigen::Index>(pts.size()) + 2, np);
            r->setZero(static_cast<Eigen::Index>(pts.size()) + 2);
        }
        for (size_t i = 0; i < pts.size(); ++i) {
            const LinePoint &p = pts[i];
            double m = 0.0;
            std::vector<double> share(p.parts.size());
            std::vector<std::array<double, 3>> gk(p.parts.size());
            for (size_t k = 0; k < p.parts.size(); ++k) {
                const double e = p.parts[k].energyKeV;
                regressors(e, gk[k].data());
                const double window = 1.0 - std::exp(-std::pow(e / lowCutoffKeV, 3.0));
                const double lnEff = t(ns) * gk[k][0] + t(ns + 1) * gk[k][1] + (absorption ? t(ns + 2) * gk[k][2] : 0.0);
                m += share[k] = p.parts[k].second * window * std::exp(std::clamp(t(column.at(p.parts[k].first)) + lnEff, -200.0, 50.0));
            }
            const double s = std::sqrt(p.sigma * p.sigma + std::pow(kLineSystematic * std::max(m, p.area), 2));
            const double res = (p.area - m) / s;
            chi2 += res * res;
            if (J) {
                const auto row = static_cast<Eigen::Index>(i);
                (*r)(row) = res;
                for (size_t k = 0; k < p.parts.size(); ++k) {
                    (*J)(row, column.at(p.parts[k].first)) -= share[k] / s;
                    (*J)(row, ns) -= share[k] * gk[k][0] / s;
                    (*J)(row, ns + 1) -= share[k] * gk[k][1] / s;
                    if (absorption)
                        (*J)(row, ns + 2) -= share[k] * gk[k][2] / s;
                }
            }
        }
        const double prior = t(ns + 1) / kCurvaturePrior;
        const double knee = absorption ? (t(ns + 2) - t(ns) / 3.0) / kKneePrior : 0.0;
        chi2 += prior * prior + knee * knee;
        if (J) {
            const auto row = static_cast<Eigen::Index>(pts.size());
            (*r)(row) = prior;
            (*J)(row, ns + 1) = 1.0 / kCurvaturePrior;
            if (absorption) {
                (*r)(row + 1) = knee;
                (*J)(row + 1, ns + 2) = 1.0 / kKneePrior;
                (*J)(row + 1, ns) = -1.0 / (3.0 * kKneePrior);
            }
        }
        return chi2;
    };
    if (!absorption)
        theta(ns + 2) = 0.0;
    Eigen::MatrixXd J;
    Eigen::VectorXd r;
    double chi2 = evaluate(theta, &J, &r);
    for (int iter = 0; iter < 60; ++iter) {
        H = J.transpose() * J;
        if (!absorption)
            H(ns + 2, ns + 2) = 1.0;
        H.diagonal().array() += 1e-9;
        const Eigen::VectorXd step = H.ldlt().solve(-J.transpose() * r);
        if (!step.allFinite())
            break;
        double lambda = 1.0, next = chi2;
        Eigen::VectorXd trial;
        for (int half = 0; half < 20; ++half, lambda *= 0.5) {
            trial = theta + lambda * step;
            if (absorption)
                trial(ns + 2) = std::min(trial(ns + 2), 0.0);  // absorption cannot raise the efficiency
            next = evaluate(trial, nullptr, nullptr);
            if (next < chi2)
                break;
        }
        if (!(next < chi2))
            break;
        const bool converged = chi2 - next < 1e-6 * std::max(1.0, chi2);
        theta = trial;
        chi2 = evaluate(theta, &J, &r);
        if (converged)
            break;
    }
    H = J.transpose() * J;
    if (!absorption)
        H(ns + 2, ns + 2) = 1.0;
    return chi2;
}

} // namespace

Result<int> DetectorResponse::fitEfficiency(const std::vector<Measured> &spectra, const EnergyGrid &grid)
{
    const size_t nb = static_cast<size_t>(grid.binCount());
    std::vector<LinePoint> all;
    // Net areas at the library energies (ActivityEstimator::measure: region fits with fixed positions and
    // widths) of each spectrum's net rate, as counts of a 1-s spectrum on the grid's binning.
    ActivityEstimator::Options ao;
    ao.minEnergyKeV = kMinLineEnergyKeV;
    ao.minIntensity = 0.005;
    const ActivityEstimator areas(EfficiencyCurve(), resolution, ao);
    // Composite spectra (backgrounds) list many lines of several chains: only the strong ones, so that the
    // regions (neighbours within 2.5 FWHM share one fit) stay short.
    ActivityEstimator::Options co = ao;
    co.minIntensity = kCompositeMinIntensity;
    const ActivityEstimator compositeAreas(EfficiencyCurve(), resolution, co);
    int si = 0;  // "spectrum" index: one per measured spectrum, or per component of a composite one
    for (const auto &m : spectra) {
        if ((!m.nuclide && m.components.empty()) || m.netRate.size() != nb || m.variance.size() != nb)
            continue;
        // The lines to measure: the nuclide's, or all components' and the other lines (each its own source).
        Nuclide joint;
        std::vector<std::pair<GammaLine, int>> tagged;  // line, source offset
        if (!m.components.empty()) {
            joint.name = QStringLiteral("components");
            for (size_t c = 0; c < m.components.size(); ++c)
                if (m.components[c])
                    for (const GammaLine &l : m.components[c]->lines)
                        if (l.intensity >= co.minIntensity)  // the lines measured (ActivityEstimator)
                            tagged.push_back({l, static_cast<int>(c)});
            for (size_t k = 0; k < m.otherLinesKeV.size(); ++k) {
                GammaLine l;
                l.energyKeV = m.otherLinesKeV[k];
                l.intensity = 1.0;
                tagged.push_back({l, static_cast<int>(m.components.size() + k)});
            }
            for (const auto &t : tagged)
                joint.lines.push_back(t.first);
            std::sort(joint.lines.begin(), joint.lines.end(), [](const GammaLine &a, const GammaLine &b) { return a.energyKeV < b.energyKeV; });
        }
        const Nuclide &measuredNuclide = m.components.empty() ? *m.nuclide : joint;
        Spectrum s;
        s.liveTime = 1.0;
        s.calibration = EnergyCalibration::linear(grid.width(0), grid.lowEdge(0));
        s.counts = m.netRate;
        const auto lines = (m.components.empty() ? areas : compositeAreas).measure(s, measuredNuclide);
        const int base = si;
        si += m.components.empty() ? 1 : static_cast<int>(m.components.size() + m.otherLinesKeV.size());
        if (!lines)
            continue;
        for (const LineActivity &l : *lines) {
            if (!(l.intensity > 0.0) || l.energyKeV < m.minEnergyKeV || !std::isfinite(l.peak.area))
                continue;
            const double fwhm = resolution.fwhmKeV(l.energyKeV);
            LinePoint point;
            if (m.components.empty()) {
                point.parts = {{base, l.intensity, l.energyKeV}};
                point.label = QStringLiteral("%1 %2").arg(m.nuclide->name).arg(l.energyKeV, 0, 'f', 1);
            } else {
                // The group's lines (merged within half a FWHM around its intensity-weighted energy), by source.
                std::map<int, double> bySource;
                for (const auto &[g, c] : tagged)
                    if (std::abs(g.energyKeV - l.energyKeV) <= 0.75 * fwhm)
                        bySource[c] += g.intensity;
                QStringList names;
                for (const auto &[c, intensity] : bySource) {
                    point.parts.push_back({base + c, intensity, l.energyKeV});
                    names << (c < static_cast<int>(m.components.size()) ? m.components[static_cast<size_t>(c)]->name : QStringLiteral("other"));
                }
                point.label = QStringLiteral("%1 %2").arg(names.join(QLatin1Char('+'))).arg(l.energyKeV, 0, 'f', 1);
                if (point.parts.empty())
                    continue;
            }
            // The region fit's uncertainty assumes Poisson counts; the net rate's variance is given instead.
            double var = 0.0;
            for (size_t b = 0; b < nb; ++b)
                if (std::abs(grid.center(static_cast<int>(b)) - l.energyKeV) < fwhm)
                    var += m.variance[b];
            point.sigma = std::sqrt(var) * 1.5;  // window variance inflated for the continuum estimate
            point.energyKeV = l.energyKeV;
            point.area = l.peak.area;
            point.measured = static_cast<int>(&m - spectra.data());
            if (point.sigma > 0.0)
                all.push_back(std::move(point));
        }
    }
    // Groups closer than 1.5 FWHM are one point (their areas summed): fixed-position areas of overlapping peaks
    // trade counts with each other (Tl208 583 and Bi214 609 keV in a NaI background), their sum does not.
    {
        std::vector<LinePoint> merged;
        for (auto &a : all) {
            LinePoint *last = merged.empty() ? nullptr : &merged.back();
            if (last && last->measured == a.measured
                && std::abs(a.energyKeV - last->parts.back().energyKeV) < 1.5 * resolution.fwhmKeV(a.energyKeV)) {
                last->parts.insert(last->parts.end(), a.parts.begin(), a.parts.end());
                last->energyKeV = a.energyKeV;
                last->area += a.area;
                last->sigma = std::hypot(last->sigma, a.sigma);
                last->label += QStringLiteral(" + ") + a.label;
            } else {
                merged.push_back(std::move(a));
            }
        }
        all = std::move(merged);
    }
    // Clearly measured lines only (5 sigma): a weak line beside a strong one or under a Compton edge gets a
    // region-fit area far from zero either way. A source informs the shape with at least two of them.
    std::map<int, int> detected;
    for (const auto &a : all)
        if (a.area >= 5.0 * a.sigma)
            for (const auto &part : a.parts)
                ++detected[part.first];
    std::vector<LinePoint> use;
    for (const auto &a : all) {
        bool informs = false;
        for (const auto &part : a.parts)
            informs = informs || detected[part.first] >= 2;
        if (informs && a.area >= 5.0 * a.sigma)
            use.push_back(a);
    }
    if (use.size() < 3)
        return makeError(QStringLiteral("detector response"), QStringLiteral("too few line pairs of one source to fit the efficiency shape"));
    std::map<int, int> column;
    for (const auto &a : use)
        for (const auto &part : a.parts)
            if (!column.count(part.first)) {
                const int c = static_cast<int>(column.size());
                column[part.first] = c;
            }
    const int ns = static_cast<int>(column.size());
    // Start: each source's activity from its most significant line (shared ones split evenly), a flat shape.
    Eigen::VectorXd start = Eigen::VectorXd::Zero(ns + 3);
    {
        std::map<int, double> best;
        for (const auto &a : use)
            for (const auto &part : a.parts) {
                const double ln = std::log(a.area / (part.second * static_cast<double>(a.parts.size())));
                if (!best.count(part.first) || a.area / a.sigma / static_cast<double>(a.parts.size()) > best[part.first]) {
                    best[part.first] = a.area / a.sigma / static_cast<double>(a.parts.size());
                    start(column[part.first]) = ln;
                }
            }
    }
    Eigen::VectorXd p = start;
    Eigen::MatrixXd H;
    bool withAbsorption = true;
    double chi2 = fitAreas(use, column, lowCutoffKeV, true, p, H);
    if (!(p(ns + 2) < 0.0)) {
        withAbsorption = false;  // no absorption seen: the polynomial alone
        p = start;
        chi2 = fitAreas(use, column, lowCutoffKeV, false, p, H);
    }
    if (!p.allFinite())
        return makeError(QStringLiteral("detector response"), QStringLiteral("efficiency shape fit failed"));
    efficiencyParams = {p(ns), p(ns + 1), withAbsorption ? p(ns + 2) : 0.0};
    {
        // Covariance of (p1, p2, q), scaled by chi2/ndf when the points scatter more than their errors.
        const int ndf = std::max(1, static_cast<int>(use.size()) - (ns + 3));
        Eigen::MatrixXd C = H.inverse().bottomRightCorner(3, 3) * std::max(1.0, chi2 / ndf);
        if (!withAbsorption)
            C.row(2).setZero(), C.col(2).setZero();
        efficiencyCovariance.assign(C.data(), C.data() + 9);
    }
    if (qEnvironmentVariableIsSet("PHOTOPEAK_DEBUG_EFFICIENCY")) {
        qInfo("efficiency fit: %d lines, %d spectra, chi2 %.1f, p1 %.3f p2 %.3f q %.4f", static_cast<int>(use.size()), ns, chi2,
              efficiencyParams[0], efficiencyParams[1], efficiencyParams[2]);
        for (const auto &a : use) {
            double model = 0.0;
            for (const auto &part : a.parts)
                model += part.second * std::exp(p(column[part.first])) * efficiencyShape(part.energyKeV);
            qInfo("eff point %s: area %.4g +- %.2g  model %.4g", qPrintable(a.label), a.area, a.sigma, model);
        }
    }
    efficiency = EfficiencyCurve();
    return static_cast<int>(use.size());
}

} // namespace photopeak
