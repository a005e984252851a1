// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/Spectrum.h"

#include <QString>

#include <random>
#include <vector>

namespace photopeak {

// One way the world differs from the training campaign, applied to a measured spectrum:
//   ambient level x f: f < 1 thins every channel binomially (exact Poisson resampling; a source in the
//   spectrum is thinned too, so the test is harder, never easier), f > 1 adds (f - 1) x live time of measured
//   background spectra (Poisson-resampled: whole spectra plus one thinned);
//   gain g: the detector's gain moved, so lines sit at g x their energy under the unchanged calibration;
//   offset o keV: lines sit o keV higher.
class StressPerturbation {
public:
    enum class Kind { None, Ambient, Gain, Offset };

    static StressPerturbation none() { return {Kind::None, 0.0}; }
    static StressPerturbation ambient(double factor) { return {Kind::Ambient, factor}; }
    static StressPerturbation gain(double factor) { return {Kind::Gain, factor}; }
    static StressPerturbation offset(double keV) { return {Kind::Offset, keV}; }

    Kind kind() const { return m_kind; }
    double value() const { return m_value; }
    QString name() const;  // "ambient x1.1", "gain +1 %", "offset -3 keV", "as measured"

    // `backgrounds`: measured background spectra with the same channel layout, for ambient > 1.
    Spectrum apply(const Spectrum &spectrum, const std::vector<const Spectrum *> &backgrounds, std::mt19937_64 &rng) const;

    // Binomial thinning of every channel with probability p (live time unchanged).
    static void thin(std::vector<double> &counts, double p, std::mt19937_64 &rng);

private:
    StressPerturbation(Kind kind, double value) : m_kind(kind), m_value(value) {}
    Kind m_kind;
    double m_value;
};

} // namespace photopeak
