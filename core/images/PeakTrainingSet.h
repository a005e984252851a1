// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureMatrix.h"
#include "images/ImageFrame.h"
#include "images/BraggCandidate.h"
#include "images/PixelMask.h"

#include <vector>

namespace photopeak {

// Labelled candidates gathered for training: features, patches, labels (1 peak, 0 not) and the frame each
// came from (the group for cross-validation: candidates of one frame share its background and noise).
class PeakTrainingSet {
public:
    // Adds the candidates whose label is 0 or 1 (-1 = unknown, skipped). `group` names the frame uniquely
    // across stacks.
    void add(const ImageFrame &frame, const PixelMask &mask, const std::vector<BraggCandidate> &candidates,
             const std::vector<int> &labels, int group);

    int size() const { return static_cast<int>(m_labels.size()); }
    int positives() const;
    const FeatureMatrix &features() const { return m_features; }
    const std::vector<float> &patches() const { return m_patches; }  // size() * PatchSize^2
    const std::vector<int> &labels() const { return m_labels; }
    const std::vector<int> &groups() const { return m_groups; }

private:
    FeatureMatrix m_features;
    std::vector<float> m_patches;
    std::vector<int> m_labels;
    std::vector<int> m_groups;
};

} // namespace photopeak
