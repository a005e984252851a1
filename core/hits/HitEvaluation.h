// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "hits/HitClassifier.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

// Out-of-fold predictions of one method under grouped k-fold cross-validation (groups kept whole).
struct HitEvaluation {
    HitMethod method = HitMethod::Rule;
    QStringList classes;
    std::vector<int> truth, predicted;          // class indices per labelled row
    FeatureMatrix probabilities;                // out-of-fold, rows x classes
    std::vector<std::vector<int>> confusion;    // [truth][predicted]
    double seconds = 0.0;                       // training + prediction over all folds

    double accuracy() const;
    double f1(int cls) const;
    double macroF1() const;
    double brier() const;                       // mean squared error of the probability vectors
    std::vector<int> misclassified() const;     // row indices
    QString confusionTable() const;

    // Runs `options.method` on grouped folds. Rows: labels 0..classes-1 (unlabelled rows must be removed).
    static Result<HitEvaluation> crossValidate(const std::vector<const HitImage *> &images, const FeatureMatrix &features,
                                               const std::vector<int> &labels, const std::vector<int> &groups,
                                               const QStringList &classes, const HitTrainOptions &options, int folds,
                                               quint64 seed, const JobControl *job = nullptr);
};

} // namespace photopeak
