// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "hits/Hit.h"

#include <QStringList>

#include <array>
#include <vector>

namespace photopeak {

// Artefact rules of the CREDO method. Each is switchable; a hit a rule fires on gets the rule's bit in
// Hit::flags and stays in the collection (marked, never removed).
struct HitFilterOptions {
    enum Rule { HotPixel, NearHotPixel, TooDark, TooBright, TooFrequent, RuleCount };
    std::array<bool, RuleCount> enabled{true, true, true, true, true};
    int hotPixelHits = 3;       // hot pixel: the brightest pixel at the same frame position in >= this many hits of a device
    int nearHotRadius = 2;      // near-hot pixel: brightest pixel within this many pixels (Chebyshev) of a hot position
    int darkMaxBrightness = 50; // too dark: brightest pixel below this grey level
    int brightLevel = 70;       // too bright an area: more than brightShare of the crop's pixels above this level
    double brightShare = 0.10;
    int maxPerMinute = 10;      // too frequent: more than this many hits of one device within one clock minute

    static quint32 bit(Rule r) { return 1u << unsigned(r); }
    static QString ruleName(Rule r);   // "hot-pixel", "near-hot-pixel", "too-dark", "too-bright", "too-frequent"
    static bool parseRule(const QString &name, Rule *out);
    // Names of the rules set in `flags`, joined by '+'; empty for a clean hit.
    static QString flagNames(quint32 flags);
};

struct HitFilterReport {
    std::array<int, HitFilterOptions::RuleCount> counts{};  // hits each rule marked (a hit can count for several)
    int total = 0;
    int clean = 0;
    QString summary() const;
};

class HitFilter {
public:
    // Replaces every hit's flags with the rules that fire on it now.
    static HitFilterReport apply(std::vector<Hit> &hits, const HitFilterOptions &options);
};

} // namespace photopeak
