// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "ml/ClassifierOptions.h"
#include "model/ParameterTable.h"

namespace photopeak {

// The user-facing options of the spectrum classifier, declared once (issue 12, item 2): `photopeak-cli
// train|classify|evaluate|report|watch`, the training panel's form and the validation of model files all read
// this table, so names, defaults and ranges cannot disagree. Options not in the table (segment widths,
// template counts, synthetic live times) keep the defaults of ClassifierOptions.
class ClassifierParameters {
public:
    static const ParameterTable &table();
    // The table's values of `options` (every key present).
    static QJsonObject values(const ClassifierOptions &options);
    // Validates `values` against the table (missing keys take defaults) and builds the options.
    static Result<ClassifierOptions> options(const QJsonObject &values, const QString &source);
};

} // namespace photopeak
