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
    size_t termCount() const { return m_terms.size(); }

    // out must hold targetCount() values; it is overwritten. `in` holds sourceCount() values.
    template <typename T>
    void apply(const T *in, double *out) const
    {
        std::fill(out, out + m_targetCount, 0.0);
        for (const Term &t : m_terms)
            out[t.target] += static_cast<double>(in[t.source]) * t.weight;
    }
    std::vector<double> apply(const std::vector<double> &in) const;

private:
    struct Term {
        std::uint32_t source;
        std::uint32_t target;
        double weight;  // fraction of the source bin inside the target bin
    };
    std::vector<Term> m_terms;
    int m_sourceCount = 0;
    int m_targetCount = 0;
};

} // namespace photopeak
