// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "spectrum/EnergyGrid.h"

#include <cmath>

namespace photopeak {

EnergyGrid::EnergyGrid(std::vector<double> edges) : m_edges(std::move(edges)) {}

EnergyGrid EnergyGrid::uniform(double lowKeV, double highKeV, double width)
{
    const int n = static_cast<int>(std::llround((highKeV - lowKeV) / width));
    std::vector<double> edges(static_cast<size_t>(std::max(n, 0)) + 1);
    for (size_t i = 0; i < edges.size(); ++i)
        edges[i] = lowKeV + width * static_cast<double>(i);
    return EnergyGrid(std::move(edges));
}

EnergyGrid EnergyGrid::fromCalibration(const EnergyCalibration &calibration, int channels)
{
    return EnergyGrid(calibration.channelEdges(channels));
}

EnergyGrid EnergyGrid::gammaFlowDefault()
{
    return fromCalibration(EnergyCalibration::quadratic(-12.0, 8.15, 0.0012), 256);
}

std::vector<double> EnergyGrid::centers() const
{
    std::vector<double> c(static_cast<size_t>(binCount()));
    for (int i = 0; i < binCount(); ++i)
        c[static_cast<size_t>(i)] = center(i);
    return c;
}

bool EnergyGrid::isValid() const
{
    if (m_edges.size() < 2)
        return false;
    for (size_t i = 0; i + 1 < m_edges.size(); ++i)
        if (!(m_edges[i + 1] > m_edges[i]) || !std::isfinite(m_edges[i + 1]))
            return false;
    return std::isfinite(m_edges.front());
}

QString EnergyGrid::describe() const
{
    if (!isValid())
        return QStringLiteral("invalid grid");
    return QStringLiteral("%1 bins, %2..%3 keV").arg(binCount()).arg(m_edges.front()).arg(m_edges.back());
}

} // namespace photopeak
