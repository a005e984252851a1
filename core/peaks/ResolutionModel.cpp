// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "peaks/ResolutionModel.h"

#include <Eigen/Dense>

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace photopeak {

ResolutionModel ResolutionModel::fromFraction(double fraction, double refEnergyKeV)
{
    const double f = fraction * refEnergyKeV;
    ResolutionModel m(0.0, f * f / refEnergyKeV, 0.0);
    m.m_valid = fraction > 0.0 && refEnergyKeV > 0.0;
    return m;
}

ResolutionModel ResolutionModel::fit(const std::vector<Point> &points, int maxTerms)
{
    std::vector<Point> use;
    for (const auto &p : points)
        if (p.energyKeV > 0.0 && p.fwhmKeV > 0.0 && std::isfinite(p.fwhmKeV) && std::isfinite(p.energyKeV))
            use.push_back(p);
    ResolutionModel m;
    if (use.empty())
        return m;
    // Robust loop: fit, drop the worst point if it is more than 4 sigma (relative 25 %) off, refit.
    for (int pass = 0; pass < 4; ++pass) {
        const int n = static_cast<int>(use.size());
        int terms = std::clamp(std::min(maxTerms, n), 1, 3);
        // One point: statistics term only. Two: a + bE.
        std::array<double, 3> c{0.0, 0.0, 0.0};
        for (;;) {
            Eigen::MatrixXd A(n, terms);
            Eigen::VectorXd y(n);
            for (int i = 0; i < n; ++i) {
                const double e = use[i].energyKeV, f = use[i].fwhmKeV;
                // sigma(F^2) = 2 F sigma(F); floor of 2 % of F so that one very precise peak cannot dominate.
                const double sf = std::max(use[i].fwhmUncKeV, 0.02 * f);
                const double w = 1.0 / (2.0 * f * sf);
                const double basis[3] = {1.0, e, e * e};
                const int first = terms == 1 ? 1 : 0;
                for (int k = 0; k < terms; ++k)
                    A(i, k) = basis[first + k] * w;
                y(i) = f * f * w;
            }
            const Eigen::VectorXd x = A.colPivHouseholderQr().solve(y);
            c = {0.0, 0.0, 0.0};
            const int first = terms == 1 ? 1 : 0;
            for (int k = 0; k < terms; ++k)
                c[first + k] = x(k);
            // Must stay positive over the range of the data (and a little beyond).
            double emax = 0.0;
            for (const auto &p : use)
                emax = std::max(emax, p.energyKeV);
            bool positive = true;
            for (double e = 1.0; e <= 1.5 * emax; e += emax / 50.0)
                positive = positive && (c[0] + c[1] * e + c[2] * e * e) > 0.0;
            if (positive || terms == 1)
                break;
            --terms;
        }
        m.m_c = c;
        m.m_valid = true;
        m.m_points = static_cast<int>(use.size());
        double worst = 0.0, ss = 0.0;
        int worstIdx = -1;
        for (int i = 0; i < static_cast<int>(use.size()); ++i) {
            const double rel = m.fwhmKeV(use[i].energyKeV) / use[i].fwhmKeV - 1.0;
            ss += rel * rel;
            const double pull = std::abs(m.fwhmKeV(use[i].energyKeV) - use[i].fwhmKeV)
                                / std::max(use[i].fwhmUncKeV, 0.02 * use[i].fwhmKeV);
            if (std::abs(rel) > 0.25 && pull > 4.0 && pull > worst) {
                worst = pull;
                worstIdx = i;
            }
        }
        m.m_rmsRelative = std::sqrt(ss / use.size());
        if (worstIdx < 0 || use.size() <= 3)
            break;
        use.erase(use.begin() + worstIdx);
    }
    return m;
}

double ResolutionModel::fwhmKeV(double e) const
{
    const double v = m_c[0] + m_c[1] * e + m_c[2] * e * e;
    return v > 0.0 ? std::sqrt(v) : 0.0;
}

double ResolutionModel::fwhmChannels(double channel, const EnergyCalibration &cal) const
{
    const double e = cal.energyAt(channel);
    const double slope = (cal.energyAt(channel + 0.5) - cal.energyAt(channel - 0.5));
    if (!(slope > 0.0))
        return 0.0;
    return fwhmKeV(e) / slope;
}

QString ResolutionModel::toString() const
{
    return QStringLiteral("%1 %2 %3").arg(m_c[0], 0, 'g', 10).arg(m_c[1], 0, 'g', 10).arg(m_c[2], 0, 'g', 10);
}

ResolutionModel ResolutionModel::fromString(const QString &text)
{
    const QStringList p = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    ResolutionModel m;
    if (p.size() != 3)
        return m;
    bool ok[3];
    m.m_c = {p[0].toDouble(&ok[0]), p[1].toDouble(&ok[1]), p[2].toDouble(&ok[2])};
    m.m_valid = ok[0] && ok[1] && ok[2] && m.fwhmKeV(661.657) > 0.0;
    return m;
}

} // namespace photopeak
