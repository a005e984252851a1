// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace photopeak {

// Windows-1251 (Cyrillic) text, used by the .sps description field. Qt's converters need ICU for it.
QString decodeCp1251(QByteArrayView bytes);
QByteArray encodeCp1251(const QString &text);  // characters without a cp1251 code become '?'

} // namespace photopeak
