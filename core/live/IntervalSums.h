// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/PreparedSpectrum.h"
#include "spectrum/Spectrum.h"

#include <deque>
#include <memory>

namespace photopeak {

// Sums of consecutive intervals for weak sources: the sliding sum of the last N intervals and the cumulative
// sum since the start (or the last reset), both on the analysis grid (for the tests) and in raw channels
// (to show, and to identify the isotope of a summed alarm). Raw sums restart when the channel layout changes.
class IntervalSums {
public:
    explicit IntervalSums(int sliding = 0);

    void setSliding(int intervals);  // 0 or 1: no sliding sum
    void add(const Spectrum &raw, const PreparedSpectrum &prepared);
    void reset();

    int slidingSize() const { return m_sliding; }
    int slidingCount() const { return static_cast<int>(m_window.size()); }
    int cumulativeCount() const { return m_cumulativeCount; }
    PreparedSpectrum slidingPrepared() const;
    const PreparedSpectrum &cumulativePrepared() const { return m_cumulative; }
    // Raw channel sums as spectra (live and real times summed; calibration of the latest), null when empty.
    std::shared_ptr<const Spectrum> slidingSpectrum() const;
    std::shared_ptr<const Spectrum> cumulativeSpectrum() const;

private:
    struct Entry {
        std::vector<double> raw;
        double realTime = 0.0;
        PreparedSpectrum prepared;
    };
    static std::shared_ptr<const Spectrum> makeSpectrum(const Spectrum &layout, std::vector<double> counts,
                                                        double live, double real, const QString &what);

    int m_sliding;
    std::deque<Entry> m_window;
    PreparedSpectrum m_cumulative;
    std::vector<double> m_cumulativeRaw;
    double m_cumulativeReal = 0.0;
    int m_cumulativeCount = 0;
    Spectrum m_layout;  // latest spectrum without counts: calibration, detector, channel count
};

} // namespace photopeak
