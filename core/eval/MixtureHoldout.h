// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "jobs/JobControl.h"
#include "ml/ClassifierOptions.h"
#include "ml/PreparedSet.h"
#include "util/Result.h"

#include <QString>

#include <vector>

namespace photopeak {

// Leave-one-setting-out validation of identification on the training data alone. A setting is the live-time
// and distance folders below an isotope's folder ("5s/50cm"). For each setting, a classifier is trained on
// everything else (backgrounds stay in) and tested on the held-out setting's measured single-source spectra
// and on exact two-source mixtures made from them: the sum of the k-th spectra of two isotopes' series is a
// Poisson sample of both sources (each at half its measured rate) and background over the summed live time.
// Used to choose synthetic-mixture settings without looking at any test folder.
struct MixtureHoldoutRow {
    QString setting;
    int pairs = 0, pairsExact = 0;      // exact isotope set on the held-out pair sums
    int singles = 0, singlesExact = 0;  // exact isotope set on the held-out measured single-source spectra
};

struct MixtureHoldoutResult {
    std::vector<MixtureHoldoutRow> rows;
    MixtureHoldoutRow total;
};

class MixtureHoldout {
public:
    static Result<MixtureHoldoutResult> run(const PreparedSet &set, const ClassifierOptions &options,
                                            const JobControl *job = nullptr);
    // Every row and the total, one line each.
    static QString table(const MixtureHoldoutResult &result);
};

} // namespace photopeak
