// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/csv/EnergyColumnFit.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>

namespace photopeak {

namespace {
// Least-squares polynomial of `degree` in the channel index, fitted on t = i / (n - 1) for conditioning
// and converted back to coefficients of i.
std::vector<double> polyfit(const std::vector<double> &energies, int degree)
{
    const Eigen::Index n = static_cast<Eigen::Index>(energies.size());
    const double scale = static_cast<double>(n - 1);
    Eigen::MatrixXd a(n, degree + 1);
    Eigen::VectorXd b(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / scale;
        double p = 1.0;
        for (int k = 0; k <= degree; ++k, p *= t)
            a(i, k) = p;
        b(i) = energies[static_cast<size_t>(i)];
    }
    const Eigen::VectorXd c = a.colPivHouseholderQr().solve(b);
    std::vector<double> out(static_cast<size_t>(degree + 1));
    for (int k = 0; k <= degree; ++k)
        out[static_cast<size_t>(k)] = c(k) / std::pow(scale, k);
    return out;
}

double maxResidual(const std::vector<double> &energies, const EnergyCalibration &calibration)
{
    double worst = 0.0;
    for (size_t i = 0; i < energies.size(); ++i)
        worst = std::max(worst, std::abs(energies[i] - calibration.energyAt(static_cast<double>(i))));
    return worst;
}
} // namespace

EnergyColumnFit EnergyColumnFit::fit(const std::vector<double> &energies, double rounding)
{
    EnergyColumnFit result;
    if (energies.size() < 2) {
        result.m_problem = QStringLiteral("at least two channels are needed to derive a calibration");
        return result;
    }
    for (double e : energies)
        if (!std::isfinite(e)) {
            result.m_problem = QStringLiteral("the energy column holds a value that is not a finite number");
            return result;
        }
    const EnergyCalibration linear = EnergyCalibration::fromCoefficients(polyfit(energies, 1));
    const double linearResidual = maxResidual(energies, linear);
    if (energies.size() < 3 || linearResidual <= std::max(rounding, 1e-9 * std::abs(energies.back()))) {
        result.m_calibration = linear;
        result.m_linear = true;
        result.m_maxResidual = linearResidual;
        return result;
    }
    result.m_calibration = EnergyCalibration::fromCoefficients(polyfit(energies, 2));
    result.m_maxResidual = maxResidual(energies, result.m_calibration);
    return result;
}

} // namespace photopeak
