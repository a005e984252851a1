// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/PreparedSpectrum.h"
#include "spectrum/EnergyGrid.h"
#include "util/Result.h"

#include <QJsonObject>

#include <utility>
#include <vector>

namespace photopeak {

struct SigmaTestOptions {
    double k = 3.0;  // decision threshold in combined standard deviations
    // Energy windows [low, high) keV; empty = the whole grid. With several windows the spectrum is a source
    // when any window exceeds k (more windows = more chances for a false alarm).
    std::vector<std::pair<double, double>> windowsKeV;

    QJsonObject toJson() const;
    static SigmaTestOptions fromJson(const QJsonObject &json);
};

// Gross-count test without training (methods.md 1.4), with the old tool's bug fixed: ONE-sided. A
// spectrum is a source only when its count rate EXCEEDS the reference background (count rate from the
// reference's own live time) by more than k combined Poisson standard deviations:
//   S - B > k sqrt(S / t + B / tb)   with S, B count rates in the window, t, tb live times.
// A spectrum below background is never a source.
class SigmaTest {
public:
    struct Outcome {
        double excessCps = 0.0;     // S - B, largest-significance window
        double sigmaCps = 0.0;      // combined standard deviation of S - B
        double significance = 0.0;  // (S - B) / sigma, may be negative
        bool source = false;
    };

    SigmaTest() = default;
    SigmaTest(SigmaTestOptions options, EnergyGrid grid, std::vector<double> referenceRatePerBin, double referenceLiveTime);
    static Result<SigmaTest> fromReference(SigmaTestOptions options, const EnergyGrid &grid,
                                           const PreparedSpectrum &reference, const QString &source);

    Outcome test(const PreparedSpectrum &spectrum) const;
    const SigmaTestOptions &options() const { return m_options; }
    bool isValid() const { return m_referenceLive > 0.0 && !m_windowBins.empty(); }

    QJsonObject toJson() const;
    static Result<SigmaTest> fromJson(const QJsonObject &json, const EnergyGrid &grid, const QString &source);

private:
    void buildWindows();

    SigmaTestOptions m_options;
    EnergyGrid m_grid;
    std::vector<double> m_referenceRate;
    double m_referenceLive = 0.0;
    std::vector<std::pair<int, int>> m_windowBins;  // [first, last) bins
};

} // namespace photopeak
