// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureMatrix.h"
#include "hits/Hit.h"
#include "util/Result.h"

#include <QStringList>

#include <vector>

namespace photopeak {

// The feature table as CSV: id, source, label, device, timestamp_ms, flags, cluster, then one column per
// feature (HitFeatureExtractor::names()), then any extra columns (e.g. class probabilities). Written atomically.
class HitFeatureCsv {
public:
    static QByteArray format(const std::vector<Hit> &hits, const FeatureMatrix &features,
                             const QStringList &extraNames = {}, const FeatureMatrix *extra = nullptr);
    static Status write(const QString &path, const std::vector<Hit> &hits, const FeatureMatrix &features,
                        const QStringList &extraNames = {}, const FeatureMatrix *extra = nullptr);
};

} // namespace photopeak
