// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/templates/DetectorResponse.h"

#include "peaks/ActivityEstimator.h"
#include "peaks/LineActivity.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <Eigen/Dense>

namespace photopeak {


Result<int> DetectorResponse::fitEfficiency(const std::vector<Measured> &spectra, const EnergyGrid &grid)
{
    const size_t nb = static_cast<size_t>(grid.binCount());
    struct Amp {
        int spectrum;
        double energyKeV, lnRatio, sigma;  // ln(net area rate / intensity) and its relative standard deviation
        QString label;
    };
    std::vector<Amp> amps;
    // Net areas at the library energies (ActivityEstimator::measure: region fits with fixed positions and
    // widths) of each spectrum's net rate, as counts of a 1-s spectrum on the grid's binning.
    ActivityEstimator::Options ao;
    ao.minEnergyKeV = 30.0;
    ao.minIntensity = 0.005;
    const ActivityEstimator areas(EfficiencyCurve(), resolution, ao);
    int si = 0;
    for (const auto &m : spectra) {
        ++si;
        if (!m.nuclide || m.netRate.size() != nb || m.variance.size() != nb)
            continue;
        Spectrum s;
        s.liveTime = 1.0;
        s.calibration = EnergyCalibration::linear(grid.width(0), grid.lowEdge(0));
        s.counts = m.netRate;
        const auto lines = areas.measure(s, *m.nuclide);
        if (!lines)
            continue;
        for (const LineActivity &l : *lines) {
            if (!(l.peak.area > 0.0) || !(l.intensity > 0.0))
                continue;
            // The region fit's uncertainty assumes Poisson counts; the net rate's variance is given instead.
            double var = 0.0;
            const double fwhm = resolution.fwhmKeV(l.energyKeV);
            for (size_t b = 0; b < nb; ++b)
                if (std::abs(grid.center(static_cast<int>(b)) - l.energyKeV) < fwhm)
                    var += m.variance[b];
            const double sigma = std::sqrt(var) * 1.5;  // window variance inflated for the continuum estimate
            if (l.peak.area < 5.0 * sigma)
                continue;
            amps.push_back({si - 1, l.energyKeV, std::log(l.peak.area / l.intensity), sigma / l.peak.area,
                            QStringLiteral("%1 %2").arg(m.nuclide->name).arg(l.energyKeV, 0, 'f', 1)});
        }
    }
    std::map<int, int> perSpectrum;
    for (const auto &a : amps)
        ++perSpectrum[a.spectrum];
    std::vector<Amp> use;
    for (const auto &a : amps)
        if (perSpectrum[a.spectrum] >= 2)
            use.push_back(a);
    if (use.size() < 3)
        return makeError(QStringLiteral("detector response"), QStringLiteral("too few line pairs of one source to fit the efficiency shape"));
    // One linear least-squares problem: ln(amplitude / intensity) = ln A_spectrum + p1 x + p2 x^2 + q w with
    // x = ln(E / 500 keV) and w = (100 keV / E)^3 (absorption in front of the detector, q <= 0). The
    // curvature has a weak prior (sigma 0.3) so that sparse data (two lines per source) give a power law.
    std::map<int, int> column;
    for (const auto &a : use)
        if (!column.count(a.spectrum)) {
            const int c = static_cast<int>(column.size());
            column[a.spectrum] = c;
        }
    const int ns = static_cast<int>(column.size());
    bool withAbsorption = true;
    Eigen::VectorXd p;
    for (int attempt = 0; attempt < 2; ++attempt) {
        const int np = ns + 3;
        Eigen::MatrixXd A = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(use.size()) + 1, np);
        Eigen::VectorXd b = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(use.size()) + 1);
        for (size_t i = 0; i < use.size(); ++i) {
            const auto &a = use[i];
            const double w = 1.0 / std::sqrt(a.sigma * a.sigma + 0.03 * 0.03);  // 3 % line-to-line systematic
            const double x = std::log(a.energyKeV / 500.0);
            A(static_cast<Eigen::Index>(i), column[a.spectrum]) = w;
            A(static_cast<Eigen::Index>(i), ns) = w * x;
            A(static_cast<Eigen::Index>(i), ns + 1) = w * x * x;
            A(static_cast<Eigen::Index>(i), ns + 2) = withAbsorption ? w * std::pow(100.0 / a.energyKeV, 3) : 0.0;
            b(static_cast<Eigen::Index>(i)) = w * a.lnRatio;
        }
        A(static_cast<Eigen::Index>(use.size()), ns + 1) = 1.0 / 0.3;
        Eigen::MatrixXd H = A.transpose() * A;
        if (!withAbsorption)
            H(ns + 2, ns + 2) = 1.0;
        p = H.ldlt().solve(A.transpose() * b);
        if (!p.allFinite())
            return makeError(QStringLiteral("detector response"), QStringLiteral("efficiency shape fit failed"));
        if (p(ns + 2) <= 0.0)
            break;
        withAbsorption = false;  // absorption cannot raise the efficiency: refit without it
    }
    efficiencyParams = {p(ns), p(ns + 1), withAbsorption ? p(ns + 2) : 0.0};
    {
        // Covariance of (p1, p2, q), scaled by chi2/ndf when the points scatter more than their errors.
        const int np = ns + 3;
        Eigen::MatrixXd A = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(use.size()) + 1, np);
        Eigen::VectorXd b = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(use.size()) + 1);
        for (size_t i = 0; i < use.size(); ++i) {
            const auto &a = use[i];
            const double w = 1.0 / std::sqrt(a.sigma * a.sigma + 0.03 * 0.03);
            const double x = std::log(a.energyKeV / 500.0);
            A(static_cast<Eigen::Index>(i), column[a.spectrum]) = w;
            A(static_cast<Eigen::Index>(i), ns) = w * x;
            A(static_cast<Eigen::Index>(i), ns + 1) = w * x * x;
            A(static_cast<Eigen::Index>(i), ns + 2) = withAbsorption ? w * std::pow(100.0 / a.energyKeV, 3) : 0.0;
            b(static_cast<Eigen::Index>(i)) = w * a.lnRatio;
        }
        A(static_cast<Eigen::Index>(use.size()), ns + 1) = 1.0 / 0.3;
        Eigen::MatrixXd H = A.transpose() * A;
        if (!withAbsorption)
            H(ns + 2, ns + 2) = 1.0;
        const double chi2 = (A * p - b).squaredNorm();
        const int ndf = std::max(1, static_cast<int>(use.size()) - np);
        const Eigen::MatrixXd C = H.inverse().bottomRightCorner(3, 3) * std::max(1.0, chi2 / ndf);
        efficiencyCovariance.assign(C.data(), C.data() + 9);
        if (!withAbsorption)
            efficiencyCovariance[8] = 0.0;
    }
    if (qEnvironmentVariableIsSet("PHOTOPEAK_DEBUG_EFFICIENCY"))
        for (const auto &a : use)
            qInfo("eff point %s: ln(a/I) %.3f sigma %.3f  ln A %.3f  model %.3f", qPrintable(a.label), a.lnRatio, a.sigma,
                  p(column[a.spectrum]), p(column[a.spectrum]) + p(ns) * std::log(a.energyKeV / 500.0)
                      + p(ns + 1) * std::pow(std::log(a.energyKeV / 500.0), 2) + efficiencyParams[2] * std::pow(100.0 / a.energyKeV, 3));
    efficiency = EfficiencyCurve();
    return static_cast<int>(use.size());
}

} // namespace photopeak
