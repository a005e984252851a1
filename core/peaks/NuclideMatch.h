#pragma once

#include <QString>
#include <QStringList>

namespace photopeak {

// One candidate nuclide of the classical (peak-based) identification.
struct NuclideMatch {
    QString nuclide;
    double score = 0.0;        // 0..1: coverage of the expected lines x consistency of their ratios
    double coverage = 0.0;     // expected-signal share of the lines that were found
    double ratioChi2 = 0.0;    // per degree of freedom, line areas vs expected ratios
    int linesMatched = 0;
    int linesExpected = 0;     // lines that should be visible given the matched ones
    bool strongestFound = false;
    QStringList matched;       // "661.7 keV (peak 662.3)"
};

} // namespace photopeak
