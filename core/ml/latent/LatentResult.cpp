// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/latent/LatentResult.h"

namespace photopeak {

QString LatentResult::predictedKey() const
{
    if (predicted.isEmpty())
        return QStringLiteral("(none)");
    QStringList sorted = predicted;
    sorted.sort(Qt::CaseInsensitive);
    return sorted.join(QLatin1Char('+'));
}

} // namespace photopeak
