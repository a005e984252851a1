// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/PreparedSpectrum.h"
#include "spectrum/Rebinner.h"
#include "spectrum/Spectrum.h"
#include "util/Result.h"

namespace photopeak {

// Spectrum -> PreparedSpectrum on one energy grid (count-conserving rebin; float live time).
// Refuses spectra whose problems block analysis, naming the file. Keeps rebin plans: one per thread.
class SpectrumPreparer {
public:
    explicit SpectrumPreparer(EnergyGrid grid = EnergyGrid::xgdDefault());

    const EnergyGrid &grid() const { return m_rebinner.grid(); }
    Result<PreparedSpectrum> prepare(const Spectrum &spectrum);
    // Raw int32 channel counts (e.g. straight from .sps bytes) without building a Spectrum.
    Result<PreparedSpectrum> prepare(const qint32 *counts, int channelCount, const EnergyCalibration &calibration,
                                     double liveTime, const QString &source);
    // Counts only (no live-time check): used to rebin synthetic channel counts.
    void rebinCounts(const double *counts, int channelCount, const EnergyCalibration &calibration, double *out);

private:
    Rebinner m_rebinner;
};

} // namespace photopeak
