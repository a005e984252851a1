// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureMatrix.h"
#include "model/ModelInput.h"

#include <QStringList>

#include <vector>

namespace photopeak {

// The input of every feature-based model (event tables, image candidates, hits): one row per item, one
// named column per feature, and for training a class label, a group (rows of one group are never split
// between training and validation: a frame, a run, a device) and an optional weight per row.
struct FeatureTable final : ModelInput {
    static constexpr const char *Kind = "features";

    FeatureMatrix x;
    QStringList columns;          // x.cols names
    QStringList items;            // item names (empty: "row N")
    QStringList labels;           // class label per row (training; empty for prediction)
    std::vector<int> groups;      // per row (empty: every row its own group)
    std::vector<double> weights;  // per row (empty: all 1)

    QString inputKind() const override { return QString::fromLatin1(Kind); }
    qsizetype itemCount() const override { return x.rows; }
    QString itemName(qsizetype index) const override
    {
        return index < items.size() ? items[index] : QStringLiteral("row %1").arg(index + 1);
    }
};

} // namespace photopeak
