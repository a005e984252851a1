// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <cstddef>
#include <vector>

namespace photopeak {

// A spectrum brought onto the analysis grid once: counts per grid bin (count-conserving rebin of the raw
// channels, not smoothed, not divided) and the float live time. Every feature set is computed from this,
// so a spectrum is rebinned exactly once however many feature sets and models use it.
struct PreparedSpectrum {
    std::vector<double> counts;  // per grid bin
    double liveTime = 0.0;       // s, float precision from the file

    double rate(int bin) const { return counts[static_cast<size_t>(bin)] / liveTime; }
    double totalCounts() const
    {
        double s = 0.0;
        for (double c : counts)
            s += c;
        return s;
    }
};

} // namespace photopeak
