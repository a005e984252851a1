// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "spectrum/RebinPlan.h"

#include <algorithm>

namespace photopeak {

RebinPlan::RebinPlan(const EnergyCalibration &calibration, int channelCount, const EnergyGrid &target)
    : RebinPlan(calibration.channelEdges(channelCount), target)
{
}

RebinPlan::RebinPlan(const std::vector<double> &src, const EnergyGrid &target)
    : m_sourceCount(src.size() > 1 ? static_cast<int>(src.size()) - 1 : 0), m_targetCount(target.binCount())
{
    const std::vector<double> &dst = target.edges();
    m_firstSource.assign(static_cast<size_t>(m_targetCount), 0);
    m_offsets.assign(static_cast<size_t>(m_targetCount) + 1, 0);
    if (m_sourceCount == 0 || m_targetCount == 0)
        return;
    // Overlaps of every target bin with the source bins, found by a merge walk over both sorted edge lists.
    // Each target's contributing sources form one contiguous run.
    size_t i = static_cast<size_t>(std::upper_bound(src.begin(), src.end(), dst.front()) - src.begin());
    i = i > 0 ? i - 1 : 0;
    for (size_t t = 0; t + 1 < dst.size(); ++t) {
        const double lo = dst[t], hi = dst[t + 1];
        while (i + 1 < src.size() && src[i + 1] <= lo)
            ++i;
        m_firstSource[t] = static_cast<std::uint32_t>(std::min(i, src.size() - 2));
        for (size_t k = i; k + 1 < src.size() && src[k] < hi; ++k) {
            const double width = src[k + 1] - src[k];
            const double overlap = std::min(hi, src[k + 1]) - std::max(lo, src[k]);
            // A zero-width or reversed source bin contributes nothing but keeps the run contiguous.
            m_weights.push_back(width > 0.0 && overlap > 0.0 ? overlap / width : 0.0);
        }
        m_offsets[t + 1] = static_cast<std::uint32_t>(m_weights.size());
    }
    buildFixedRuns();
}

void RebinPlan::buildFixedRuns()
{
    std::uint32_t longest = 0;
    for (int t = 0; t < m_targetCount; ++t)
        longest = std::max(longest, m_offsets[static_cast<size_t>(t) + 1] - m_offsets[static_cast<size_t>(t)]);
    if (longest == 0 || longest > 4 || static_cast<int>(longest) > m_sourceCount)
        return;
    const int k = static_cast<int>(longest);
    m_fixedRun = k;
    m_padded.assign(static_cast<size_t>(m_targetCount) * k, 0.0);
    for (int t = 0; t < m_targetCount; ++t) {
        const std::uint32_t begin = m_offsets[static_cast<size_t>(t)], end = m_offsets[static_cast<size_t>(t) + 1];
        // Keep the padded window inside the source array: shift its start left near the end.
        const std::uint32_t first = std::min<std::uint32_t>(m_firstSource[static_cast<size_t>(t)],
                                                            static_cast<std::uint32_t>(m_sourceCount - k));
        const std::uint32_t shift = m_firstSource[static_cast<size_t>(t)] - first;
        for (std::uint32_t j = begin; j < end; ++j)
            m_padded[static_cast<size_t>(t) * k + shift + (j - begin)] = m_weights[j];
        m_firstSource[static_cast<size_t>(t)] = first;
    }
}

std::vector<double> RebinPlan::apply(const std::vector<double> &in) const
{
    std::vector<double> out(static_cast<size_t>(m_targetCount));
    if (static_cast<int>(in.size()) >= m_sourceCount)
        apply(in.data(), out.data());
    return out;
}

} // namespace photopeak
