// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/EnergyCalibration.h"
#include "spectrum/EnergyGrid.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace photopeak {

// Count-conserving rebinning from one binning onto another, precomputed once per (source binning, grid).
// Each source bin's content is spread uniformly over its width; content outside the grid is dropped.
class RebinPlan {
public:
    RebinPlan() = default;
    RebinPlan(const std::vector<double> &sourceEdges, const EnergyGrid &target);
    RebinPlan(const EnergyCalibration &calibration, int channelCount, const EnergyGrid &target);

    int sourceCount() const { return m_sourceCount; }
    int targetCount() const { return m_targetCount; }
    size_t termCount() const { return m_weights.size(); }

    // out must hold targetCount() values; it is overwritten. `in` holds sourceCount() values.
    // Gather form: each target bin sums a contiguous run of source bins, accumulating in a register.
    template <typename T>
    void apply(const T *in, double *out) const
    {
        switch (m_fixedRun) {
        case 1: applyFixed<T, 1>(in, out); return;
        case 2: applyFixed<T, 2>(in, out); return;
        case 3: applyFixed<T, 3>(in, out); return;
        case 4: applyFixed<T, 4>(in, out); return;
        default: break;
        }
        const double *w = m_weights.data();
        for (int t = 0; t < m_targetCount; ++t) {
            const std::uint32_t begin = m_offsets[static_cast<size_t>(t)], end = m_offsets[static_cast<size_t>(t) + 1];
            const T *src = in + m_firstSource[static_cast<size_t>(t)] - begin;
            double acc = 0.0;
            for (std::uint32_t k = begin; k < end; ++k)
                acc += static_cast<double>(src[k]) * w[k];
            out[t] = acc;
        }
    }
    std::vector<double> apply(const std::vector<double> &in) const;

private:
    // When every target bin draws on at most 4 source bins (source bins wider than target bins, the usual
    // case), runs are padded with zero weights to one fixed length K: a branch-free inner loop.
    template <typename T, int K>
    void applyFixed(const T *in, double *out) const
    {
        const double *w = m_padded.data();
        const std::uint32_t *first = m_firstSource.data();
        for (int t = 0; t < m_targetCount; ++t, w += K) {
            const T *src = in + first[t];
            double acc = 0.0;
            for (int k = 0; k < K; ++k)
                acc += static_cast<double>(src[k]) * w[k];
            out[t] = acc;
        }
    }
    void buildFixedRuns();

    int m_fixedRun = 0;                        // K of the padded form, 0 when not used
    std::vector<double> m_padded;              // targetCount x K weights
    std::vector<std::uint32_t> m_firstSource;  // per target: first contributing source bin
    std::vector<std::uint32_t> m_offsets;      // per target: range into m_weights (targetCount + 1)
    std::vector<double> m_weights;             // fraction of source bin inside the target bin
    int m_sourceCount = 0;
    int m_targetCount = 0;
};

} // namespace photopeak
