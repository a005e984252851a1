// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "spectrum/Spectrum.h"

#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <numeric>

namespace photopeak {

double Spectrum::totalCounts() const { return std::accumulate(counts.begin(), counts.end(), 0.0); }

std::vector<double> Spectrum::countRate() const
{
    if (!hasLiveTime())
        return {};
    std::vector<double> rate(counts.size());
    const double inv = 1.0 / liveTime;
    std::transform(counts.begin(), counts.end(), rate.begin(), [inv](double c) { return c * inv; });
    return rate;
}

QString Spectrum::labelKey() const
{
    QStringList sorted = labels;
    sorted.sort(Qt::CaseInsensitive);
    return sorted.join(QLatin1Char('+'));
}

void Spectrum::checkValues()
{
    // Tests on the IEEE-754 bit patterns: integer OR-reductions vectorise, floating-point tests do not.
    constexpr std::uint64_t magnitudeMask = 0x7fffffffffffffffULL, exponentMask = 0x7ff0000000000000ULL;
    std::uint64_t anyNonZero = 0, anyNonFinite = 0, anyNegative = 0;
    double total = 0.0;
    for (double c : counts) {
        total += c;
        std::uint64_t bits;
        std::memcpy(&bits, &c, sizeof bits);
        const std::uint64_t magnitude = bits & magnitudeMask;
        anyNonZero |= magnitude;
        anyNonFinite |= static_cast<std::uint64_t>((bits & exponentMask) == exponentMask);
        anyNegative |= (bits >> 63) & static_cast<std::uint64_t>(magnitude != 0);
    }
    if (!anyNonZero)
        problems.add(SpectrumProblem::AllZeroCounts);
    // Finite counts can still sum to infinity (1e308 in two channels): every rate and score would be inf or NaN.
    if (anyNonFinite || !std::isfinite(total))
        problems.add(SpectrumProblem::NonFiniteCounts);
    if (anyNegative && !anyNonFinite)
        problems.add(SpectrumProblem::NegativeCounts);
    if (!problems.has(SpectrumProblem::NoLiveTime) && !(liveTime > 0.0 && std::isfinite(liveTime)))
        problems.add(SpectrumProblem::NonPositiveLiveTime);
    if (!calibration.isValid(channelCount()))
        problems.add(SpectrumProblem::InvalidCalibration);
}

QString Spectrum::displayName() const
{
    const QString name = QFileInfo(sourcePath).fileName();
    return indexInSource > 0 || sourcePath.endsWith(QLatin1String(".h5"), Qt::CaseInsensitive)
        ? QStringLiteral("%1 #%2").arg(name).arg(indexInSource)
        : name;
}

} // namespace photopeak
