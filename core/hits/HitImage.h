// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QtGlobal>

#include <vector>

namespace photopeak {

// One hit crop as 8-bit grey levels, row-major (x to the right, y downwards).
struct HitImage {
    int width = 0;
    int height = 0;
    std::vector<quint8> pixels;

    HitImage() = default;
    HitImage(int w, int h) : width(w), height(h), pixels(static_cast<size_t>(w) * static_cast<size_t>(h), 0) {}

    bool isEmpty() const { return width <= 0 || height <= 0; }
    quint8 at(int x, int y) const { return pixels[static_cast<size_t>(y) * width + x]; }
    quint8 &at(int x, int y) { return pixels[static_cast<size_t>(y) * width + x]; }
};

} // namespace photopeak
