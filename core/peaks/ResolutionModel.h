// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/EnergyCalibration.h"

#include <QString>

#include <array>
#include <vector>

namespace photopeak {

// Detector resolution FWHM(E) with FWHM^2 = a + b E + c E^2 (keV): noise, statistics and drift terms.
// Fitted by weighted least squares from peaks; with fewer than three peaks the higher terms are dropped.
class ResolutionModel {
public:
    struct Point {
        double energyKeV = 0.0;
        double fwhmKeV = 0.0;
        double fwhmUncKeV = 0.0;
    };

    ResolutionModel() = default;
    ResolutionModel(double a, double b, double c) : m_c{a, b, c} { m_valid = fwhmKeV(661.657) > 0.0; }
    // FWHM = fraction x E at refEnergy, scaling with sqrt(E) (statistics only).
    static ResolutionModel fromFraction(double fraction, double refEnergyKeV = 661.657);
    // Fails (returns an invalid model) when no point is usable.
    static ResolutionModel fit(const std::vector<Point> &points, int maxTerms = 3);

    bool isValid() const { return m_valid; }
    double fwhmKeV(double energyKeV) const;
    // FWHM in channels at a channel position, through the energy calibration's local slope.
    double fwhmChannels(double channel, const EnergyCalibration &calibration) const;
    const std::array<double, 3> &coefficients() const { return m_c; }
    double rmsRelativeResidual() const { return m_rmsRelative; }
    int pointsUsed() const { return m_points; }

    QString toString() const;  // "a b c" keV^2, keV, 1
    static ResolutionModel fromString(const QString &text);

private:
    std::array<double, 3> m_c{0.0, 0.0, 0.0};
    bool m_valid = false;
    double m_rmsRelative = 0.0;
    int m_points = 0;
};

} // namespace photopeak
