// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "spectrum/Rebinner.h"

namespace photopeak {

Rebinner::Rebinner(EnergyGrid grid) : m_grid(std::move(grid)) {}

const RebinPlan &Rebinner::planFor(const EnergyCalibration &calibration, int channelCount)
{
    for (const Entry &e : m_cache)
        if (e.plan && e.channelCount == channelCount && e.calibration == calibration)
            return *e.plan;
    Entry &slot = m_cache[m_next];
    m_next = (m_next + 1) % m_cache.size();
    slot.calibration = calibration;
    slot.channelCount = channelCount;
    slot.plan = std::make_shared<const RebinPlan>(calibration, channelCount, m_grid);
    return *slot.plan;
}

std::vector<double> Rebinner::rebin(const Spectrum &spectrum)
{
    std::vector<double> out(static_cast<size_t>(m_grid.binCount()));
    rebin(spectrum, out.data());
    return out;
}

void Rebinner::rebin(const Spectrum &spectrum, double *out)
{
    planFor(spectrum.calibration, spectrum.channelCount()).apply(spectrum.counts.data(), out);
}

} // namespace photopeak
