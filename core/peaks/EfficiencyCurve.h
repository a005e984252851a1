// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace photopeak {

// Full-energy-peak efficiency of one detector at a reference distance: counts in the peak per emitted photon.
// ln(eff) = sum_k p_k ln(E / 500 keV)^k, fitted by weighted least squares on points from reference sources;
// the parameter covariance (scaled by chi2/ndf when above 1, so scatter between sources counts) gives the
// uncertainty of eff at any energy. Outside the fitted energy range the curve is extrapolated linearly in
// log-log and flagged.
class EfficiencyCurve {
public:
    struct Point {
        double energyKeV = 0.0;
        double efficiency = 0.0;
        double efficiencyUnc = 0.0;  // 1 sigma, absolute
        QString label;               // e.g. "Eu152 344.28 (srcs/Eu152/60s/15cm)"
    };

    EfficiencyCurve() = default;
    static Result<EfficiencyCurve> fit(const std::vector<Point> &points, int degree, double referenceDistanceCm);

    bool isValid() const { return !m_p.empty(); }
    double efficiency(double energyKeV) const;
    double relativeUncertainty(double energyKeV) const;  // sigma(eff) / eff from the fit covariance
    // d ln(eff) / d p_k at an energy (for correlated uncertainties of several lines).
    std::vector<double> gradient(double energyKeV) const;
    const std::vector<double> &covariance() const { return m_cov; }  // row-major, size degree+1 squared
    int parameterCount() const { return static_cast<int>(m_p.size()); }
    bool inRange(double energyKeV) const { return energyKeV >= m_emin && energyKeV <= m_emax; }
    double minEnergy() const { return m_emin; }
    double maxEnergy() const { return m_emax; }
    double referenceDistanceCm() const { return m_refDistance; }
    double reducedChi2() const { return m_chi2ndf; }
    const std::vector<Point> &points() const { return m_points; }

    QString detector;       // free text: which detector this curve belongs to
    double detectorRadiusCm = 7.0;  // r of the distance correction ((d + r) / (d_ref + r))^2
    QString resolution;     // ResolutionModel::toString() of the same detector, kept with the curve

    // JSON file with format version; writes go through a temporary file.
    QByteArray toJson() const;
    static Result<EfficiencyCurve> fromJson(const QByteArray &json, const QString &source);
    Status save(const QString &path) const;
    static Result<EfficiencyCurve> load(const QString &path);

private:
    double x(double energyKeV) const;
    std::vector<double> m_p;
    std::vector<double> m_cov;
    double m_emin = 0.0, m_emax = 0.0;
    double m_refDistance = 0.0;
    double m_chi2ndf = 0.0;
    std::vector<Point> m_points;
};

} // namespace photopeak
