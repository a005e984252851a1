// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QString>
#include <QStringList>

namespace photopeak {

// One candidate nuclide of the classical (peak-based) identification.
struct NuclideMatch {
    QString nuclide;
    double score = 0.0;        // 0..1: coverage of the expected lines x consistency of their ratios x closeness
    double coverage = 0.0;     // expected-signal share of the lines that were found (visible missing lines count against)
    double ratioChi2 = 0.0;    // per degree of freedom, line areas vs expected ratios
    double evidence = 0.0;     // combined significance (z) of the peak area this nuclide explains
    int linesMatched = 0;
    int linesExpected = 0;     // matched lines plus lines that should have been visible but are missing
    bool strongestFound = false;
    bool background = false;   // natural background (K40, uranium/thorium chains): not reported as the source
    QStringList matched;       // "661.7 keV (peak 662.3)"
    QStringList missing;       // "1332.5 keV (expect 450, limit 330)": visible missing lines, counts
    QString note;              // why a natural-chain nuclide is reported as a source
};

} // namespace photopeak
