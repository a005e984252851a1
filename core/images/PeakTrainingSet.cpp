// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "images/PeakTrainingSet.h"

#include "images/PatchFeatures.h"

#include <algorithm>

namespace photopeak {

void PeakTrainingSet::add(const ImageFrame &frame, const PixelMask &mask, const std::vector<BraggCandidate> &candidates,
                          const std::vector<int> &labels, int group)
{
    constexpr int PatchValues = PatchFeatures::PatchSize * PatchFeatures::PatchSize;
    m_features.cols = PatchFeatures::Count;
    for (size_t i = 0; i < candidates.size() && i < labels.size(); ++i) {
        if (labels[i] != 0 && labels[i] != 1)
            continue;
        m_features.data.resize(m_features.data.size() + PatchFeatures::Count);
        PatchFeatures::compute(frame, mask, candidates[i], m_features.data.data() + m_features.data.size() - PatchFeatures::Count);
        ++m_features.rows;
        m_patches.resize(m_patches.size() + PatchValues);
        PatchFeatures::patch(frame, mask, candidates[i], m_patches.data() + m_patches.size() - PatchValues);
        m_labels.push_back(labels[i]);
        m_groups.push_back(group);
    }
}

int PeakTrainingSet::positives() const { return static_cast<int>(std::count(m_labels.begin(), m_labels.end(), 1)); }

} // namespace photopeak
