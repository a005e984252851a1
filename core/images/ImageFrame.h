// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <cstddef>
#include <vector>

namespace photopeak {

// One detector image, row-major: pixel (x, y) is pixels[y * width + x]; x is the fast scan (column),
// y the slow scan (row). Pixel centres sit at integer coordinates.
struct ImageFrame {
    int index = 0;  // frame number in its stack
    int width = 0;
    int height = 0;
    std::vector<float> pixels;

    ImageFrame() = default;
    ImageFrame(int w, int h) : width(w), height(h), pixels(static_cast<size_t>(w) * static_cast<size_t>(h), 0.0f) {}

    bool isEmpty() const { return pixels.empty(); }
    size_t size() const { return pixels.size(); }
    float at(int x, int y) const { return pixels[static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)]; }
    float &at(int x, int y) { return pixels[static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)]; }
    bool contains(int x, int y) const { return x >= 0 && y >= 0 && x < width && y < height; }
};

} // namespace photopeak
