// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "spectrum/SpectrumProblem.h"

#include <array>

namespace photopeak {

namespace {
constexpr std::array kAll{
    SpectrumProblem::AllZeroCounts,   SpectrumProblem::NonPositiveLiveTime, SpectrumProblem::MissingCalibration,
    SpectrumProblem::InvalidCalibration, SpectrumProblem::Truncated,       SpectrumProblem::Unreadable,
    SpectrumProblem::UnknownFormat,   SpectrumProblem::NonFiniteCounts,     SpectrumProblem::NegativeCounts,
    SpectrumProblem::NoLiveTime,      SpectrumProblem::UnknownDistance,
};
}

bool SpectrumProblems::blocksAnalysis() const
{
    constexpr std::uint32_t blocking = static_cast<std::uint32_t>(SpectrumProblem::AllZeroCounts)
        | static_cast<std::uint32_t>(SpectrumProblem::NonPositiveLiveTime)
        | static_cast<std::uint32_t>(SpectrumProblem::InvalidCalibration)
        | static_cast<std::uint32_t>(SpectrumProblem::Truncated) | static_cast<std::uint32_t>(SpectrumProblem::Unreadable)
        | static_cast<std::uint32_t>(SpectrumProblem::UnknownFormat)
        | static_cast<std::uint32_t>(SpectrumProblem::NonFiniteCounts);
    return (m_bits & blocking) != 0;
}

QString SpectrumProblems::name(SpectrumProblem p)
{
    switch (p) {
    case SpectrumProblem::None: return QStringLiteral("ok");
    case SpectrumProblem::AllZeroCounts: return QStringLiteral("all-zero");
    case SpectrumProblem::NonPositiveLiveTime: return QStringLiteral("bad-live-time");
    case SpectrumProblem::MissingCalibration: return QStringLiteral("slope-0");
    case SpectrumProblem::InvalidCalibration: return QStringLiteral("bad-calibration");
    case SpectrumProblem::Truncated: return QStringLiteral("truncated");
    case SpectrumProblem::Unreadable: return QStringLiteral("unreadable");
    case SpectrumProblem::UnknownFormat: return QStringLiteral("unknown-format");
    case SpectrumProblem::NonFiniteCounts: return QStringLiteral("nan-counts");
    case SpectrumProblem::NegativeCounts: return QStringLiteral("negative-counts");
    case SpectrumProblem::NoLiveTime: return QStringLiteral("no-live-time");
    case SpectrumProblem::UnknownDistance: return QStringLiteral("distance-0");
    }
    return {};
}

QString SpectrumProblems::description(SpectrumProblem p)
{
    switch (p) {
    case SpectrumProblem::None: return {};
    case SpectrumProblem::AllZeroCounts: return QStringLiteral("all counts are zero (aborted acquisition)");
    case SpectrumProblem::NonPositiveLiveTime: return QStringLiteral("live time is zero, negative or not a number");
    case SpectrumProblem::MissingCalibration:
        return QStringLiteral("calibration slope is 0 or missing (.sps files get the default XGD calibration)");
    case SpectrumProblem::InvalidCalibration: return QStringLiteral("energy calibration is not valid");
    case SpectrumProblem::Truncated: return QStringLiteral("file is shorter than its header says");
    case SpectrumProblem::Unreadable: return QStringLiteral("file cannot be read");
    case SpectrumProblem::UnknownFormat: return QStringLiteral("no reader understands this file");
    case SpectrumProblem::NonFiniteCounts: return QStringLiteral("counts contain NaN or infinity, or their total is not finite");
    case SpectrumProblem::NegativeCounts: return QStringLiteral("counts contain negative values");
    case SpectrumProblem::NoLiveTime: return QStringLiteral("the file has no live time");
    case SpectrumProblem::UnknownDistance: return QStringLiteral("source distance is 0 (unknown)");
    }
    return {};
}

QStringList SpectrumProblems::names() const
{
    QStringList out;
    for (auto p : kAll)
        if (has(p))
            out << name(p);
    return out;
}

QStringList SpectrumProblems::descriptions() const
{
    QStringList out;
    for (auto p : kAll)
        if (has(p))
            out << description(p);
    return out;
}

} // namespace photopeak
