// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QLocale>
#include <QStringView>

#include <charconv>
#include <system_error>

namespace photopeak {

// A number as text readers write it ("12", "-0.5", "1.5E-3"), read like QLocale::c().toDouble but without its
// cost (Qt 6.4 compares locale strings for every call: the text readers spent most of their time there).
// Plain decimal text goes through std::from_chars; anything else (a '+' sign, "inf", out-of-range values,
// junk) falls back to `fallback` (QLocale::c() or a variant of it), so what is accepted and refused does not change.
inline double parseDouble(QStringView text, bool *ok, const QLocale &fallback = QLocale::c())
{
    char buffer[64];
    const qsizetype n = text.size();
    bool plain = n > 0 && n < qsizetype(sizeof buffer);
    for (qsizetype i = 0; plain && i < n; ++i) {
        const char16_t c = text[i].unicode();
        plain = (c >= u'0' && c <= u'9') || c == u'.' || c == u'-' || c == u'e' || c == u'E';
        buffer[i] = static_cast<char>(c);
    }
    if (plain) {
        double value = 0.0;
        const auto [end, error] = std::from_chars(buffer, buffer + n, value);
        if (error == std::errc() && end == buffer + n) {
            *ok = true;
            return value;
        }
    }
    return fallback.toDouble(text, ok);
}

} // namespace photopeak
