// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "jobs/JobControl.h"
#include "ml/latent/LatentModel.h"
#include "ml/latent/LatentTrainer.h"
#include "spectrum/Spectrum.h"
#include "util/Result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

// One test spectrum already rebinned onto the model grid.
struct LatentSample {
    std::vector<double> counts;  // on the grid
    QStringList truth;           // label set, sorted (includes "background" where the file says so)
    QString file;                // file stem it came from
    int row = 0;
};

// The GAMMA_FLOW evaluation protocol (shared/bench/README.md, issue 4) for any detector: isotopes trained on
// <Isotope>_simulated.h5, background on background_<date>_<detector>.h5; single-label test on the other
// measured <stem>_<detector>.h5 files; multi-label test on the multi-class_<detector>.h5 rows whose labels are
// all known components; rows with an unknown isotope (uranium) kept apart for the unknown-isotope flag.
// Or the same roles from explicit file lists.
class LatentProtocol {
public:
    QString dataDir;   // folder the files came from (messages only)
    QString detector;  // "left", ... ; empty for explicit file lists
    QStringList components{QStringLiteral("Am241"), QStringLiteral("Co60"), QStringLiteral("Cs137"),
                           QStringLiteral("Eu152"), QStringLiteral("background")};
    QStringList trainFiles;   // paths; every row must be labelled with exactly one component
    QStringList singleFiles;  // paths of the single-label test files
    QStringList multiFiles;   // paths of the multi-label test files

    // The left detector of the GAMMA_FLOW data (the files the bench README names).
    static LatentProtocol gammaFlowDefault(const QString &dataDir);
    // The files of one detector in a GAMMA_FLOW-style folder: *_simulated.h5 (isotopes, their stems name the
    // components), background_*_NAME.h5 (background), multi-class_NAME.h5 (multi-label test) and every other
    // *_NAME.h5 (single-label test). Fails, naming the folder and the pattern, when a role has no file.
    static Result<LatentProtocol> forDetector(const QString &dataDir, const QString &detector);
    // Explicit lists. Components: the single labels of the training rows, sorted, background last.
    static Result<LatentProtocol> fromFiles(const QStringList &train, const QStringList &single,
                                            const QStringList &multi, bool requireTests = true);

    // Reads the training files and trains a model with `options` (which also fix the unknown thresholds).
    Result<LatentModel> train(const LatentOptions &options, const JobControl *job = nullptr) const;
    // Raw training spectra (for callers that train themselves).
    Result<std::vector<Spectrum>> trainingSpectra(const JobControl *job = nullptr) const;

    struct TestSet {
        std::vector<LatentSample> single;   // single-label test rows
        std::vector<LatentSample> multi;    // multi-label rows with only known labels
        std::vector<LatentSample> unknown;  // multi-label rows with a label outside the components
        int skipped = 0;                    // rows that cannot be analysed (all zero, NaN, bad calibration)
    };
    // Reads and rebins (count-conserving) the test files onto `grid`.
    Result<TestSet> testSet(const EnergyGrid &grid, const JobControl *job = nullptr) const;

    // "name, name, ..." of file stems, for reports.
    static QString stems(const QStringList &paths);

private:
    static Result<std::vector<Spectrum>> read(const QString &path);
};

} // namespace photopeak
