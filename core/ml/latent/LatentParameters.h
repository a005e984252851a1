// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "ml/latent/LatentOptions.h"
#include "model/ParameterTable.h"

namespace photopeak {

// The latent model's options, declared once (issue 12, item 2): `photopeak-cli latent train`'s options, the
// training panel's latent form and the validation of model files all read this table, so names, defaults and
// ranges cannot disagree. The table's defaults are LatentOptions::recommended(), the default of `latent train`.
// The model file keeps its own key names (LatentOptions::toJson); fromModelJson maps them onto the table.
class LatentParameters {
public:
    static const ParameterTable &table();
    // The table's values of `options` (every key present).
    static QJsonObject values(const LatentOptions &options);
    // Validates `values` against the table (missing keys take the table's defaults) and builds the options.
    static Result<LatentOptions> options(const QJsonObject &values, const QString &source);
    // A model file's "options" object (LatentOptions::toJson keys) through the same validation: missing keys keep
    // the struct's defaults (files written before the key existed); unknown keys, wrong types, values out of
    // range and unknown decision rules are refused naming `source` and the key.
    static Result<LatentOptions> fromModelJson(const QJsonObject &json, const QString &source);
};

} // namespace photopeak
