// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/PreparedSpectrum.h"
#include "ml/detect/SigmaTest.h"
#include "spectrum/EnergyGrid.h"

#include <deque>
#include <vector>

namespace photopeak {

// The ambient background while monitoring: the mean of the last `capacity` source-free intervals on the
// analysis grid. Old intervals drop out, so a slow drift of the ambient rate is followed instead of alarmed.
class RollingBackground {
public:
    explicit RollingBackground(int capacity = 30, int minimum = 5);

    void setCapacity(int capacity, int minimum);
    void add(const PreparedSpectrum &interval);
    void clear();

    bool isReady() const { return intervals() >= m_minimum && m_liveTime > 0.0; }
    int intervals() const { return static_cast<int>(m_intervals.size()); }
    int capacity() const { return m_capacity; }
    int minimum() const { return m_minimum; }
    double liveTime() const { return m_liveTime; }
    // Count rate of the whole grid, cps (0 when empty).
    double totalRate() const;
    // The gross-count test against this background: the one-sided sigma test with the background's mean
    // rate per bin and its summed live time as reference.
    SigmaTest test(const SigmaTestOptions &options, const EnergyGrid &grid) const;

private:
    void recompute();

    int m_capacity, m_minimum;
    std::deque<PreparedSpectrum> m_intervals;
    std::vector<double> m_sum;
    double m_liveTime = 0.0;
};

} // namespace photopeak
