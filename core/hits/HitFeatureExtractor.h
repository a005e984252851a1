// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureMatrix.h"
#include "hits/HitCollection.h"
#include "hits/HitSegmenter.h"
#include "jobs/JobControl.h"

#include <QStringList>

#include <array>
#include <memory>

namespace photopeak {

// Shape and brightness features of one hit; formulas in docs/hits.md. Column order = HitFeatureExtractor::names().
enum class HitFeature {
    Area, IntegratedBrightness, MaxBrightness, CentroidX, CentroidY, MajorAxis, MinorAxis, Ellipticity,
    Elongation, Orientation, Solidity, Perimeter, SkeletonLength, Components, Level,
    Profile0, Profile1, Profile2, Profile3, Profile4, Profile5, Profile6, Profile7,
    Count
};
using HitFeatures = std::array<double, size_t(HitFeature::Count)>;

class HitFeatureExtractor {
public:
    explicit HitFeatureExtractor(ThresholdOptions threshold = {});
    ~HitFeatureExtractor();

    static constexpr int profileBins = 8;
    static QStringList names();
    // Index of a feature name in names(); -1 unknown.
    static int indexOf(const QString &name);

    const ThresholdOptions &threshold() const { return m_threshold; }
    // Not thread-safe (scratch buffers are reused): one extractor per thread.
    HitFeatures compute(const HitImage &image);
    // Segments of the last compute() (for drawing the mask).
    const HitSegments &segments() const { return m_segments; }

    // Features of every hit, rows in collection order, on `threads` threads (0 = all cores).
    static FeatureMatrix table(const std::vector<Hit> &hits, const ThresholdOptions &threshold, int threads = 0,
                               const JobControl *job = nullptr);

private:
    struct Scratch;
    ThresholdOptions m_threshold;
    HitSegments m_segments;
    std::vector<quint8> m_mask;
    std::unique_ptr<Scratch> m_scratch;
};

} // namespace photopeak
