// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "metrics/Ratio.h"
#include "jobs/JobControl.h"
#include "ml/ClassifierOptions.h"
#include "util/Result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

struct StressOptions {
    ClassifierOptions classifier;  // training options of every model (identification is switched off: detection only)
    QString root;                  // XGD data root (srcs/, Dataset/, bkgs/, set2/, long/)
    QString formatsRoot;           // other instruments' files; empty = ROOT/../formats
    bool quick = false;            // CI subset: one isotope held out, fewer synthetic spectra, every third test spectrum
    QStringList heldOut;           // isotopes held out one at a time (empty: every trained one; quick: Cs137)
    QStringList conditions;        // drift conditions whose name contains one of these (empty: all; quick: ambient)
    bool neverTrained = true;      // the long/ isotopes never trained
    quint64 seed = 20221;
};

// One line of the stress table: the learned detector alone (the decision before the excess test) and the
// decision the model ships (learned detector confirmed by, or overruled by, the drift-robust excess test).
struct StressRow {
    QString section;
    QString what;
    Ratio learned;
    Ratio combined;
    QString goal;         // e.g. ">= 99 %"
    bool hasGoal = false;
    bool reached = false; // judged on `combined`
};

struct StressReport {
    std::vector<StressRow> rows;
    QStringList notes;
    double seconds = 0.0;
    int goals() const;
    int reached() const;
};

// `photopeak-cli evaluate --xgd ROOT --stress`: detection on conditions the training campaign never had.
//  - leave-one-isotope-out: a model trained without isotope X, tested on X's measured spectra per distance
//    (goal >= 99 % at 15 cm; at 50 cm within 2 points of the model that had X); Ba133, Co57 and Mn54 of long/
//    (never trained), Poisson-thinned to 5, 15 and 60 s (goal >= 99 %);
//  - drift: set2/test spectra with the ambient level x0.9 / x1.1, gain +-1 %, offset +-3 keV
//    (StressPerturbation): false alarms <= 1 %, detection >= 99 % at every distance and live time >= 3 s;
//  - foreign instruments: every spectrum of the formats folder is out of the XGD model's domain.
// Trains on srcs/, Dataset/ and bkgs/ only.
class StressTest {
public:
    static Result<StressReport> run(const StressOptions &options, const JobControl *job = nullptr);
    static QString table(const StressReport &report);
};

} // namespace photopeak
