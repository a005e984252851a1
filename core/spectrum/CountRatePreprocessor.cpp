// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "spectrum/CountRatePreprocessor.h"

#include <cmath>

namespace photopeak {

CountRatePreprocessor::CountRatePreprocessor() : CountRatePreprocessor(Options{}) {}

CountRatePreprocessor::CountRatePreprocessor(Options options)
    : m_options(std::move(options)), m_rebinner(m_options.grid), m_smoother(m_options.smoothWindow, m_options.smoothOrder),
      m_scratch(static_cast<size_t>(m_options.grid.binCount()))
{
}

void CountRatePreprocessor::finish(double liveTime, double *out)
{
    const int n = binCount();
    const double inv = 1.0 / liveTime;
    if (m_options.smooth && m_smoother.isValid()) {
        m_smoother.apply(m_scratch.data(), out, n, inv);
    } else {
        for (int i = 0; i < n; ++i)
            out[i] = m_scratch[static_cast<size_t>(i)] * inv;
    }
}

bool CountRatePreprocessor::process(const Spectrum &spectrum, double *out)
{
    if (!(spectrum.liveTime > 0.0) || !std::isfinite(spectrum.liveTime) || spectrum.problems.blocksAnalysis())
        return false;
    m_rebinner.rebin(spectrum, m_scratch.data());
    finish(spectrum.liveTime, out);
    return true;
}

std::vector<double> CountRatePreprocessor::process(const Spectrum &spectrum)
{
    std::vector<double> out(static_cast<size_t>(binCount()));
    if (!process(spectrum, out.data()))
        return {};
    return out;
}

bool CountRatePreprocessor::process(const qint32 *counts, int channelCount, const EnergyCalibration &calibration,
                                    double liveTime, double *out)
{
    if (!(liveTime > 0.0) || !std::isfinite(liveTime) || channelCount <= 0)
        return false;
    m_rebinner.rebin(counts, channelCount, calibration, m_scratch.data());
    finish(liveTime, out);
    return true;
}

} // namespace photopeak
