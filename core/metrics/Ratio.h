// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QString>

#include <optional>

namespace photopeak {

// A rate that may be undefined (0/0). Never divides by zero; prints "n/a" when undefined.
struct Ratio {
    double numerator = 0.0;
    double denominator = 0.0;

    std::optional<double> value() const
    {
        return denominator > 0.0 ? std::optional<double>(numerator / denominator) : std::nullopt;
    }
    double valueOr(double fallback) const { return value().value_or(fallback); }
    QString percent(int decimals = 1) const
    {
        return value() ? QString::number(100.0 * *value(), 'f', decimals) + QStringLiteral(" %") : QStringLiteral("n/a");
    }
    QString fraction() const  // "9/9 (100.0 %)"
    {
        return QStringLiteral("%1/%2 (%3)").arg(numerator).arg(denominator).arg(percent());
    }
};

} // namespace photopeak
