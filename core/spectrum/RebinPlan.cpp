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
    if (m_sourceCount == 0 || m_targetCount == 0)
        return;
    m_terms.reserve(static_cast<size_t>(m_sourceCount + m_targetCount));
    // Merge walk over both sorted edge lists.
    size_t j = static_cast<size_t>(std::upper_bound(dst.begin(), dst.end(), src.front()) - dst.begin());
    j = j > 0 ? j - 1 : 0;
    for (size_t i = 0; i + 1 < src.size(); ++i) {
        const double lo = src[i], hi = src[i + 1];
        const double width = hi - lo;
        if (!(width > 0.0) || hi <= dst.front())
            continue;
        if (lo >= dst.back())
            break;
        while (j + 1 < dst.size() && dst[j + 1] <= lo)
            ++j;
        for (size_t k = j; k + 1 < dst.size() && dst[k] < hi; ++k) {
            const double overlap = std::min(hi, dst[k + 1]) - std::max(lo, dst[k]);
            if (overlap > 0.0)
                m_terms.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(k), overlap / width});
        }
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
