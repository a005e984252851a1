// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "features/SpectrumPreparer.h"

#include <cmath>

namespace photopeak {

SpectrumPreparer::SpectrumPreparer(EnergyGrid grid) : m_rebinner(std::move(grid)) {}

Result<PreparedSpectrum> SpectrumPreparer::prepare(const Spectrum &spectrum)
{
    if (spectrum.problems.blocksAnalysis())
        return makeError(spectrum.sourcePath, QStringLiteral("cannot be analysed: %1")
                                                  .arg(spectrum.problems.descriptions().join(QStringLiteral("; "))),
                         spectrum.problems.bits());
    if (!(spectrum.liveTime > 0.0) || !std::isfinite(spectrum.liveTime))
        return makeError(spectrum.sourcePath, QStringLiteral("no usable live time (count rate undefined)"),
                         unsigned(SpectrumProblem::NonPositiveLiveTime));
    if (!spectrum.calibration.isValid(spectrum.channelCount()))
        return makeError(spectrum.sourcePath, QStringLiteral("invalid energy calibration: %1")
                                                  .arg(spectrum.calibration.problem(spectrum.channelCount())),
                         unsigned(SpectrumProblem::InvalidCalibration));
    PreparedSpectrum p;
    p.counts.resize(static_cast<size_t>(grid().binCount()));
    m_rebinner.rebin(spectrum, p.counts.data());
    p.liveTime = spectrum.liveTime;
    return p;
}

Result<PreparedSpectrum> SpectrumPreparer::prepare(const qint32 *counts, int channelCount,
                                                   const EnergyCalibration &calibration, double liveTime,
                                                   const QString &source)
{
    if (!(liveTime > 0.0) || !std::isfinite(liveTime))
        return makeError(source, QStringLiteral("no usable live time (count rate undefined)"),
                         unsigned(SpectrumProblem::NonPositiveLiveTime));
    if (!calibration.isValid(channelCount))
        return makeError(source, QStringLiteral("invalid energy calibration: %1").arg(calibration.problem(channelCount)),
                         unsigned(SpectrumProblem::InvalidCalibration));
    bool any = false;
    for (int i = 0; i < channelCount && !any; ++i)
        any = counts[i] != 0;
    if (!any)
        return makeError(source, QStringLiteral("all counts are zero (aborted acquisition)"),
                         unsigned(SpectrumProblem::AllZeroCounts));
    PreparedSpectrum p;
    p.counts.resize(static_cast<size_t>(grid().binCount()));
    m_rebinner.rebin(counts, channelCount, calibration, p.counts.data());
    p.liveTime = liveTime;
    return p;
}

void SpectrumPreparer::rebinCounts(const double *counts, int channelCount, const EnergyCalibration &calibration,
                                   double *out)
{
    m_rebinner.rebin(counts, channelCount, calibration, out);
}

} // namespace photopeak
