// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "library/DatasetEntry.h"

#include <QStringList>

namespace photopeak {

QString DatasetEntry::problemText() const
{
    QStringList parts;
    if (!message.isEmpty())
        parts << message;
    for (const QString &d : spectrum.problems.descriptions())
        if (!message.contains(d))
            parts << d;
    return parts.join(QStringLiteral("; "));
}

} // namespace photopeak
