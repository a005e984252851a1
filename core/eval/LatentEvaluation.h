// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "metrics/LabelSetMetrics.h"
#include "eval/LatentProtocol.h"
#include "metrics/MultiLabelAccuracy.h"
#include "ml/latent/LatentModel.h"

#include <QMap>
#include <QString>

namespace photopeak {

// Figures of one latent model with one set of options on the protocol's test set.
struct LatentEvaluationResult {
    QString variant;  // options in words
    // Single-label test: truth = first non-background label (sorted) else background;
    // prediction = highest-share present isotope, else background, else (none).
    int singleCount = 0;
    int singleCorrect = 0;
    QMap<QString, QMap<QString, int>> singleConfusion;  // truth -> predicted -> count
    QMap<QString, QPair<int, int>> singlePerFile;        // file -> (correct, n)
    // Rows whose label may contradict the spectrum: single-label errors on rows labelled background only that
    // were called an isotope labelled in other rows of the same file (the source that was in the room: e.g. a
    // background row of Co60-2_left called Co60). Counted as errors like any other; reported beside them.
    int singleOwnSourceErrors = 0;
    QMap<QString, int> singleOwnSourcePerFile;
    // Multi-label test (T includes background), sets compared, plus the old mean multi-label accuracy.
    LabelSetMetrics multi;
    MultiLabelAccuracy multiAccuracy;
    // Unknown-isotope flag: rows with an isotope outside the model, and known rows flagged by mistake.
    int unknownCount = 0, unknownFlagged = 0, unknownFlaggedSimilarity = 0;
    int knownCount = 0, knownFlagged = 0, knownFlaggedSimilarity = 0;
    QMap<QString, int> unknownPredicted;  // predicted label set of the unknown rows
    double medianGain = 1.0;
    // Resolution adjustment: quartiles of the extra sigma (keV at 662 keV) chosen on the known rows.
    double broadeningQuartiles[3] = {0.0, 0.0, 0.0};

    double singleAccuracy() const { return singleCount ? double(singleCorrect) / singleCount : 0.0; }
    double multiPerfect() const { return multi.relationShare(SetRelation::Perfect).valueOr(0.0); }
};

class LatentEvaluation {
public:
    // The old tool's single-label truth of a label set.
    static QString singleTruth(const QStringList &labels);

    static LatentEvaluationResult evaluate(const LatentModel &model, const LatentOptions &options,
                                           const LatentProtocol::TestSet &tests, const JobControl *job = nullptr);

    // Human-readable report: headline figures, single-label confusion, per-file accuracy, set categories,
    // confusion by label set, unknown-isotope flag.
    static QString report(const LatentEvaluationResult &r, bool withTables = true);
    // One row per variant: single-label accuracy, perfect, P<T, T<P, wrong, mean multi-label accuracy, flags.
    static QString comparisonTable(const QList<LatentEvaluationResult> &results);
};

} // namespace photopeak
