// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureMatrix.h"
#include "hits/HitImage.h"
#include "model/ModelInput.h"

#include <QStringList>

#include <vector>

namespace photopeak {

// The model-layer input of hit models: the crops and their feature table (HitFeatureExtractor columns,
// computed with the threshold the model states), and for training a label and a group per hit.
struct HitBatch final : ModelInput {
    static constexpr const char *Kind = "hits";

    std::vector<const HitImage *> images;
    FeatureMatrix features;
    QStringList items;         // hit ids
    QStringList labels;        // training: class per hit
    std::vector<int> groups;   // training: validation group per hit (HitCollection::groups)

    QString inputKind() const override { return QString::fromLatin1(Kind); }
    qsizetype itemCount() const override { return qsizetype(images.size()); }
    QString itemName(qsizetype index) const override
    {
        return index < items.size() ? items[index] : QStringLiteral("hit %1").arg(index + 1);
    }
};

} // namespace photopeak
