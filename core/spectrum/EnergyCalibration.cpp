// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "spectrum/EnergyCalibration.h"

#include <QStringList>

#include <cmath>

namespace photopeak {

EnergyCalibration EnergyCalibration::linear(double slope, double offset)
{
    EnergyCalibration c;
    c.m_c = {offset, slope, 0.0, 0.0};
    return c;
}

EnergyCalibration EnergyCalibration::quadratic(double offset, double slope, double quad)
{
    EnergyCalibration c;
    c.m_c = {offset, slope, quad, 0.0};
    return c;
}

EnergyCalibration EnergyCalibration::fromCoefficients(const std::vector<double> &coefficients)
{
    EnergyCalibration c;
    for (size_t i = 0; i < coefficients.size() && i <= MaxDegree; ++i)
        c.m_c[i] = coefficients[i];
    return c;
}

int EnergyCalibration::degree() const
{
    for (int k = MaxDegree; k > 0; --k)
        if (m_c[k] != 0.0)
            return k;
    return 0;
}

double EnergyCalibration::channelAt(double energyKeV, int channelCount) const
{
    if (degree() <= 1)
        return m_c[1] != 0.0 ? (energyKeV - m_c[0]) / m_c[1] : 0.0;
    // Monotonic on [0, n]: bisection bracket refined by Newton steps.
    double lo = 0.0, hi = channelCount;
    if (energyKeV <= energyAt(lo))
        lo = -channelCount;  // allow extrapolation below the first edge
    if (energyKeV >= energyAt(hi))
        hi = 2.0 * channelCount;
    double x = 0.5 * (lo + hi);
    for (int it = 0; it < 100; ++it) {
        const double f = energyAt(x) - energyKeV;
        if (std::abs(f) < 1e-12 * std::max(1.0, std::abs(energyKeV)))
            break;
        if (f > 0)
            hi = x;
        else
            lo = x;
        const double d = m_c[1] + x * (2.0 * m_c[2] + 3.0 * x * m_c[3]);
        double next = d > 0 ? x - f / d : 0.5 * (lo + hi);
        if (!(next > lo && next < hi))
            next = 0.5 * (lo + hi);
        x = next;
    }
    return x;
}

std::vector<double> EnergyCalibration::channelEdges(int channelCount) const
{
    std::vector<double> edges(static_cast<size_t>(std::max(channelCount, 0)) + 1);
    for (size_t i = 0; i < edges.size(); ++i)
        edges[i] = energyAt(static_cast<double>(i));
    return edges;
}

QString EnergyCalibration::problem(int channelCount) const
{
    for (double c : m_c)
        if (!std::isfinite(c))
            return QStringLiteral("calibration coefficient is not a finite number");
    if (degree() == 0)
        return QStringLiteral("calibration slope is 0 (no energy calibration)");
    // Strictly increasing: derivative positive at both ends and at the vertex of a quadratic derivative.
    auto deriv = [this](double x) { return m_c[1] + x * (2.0 * m_c[2] + 3.0 * x * m_c[3]); };
    std::vector<double> probes{0.0, static_cast<double>(channelCount)};
    if (m_c[3] != 0.0) {
        const double vertex = -m_c[2] / (3.0 * m_c[3]);
        if (vertex > 0 && vertex < channelCount)
            probes.push_back(vertex);
    }
    for (double x : probes)
        if (!(deriv(x) > 0.0))
            return QStringLiteral("energy does not increase with channel number over the %1 channels")
                .arg(channelCount);
    return {};
}

bool EnergyCalibration::isValid(int channelCount) const { return problem(channelCount).isEmpty(); }

QString EnergyCalibration::toString() const
{
    QStringList terms{QString::number(m_c[0], 'g', 8)};
    static const char *powers[] = {"", " x", " x^2", " x^3"};
    for (int k = 1; k <= degree(); ++k)
        terms << QString::number(m_c[k], 'g', 8) + QLatin1String(powers[k]);
    return QStringLiteral("E = ") + terms.join(QStringLiteral(" + ")) + QStringLiteral(" keV");
}

} // namespace photopeak
