// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "live/RollingBackground.h"

#include <algorithm>

namespace photopeak {

RollingBackground::RollingBackground(int capacity, int minimum)
{
    setCapacity(capacity, minimum);
}

void RollingBackground::setCapacity(int capacity, int minimum)
{
    m_capacity = std::max(1, capacity);
    m_minimum = std::clamp(minimum, 1, m_capacity);
    while (intervals() > m_capacity)
        m_intervals.pop_front();
    recompute();
}

void RollingBackground::add(const PreparedSpectrum &interval)
{
    if (!(interval.liveTime > 0.0) || interval.counts.empty())
        return;
    if (!m_intervals.empty() && m_intervals.front().counts.size() != interval.counts.size())
        m_intervals.clear();  // another grid: start again
    m_intervals.push_back(interval);
    while (intervals() > m_capacity)
        m_intervals.pop_front();
    recompute();
}

void RollingBackground::clear()
{
    m_intervals.clear();
    recompute();
}

void RollingBackground::recompute()
{
    // From scratch (a few thousand additions): no rounding drift from adding and removing.
    m_liveTime = 0.0;
    m_sum.assign(m_intervals.empty() ? 0 : m_intervals.front().counts.size(), 0.0);
    for (const PreparedSpectrum &s : m_intervals) {
        m_liveTime += s.liveTime;
        for (size_t b = 0; b < m_sum.size(); ++b)
            m_sum[b] += s.counts[b];
    }
}

double RollingBackground::totalRate() const
{
    if (!(m_liveTime > 0.0))
        return 0.0;
    double total = 0.0;
    for (double c : m_sum)
        total += c;
    return total / m_liveTime;
}

SigmaTest RollingBackground::test(const SigmaTestOptions &options, const EnergyGrid &grid) const
{
    std::vector<double> rate(m_sum.size(), 0.0);
    if (m_liveTime > 0.0)
        for (size_t b = 0; b < rate.size(); ++b)
            rate[b] = m_sum[b] / m_liveTime;
    return SigmaTest(options, grid, std::move(rate), m_liveTime);
}

} // namespace photopeak
