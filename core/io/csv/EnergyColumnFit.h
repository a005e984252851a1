// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/EnergyCalibration.h"

#include <QString>

#include <vector>

namespace photopeak {

// Energy calibration recovered from a per-channel energy column (energies[i] = E(i), channel index i).
// A constant step (within the rounding of the text) gives a linear calibration; otherwise a least-squares
// quadratic is fitted.
class EnergyColumnFit {
public:
    // `rounding` is the unit of the last written digit (0.0001 for "661.6570"); steps that vary by no more
    // than that count as constant.
    static EnergyColumnFit fit(const std::vector<double> &energies, double rounding);

    bool ok() const { return m_problem.isEmpty(); }
    const QString &problem() const { return m_problem; }
    const EnergyCalibration &calibration() const { return m_calibration; }
    bool isLinear() const { return m_linear; }
    double maxResidualKeV() const { return m_maxResidual; }

private:
    EnergyCalibration m_calibration;
    bool m_linear = false;
    double m_maxResidual = 0.0;
    QString m_problem;
};

} // namespace photopeak
