// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "util/Result.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace photopeak {

// Numbers in the project's JSON files (models, feature states, efficiency curves, sessions). Arrays are stored
// as base64 of little-endian float64 so that a saved state is bit-identical after loading; reads are checked so
// that a damaged file is refused, never used.
class JsonNumbers {
public:
    // Largest magnitude accepted for a number without a narrower range.
    static constexpr double MaxMagnitude = 1e200;

    static QString encodeDoubles(const std::vector<double> &values);
    // Unchecked decoding; code reading files uses readDoubles.
    static std::vector<double> decodeDoubles(const QString &text);

    // Checked reads: the field must be present, every value finite and within [min, max], and (count >= 0)
    // exactly `count` values. Errors name `source` and the field.
    static Result<std::vector<double>> readDoubles(const QJsonObject &object, const QString &field, const QString &source,
                                                   double min = -MaxMagnitude, double max = MaxMagnitude,
                                                   qsizetype count = -1);
    static Result<double> readNumber(const QJsonObject &object, const QString &field, const QString &source,
                                     double min = -MaxMagnitude, double max = MaxMagnitude);
};

} // namespace photopeak
