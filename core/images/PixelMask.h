// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace photopeak {

// Usable pixels of a detector (bad pixels, module gaps and the beam stop are not usable), same layout as
// ImageFrame. An empty mask means every pixel is usable.
struct PixelMask {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> good;  // 1 usable, 0 masked

    PixelMask() = default;
    PixelMask(int w, int h) : width(w), height(h), good(static_cast<size_t>(w) * static_cast<size_t>(h), 1) {}

    bool isEmpty() const { return good.empty(); }
    bool isGood(int x, int y) const
    {
        return good.empty() || good[static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)] != 0;
    }
    void setBad(int x, int y) { good[static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)] = 0; }
    long long badCount() const
    {
        long long n = 0;
        for (std::uint8_t g : good)
            n += g == 0;
        return n;
    }
};

} // namespace photopeak
