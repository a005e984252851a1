// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "metrics/MultiLabelAccuracy.h"

#include <algorithm>

namespace photopeak {

double MultiLabelAccuracy::score(const QSet<QString> &truth, const QMap<QString, double> &predictedShares)
{
    double a = 0.0;
    for (auto it = predictedShares.begin(); it != predictedShares.end(); ++it)
        a += truth.contains(it.key()) ? it.value() : -it.value();
    if (!truth.isEmpty()) {
        int missed = 0;
        for (const QString &t : truth)
            missed += !predictedShares.contains(t);
        a -= double(missed) / double(truth.size());
    }
    return std::max(0.0, a);
}

} // namespace photopeak
