// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "peaks/FittedPeak.h"
#include "peaks/PeakRegion.h"
#include "peaks/PeakSearch.h"
#include "util/Result.h"

#include <QString>

#include <vector>

namespace photopeak {

// Peaks fitted by hand (the spectrum view's double-click and modifier-drag): one peak near a channel, or
// every peak of a channel range on one shared continuum (a multiplet). The expected width comes from the
// peaks already fitted in the spectrum, so a fit that comes out much wider than the detector resolution
// (a Compton edge, a backscatter bump) is refused with a message instead of entering the peak list.
class ManualPeakFit {
public:
    struct Options {
        double minSignificance = 3.0;  // fitted area / its uncertainty
        double maxWidthRatio = 1.8;    // fitted FWHM / expected FWHM beyond which it is no photopeak
        int continuumDegree = 1;
        int maxPeaks = 6;              // per range
    };

    // `known`: peaks already fitted in this spectrum (their widths define the expected FWHM).
    explicit ManualPeakFit(const std::vector<FittedPeak> &known);
    ManualPeakFit(const std::vector<FittedPeak> &known, Options options);

    // FWHM in channels expected at a channel: g sqrt(channel) with g the median over the known significant
    // peaks; a generic guess (and a looser width test) when there are none.
    double expectedFwhm(double channel) const;
    bool resolutionKnown() const { return m_known; }

    // One peak near `channel` (the strongest second-difference maximum within 1.5 expected FWHM).
    Result<PeakRegion> fitAt(const std::vector<double> &counts, double channel) const;
    // Every peak found in [low, high) (at least one) on one continuum.
    Result<PeakRegion> fitRange(const std::vector<double> &counts, int low, int high) const;

    // Why a fitted peak is not a photopeak ("" when it looks like one): too wide for the resolution, or a
    // step in the continuum larger than the peak (the shape of a Compton edge).
    QString shapeProblem(const FittedPeak &peak, const PeakRegion &region) const;

private:
    Result<PeakRegion> fitChecked(const std::vector<double> &counts, int low, int high,
                                  std::vector<double> centroids) const;
    Options m_options;
    double m_g = 0.5;
    bool m_known = false;
};

} // namespace photopeak
