// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "peaks/PeakAnalysis.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace photopeak {

// What Photopeak says about one isotope in one spectrum. Every isotope the model knows gets one,
// reported or not, so tables and reports can show all probabilities.
struct IsotopeFinding {
    QString isotope;                     // model label, e.g. "Cs137"
    double probability = 0.0;            // calibrated probability (classifier) or share (latent model)
    bool reported = false;               // probability at or above the model's threshold
    std::optional<double> activityBq;    // when an efficiency curve and a distance are known
    std::optional<double> activityUncBq; // 1 sigma, counting and efficiency combined
    std::optional<double> mdaBq;         // detection limit when the isotope's lines are not significant
};

// The outcome of the whole pipeline for one spectrum: detection, identification, activity, latent
// decomposition flag, problems. The CLI's CSV/JSON rows, the results table and PNG reports all show this.
struct SpectrumAnalysis {
    enum class Decision { Source, Background, Skipped, Error, OutOfDomain };

    QString file;                          // path shown to the user (relative to the opened root when known)
    int entryIndex = -1;                   // index in the dataset it came from (-1 when not from one)
    Decision decision = Decision::Error;
    std::optional<double> sourceProbability;  // none when detection is the sigma test
    double sigmaSignificance = 0.0;        // one-sided excess over the reference background, in sigma
    double sigmaExcessCps = 0.0;           // count-rate excess behind that significance (S - B)
    bool sigmaSource = false;
    bool noSigmaTest = false;              // no sigma test ran (latent model alone): the sigma fields mean nothing
    std::vector<IsotopeFinding> isotopes;  // in the model's label order
    bool unknownIsotope = false;           // latent model: fit worse than any training spectrum allows
    std::vector<double> latentScores;      // latent model's NNLS scores in its component order (empty without one)
    QStringList peakNuclides;              // classical identification from fitted peaks, best first, e.g.
                                           // "Cs137 0.93" (natural background left out); empty when not run
    std::shared_ptr<const PeakAnalysis> peaks; // the peak fit behind peakNuclides (PeakAnalyzer defaults, as the
                                           // CLI `peaks` prints it); the window and reports reuse it; null when not run
    QStringList libraryNuclides;           // library evidence (LibraryEvidence) for rows out of the model's domain
                                           // or decided "Source" with no trained isotope: the nuclides library
                                           // templates name, "Ba133 41.2" (significance, sigma), best first
    QString evidence;                      // which evidence decided such a row, in words; empty when not run
    double liveTimeSeconds = 0.0;
    double distanceCm = 0.0;               // used for activity (0 = unknown)
    QStringList flags;                     // SpectrumProblems::names()
    QString message;                       // why it was skipped or could not be read
    QStringList notes;                     // remarks that did not stop the analysis (e.g. why an activity is missing)
    QString model;                         // model description, e.g. "logistic+logistic (model.json)"
    bool outOfDomain = false;              // outside what the model was trained for (never shown as confident)
    QString domainReason;                  // why, e.g. "8192 channels (model trained on 4096)"
    std::optional<double> detectionThreshold; // P(source) at which the model calls a source
    std::optional<double> excessStatistic; // drift-robust excess test: 2 ln likelihood ratio of the best template
    QString excessTemplate;                // that template ("Cs137", "lib:Ba133", "peak 356 keV")

    QStringList reportedIsotopes() const
    {
        QStringList out;
        for (const IsotopeFinding &f : isotopes)
            if (f.reported)
                out << f.isotope;
        return out;
    }
    static QString decisionName(Decision d)
    {
        switch (d) {
        case Decision::Source: return QStringLiteral("Source");
        case Decision::Background: return QStringLiteral("Background");
        case Decision::Skipped: return QStringLiteral("skipped");
        case Decision::Error: return QStringLiteral("error");
        case Decision::OutOfDomain: return QStringLiteral("unknown (out of domain)");
        }
        return {};
    }
};

} // namespace photopeak
