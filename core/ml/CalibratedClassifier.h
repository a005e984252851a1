// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureMatrix.h"
#include "jobs/JobControl.h"
#include "ml/BinaryLearner.h"
#include "ml/ProbabilityCalibrator.h"
#include "util/Result.h"

#include <QJsonObject>

#include <vector>

namespace photopeak {

struct ClassifierTraining {
    LearnerMethod method = LearnerMethod::Logistic;
    std::vector<LearnerParams> candidates;  // hyper-parameters tried by grouped CV; one = no search
    int folds = 5;
    CalibrationMethod calibration = CalibrationMethod::Platt;
    quint64 seed = 20221;
    int maxSearchRows = 4000;  // hyper-parameter search on a seeded subsample of at most this many rows
    // > 0: also find the probability threshold at which this share of held-out negatives is called positive
    // (Neyman-Pearson operating point, e.g. 0.01 false alarms); never below 0.5.
    double targetFalsePositiveRate = 0.0;

    // C and gamma grid for the RBF SVM, C grid for the linear SVM, lambda grid for logistic, one forest.
    static std::vector<LearnerParams> defaultCandidates(LearnerMethod method, const LearnerParams &base = {});
};

// A binary learner plus a probability calibrator fitted on held-out folds. Hyper-parameters are chosen by
// the out-of-fold log-loss of grouped k-fold cross-validation; the final learner is trained on all rows.
class CalibratedClassifier {
public:
    static Result<CalibratedClassifier> train(const FeatureMatrix &x, const std::vector<int> &labels,
                                              const std::vector<int> &groups, const ClassifierTraining &options,
                                              const JobControl *job = nullptr);

    double decision(const double *x) const { return m_learner.decision(x); }
    double probability(const double *x) const { return m_calibrator.probability(m_learner.decision(x)); }
    const BinaryLearner &learner() const { return m_learner; }
    // Calibrated probabilities of the training rows from the folds that did not see them (NaN where a fold
    // could not be trained). Only after train(); not saved.
    const std::vector<double> &outOfFoldProbabilities() const { return m_outOfFold; }
    // Decision threshold on the probability: 0.5, or the operating point for targetFalsePositiveRate.
    double threshold() const { return m_threshold; }
    // Cross-validation summary: chosen parameters, log-loss per candidate, out-of-fold metrics at p = 0.5.
    const QJsonObject &validation() const { return m_validation; }

    QJsonObject toJson() const;
    static Result<CalibratedClassifier> fromJson(const QJsonObject &json, int expectedDimension, const QString &source);

private:
    BinaryLearner m_learner;
    ProbabilityCalibrator m_calibrator;
    QJsonObject m_validation;
    double m_threshold = 0.5;
    std::vector<double> m_outOfFold;
};

} // namespace photopeak
