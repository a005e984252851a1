// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QString>

#include <array>
#include <vector>

namespace photopeak {

// Polynomial energy calibration E(x) = c0 + c1 x + c2 x^2 + c3 x^3 keV, x = channel index (0-based).
// Channel i covers the energy interval [E(i), E(i + 1)).
class EnergyCalibration {
public:
    static constexpr int MaxDegree = 3;

    EnergyCalibration() = default;
    static EnergyCalibration linear(double slope, double offset);
    static EnergyCalibration quadratic(double offset, double slope, double quad);
    static EnergyCalibration fromCoefficients(const std::vector<double> &coefficients);

    const std::array<double, MaxDegree + 1> &coefficients() const { return m_c; }
    double offset() const { return m_c[0]; }
    double slope() const { return m_c[1]; }
    int degree() const;

    double energyAt(double channel) const
    {
        return m_c[0] + channel * (m_c[1] + channel * (m_c[2] + channel * m_c[3]));
    }
    // Inverse of energyAt on [0, channelCount]; requires isValid(channelCount).
    double channelAt(double energyKeV, int channelCount) const;
    // Lower edges of every channel plus the upper edge of the last: channelCount + 1 values.
    std::vector<double> channelEdges(int channelCount) const;

    // Finite coefficients and strictly increasing energy over the channel range.
    bool isValid(int channelCount) const;
    QString problem(int channelCount) const;  // empty when valid
    QString toString() const;

    bool operator==(const EnergyCalibration &other) const = default;

private:
    std::array<double, MaxDegree + 1> m_c{0.0, 0.0, 0.0, 0.0};
};

} // namespace photopeak
