// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QLocale>

namespace photopeak::ui {

// The user's locale for the bench's numbers (decimal comma in ru/de), without group separators:
// "1332.49 keV", not "1,332.49 keV".
inline QLocale benchLocale()
{
    QLocale l;
    l.setNumberOptions(QLocale::OmitGroupSeparator);
    return l;
}

} // namespace photopeak::ui
