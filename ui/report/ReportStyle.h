// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

// Colours and type of the report pages (spectrum pages and the latent model page), so that they match.

#include <QColor>
#include <QFont>
#include <QGuiApplication>

#include <algorithm>
#include <cmath>

namespace photopeak::ui::report_style {

inline const QColor text{0x20, 0x20, 0x20};
inline const QColor muted{0x68, 0x68, 0x68};
inline const QColor rule{0xc8, 0xc8, 0xc8};
inline const QColor warning{0xb0, 0x1c, 0x1c};

// The application font at a pixel size (pages are laid out in pixels and scaled as a whole).
inline QFont pixelFont(double px, bool bold = false)
{
    QFont f = QGuiApplication::font();
    f.setPixelSize(std::max(8, static_cast<int>(std::lround(px))));
    f.setBold(bold);
    return f;
}

} // namespace photopeak::ui::report_style
