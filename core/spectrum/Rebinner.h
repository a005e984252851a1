// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/EnergyGrid.h"
#include "spectrum/RebinPlan.h"
#include "spectrum/Spectrum.h"

#include <array>
#include <memory>
#include <vector>

namespace photopeak {

// Rebins spectra of any calibration onto one grid, keeping the few most recent plans: spectra of one
// detector share a handful of calibrations. Not thread-safe: use one Rebinner per thread.
class Rebinner {
public:
    explicit Rebinner(EnergyGrid grid);

    const EnergyGrid &grid() const { return m_grid; }
    const RebinPlan &planFor(const EnergyCalibration &calibration, int channelCount);

    std::vector<double> rebin(const Spectrum &spectrum);
    void rebin(const Spectrum &spectrum, double *out);
    template <typename T>
    void rebin(const T *counts, int channelCount, const EnergyCalibration &calibration, double *out)
    {
        planFor(calibration, channelCount).apply(counts, out);
    }

private:
    struct Entry {
        EnergyCalibration calibration;
        int channelCount = -1;
        std::shared_ptr<const RebinPlan> plan;
    };
    EnergyGrid m_grid;
    std::array<Entry, 8> m_cache;
    size_t m_next = 0;
};

} // namespace photopeak
