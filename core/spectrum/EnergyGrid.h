// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/EnergyCalibration.h"

#include <QString>

#include <vector>

namespace photopeak {

// A target binning: bin k covers [edges[k], edges[k + 1]) keV.
class EnergyGrid {
public:
    EnergyGrid() = default;
    explicit EnergyGrid(std::vector<double> edges);
    // Uniform bins of `width` keV from `lowKeV` up to `highKeV` (e.g. 0, 1500, 1 -> 1500 bins of 1 keV).
    static EnergyGrid uniform(double lowKeV, double highKeV, double width);
    // The bins of a calibrated channel axis, e.g. the GAMMA_FLOW standard grid.
    static EnergyGrid fromCalibration(const EnergyCalibration &calibration, int channels);
    // XGD analysis grid: 1-keV bins over 0..1499 keV.
    static EnergyGrid xgdDefault() { return uniform(0.0, 1500.0, 1.0); }
    // GAMMA_FLOW standard grid: E = -12.0 + 8.15 i + 0.0012 i^2 keV, 256 channels.
    static EnergyGrid gammaFlowDefault();

    int binCount() const { return m_edges.empty() ? 0 : static_cast<int>(m_edges.size()) - 1; }
    const std::vector<double> &edges() const { return m_edges; }
    double lowEdge(int bin) const { return m_edges[bin]; }
    double center(int bin) const { return 0.5 * (m_edges[bin] + m_edges[bin + 1]); }
    double width(int bin) const { return m_edges[bin + 1] - m_edges[bin]; }
    std::vector<double> centers() const;
    bool isValid() const;  // at least one bin, strictly increasing edges
    QString describe() const;

    bool operator==(const EnergyGrid &other) const = default;

private:
    std::vector<double> m_edges;
};

} // namespace photopeak
