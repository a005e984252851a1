// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>

namespace photopeak {

// Reasons a spectrum (or the file it came from) cannot be used as it is. Several may apply at once.
enum class SpectrumProblem : std::uint32_t {
    None = 0,
    AllZeroCounts = 1u << 0,       // aborted acquisition
    NonPositiveLiveTime = 1u << 1, // live time 0, negative or not a number
    MissingCalibration = 1u << 2,  // slope 0: a default calibration was substituted
    InvalidCalibration = 1u << 3,  // not finite or not increasing
    Truncated = 1u << 4,           // fewer bytes or values than the header promises
    Unreadable = 1u << 5,          // cannot be opened or parsed
    UnknownFormat = 1u << 6,       // no reader understands it
    NonFiniteCounts = 1u << 7,     // NaN or infinite counts
    NegativeCounts = 1u << 8,      // negative counts (net spectra are allowed to have them)
    NoLiveTime = 1u << 9,          // the format carries no live time (count rate unavailable)
    UnknownDistance = 1u << 10,    // distance 0 in the header
};

class SpectrumProblems {
public:
    SpectrumProblems() = default;
    SpectrumProblems(SpectrumProblem p) : m_bits(static_cast<std::uint32_t>(p)) {}

    bool has(SpectrumProblem p) const { return (m_bits & static_cast<std::uint32_t>(p)) != 0; }
    void add(SpectrumProblem p) { m_bits |= static_cast<std::uint32_t>(p); }
    void add(SpectrumProblems p) { m_bits |= p.m_bits; }
    void remove(SpectrumProblem p) { m_bits &= ~static_cast<std::uint32_t>(p); }
    bool none() const { return m_bits == 0; }
    std::uint32_t bits() const { return m_bits; }
    static SpectrumProblems fromBits(std::uint32_t bits) { SpectrumProblems p; p.m_bits = bits; return p; }
    // Problems that make a spectrum unusable for analysis (as opposed to warnings).
    bool blocksAnalysis() const;

    QStringList names() const;        // short machine names, e.g. "all-zero"
    QStringList descriptions() const; // sentences for users
    static QString name(SpectrumProblem p);
    static QString description(SpectrumProblem p);

    bool operator==(const SpectrumProblems &) const = default;

private:
    std::uint32_t m_bits = 0;
};

} // namespace photopeak
