// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/Rebinner.h"
#include "spectrum/SavitzkyGolay.h"
#include "spectrum/Spectrum.h"

#include <vector>

namespace photopeak {

// Spectrum -> count rate per bin on a fixed energy grid: count-conserving rebin, optional Savitzky-Golay
// smoothing, division by the (float) live time. The XGD preprocessing of methods.md 1.2 with its bugs fixed.
// Keeps its rebin plans: use one instance per thread.
class CountRatePreprocessor {
public:
    struct Options {
        EnergyGrid grid = EnergyGrid::xgdDefault();
        bool smooth = true;
        int smoothWindow = 5;
        int smoothOrder = 2;
    };

    CountRatePreprocessor();
    explicit CountRatePreprocessor(Options options);

    const Options &options() const { return m_options; }
    int binCount() const { return m_rebinner.grid().binCount(); }

    // Writes binCount() values to `out`. Returns false (out untouched) when the spectrum has no usable
    // live time or is flagged unusable.
    bool process(const Spectrum &spectrum, double *out);
    std::vector<double> process(const Spectrum &spectrum);
    // The same for raw int32 counts, e.g. straight from .sps bytes, without building a Spectrum.
    bool process(const qint32 *counts, int channelCount, const EnergyCalibration &calibration, double liveTime,
                 double *out);

private:
    void finish(double liveTime, double *out);

    Options m_options;
    Rebinner m_rebinner;
    SavitzkyGolay m_smoother;
    std::vector<double> m_scratch;
};

} // namespace photopeak
