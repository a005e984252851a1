// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitSheet.h"

#include <algorithm>

namespace photopeak {

HitImage HitSheet::compose(const std::vector<const HitImage *> &crops, int columns, int gap)
{
    if (crops.empty())
        return {};
    int cw = 0, ch = 0;
    for (const HitImage *c : crops) {
        cw = std::max(cw, c->width);
        ch = std::max(ch, c->height);
    }
    const int n = int(crops.size());
    columns = std::max(1, std::min(columns, n));
    const int rows = (n + columns - 1) / columns;
    HitImage sheet(columns * (cw + gap) + gap, rows * (ch + gap) + gap);
    std::fill(sheet.pixels.begin(), sheet.pixels.end(), quint8(128));
    for (int i = 0; i < n; ++i) {
        const int ox = gap + (i % columns) * (cw + gap), oy = gap + (i / columns) * (ch + gap);
        const HitImage &c = *crops[size_t(i)];
        for (int y = 0; y < c.height; ++y)
            std::copy_n(c.pixels.begin() + y * c.width, c.width, sheet.pixels.begin() + (oy + y) * sheet.width + ox);
    }
    return sheet;
}

} // namespace photopeak
