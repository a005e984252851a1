// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "hits/HitImage.h"

#include <QString>

#include <vector>

namespace photopeak {

enum class ThresholdMethod {
    Fixed,  // grey > fixedLevel
    Otsu,   // grey > Otsu's level of the crop's histogram (at least minimumLevel)
};

struct ThresholdOptions {
    ThresholdMethod method = ThresholdMethod::Otsu;
    int fixedLevel = 70;    // Fixed: the level
    int minimumLevel = 20;  // Otsu: never below this, so that a crop of pure sensor noise stays (nearly) empty
    int minimumArea = 1;    // components smaller than this many pixels are not counted

    static bool parseMethod(const QString &name, ThresholdMethod *out);
    static QString methodName(ThresholdMethod m);
};

struct HitComponent {
    int area = 0;
    double brightness = 0.0;  // sum of grey levels
    int firstPixel = 0;       // offset of its pixels in HitSegments::pixels
};

// Foreground of a crop (grey > level) split into 8-connected components. Pixels of each component are stored
// contiguously (index y * width + x); `main` is the component with the largest integrated brightness.
struct HitSegments {
    int level = 0;
    std::vector<int> pixels;
    std::vector<HitComponent> components;  // only those of at least minimumArea pixels
    int main = -1;

    int componentEnd(int c) const { return components[c].firstPixel + components[c].area; }
};

class HitSegmenter {
public:
    // Otsu's level: the grey level t maximising the between-class variance of {g <= t} and {g > t}.
    static int otsuLevel(const HitImage &image);
    static int level(const HitImage &image, const ThresholdOptions &options);
    // Reuses `out`'s buffers; `mask` is scratch space of width * height bytes.
    static void segment(const HitImage &image, const ThresholdOptions &options, HitSegments &out,
                        std::vector<quint8> &mask);
};

} // namespace photopeak
