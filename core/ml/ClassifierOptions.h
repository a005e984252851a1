// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureConfig.h"
#include "ml/BinaryLearner.h"
#include "ml/ProbabilityCalibrator.h"
#include "ml/SyntheticMixer.h"
#include "ml/detect/SigmaTest.h"

#include <QJsonObject>

namespace photopeak {

// Everything that decides what `train` produces. Stored in the model file; together with the training
// set's content hash it is the key under which a trained model may be reused.
struct ClassifierOptions {
    bool sigmaDetection = false;  // detection by the sigma test instead of a learner
    LearnerMethod detectionMethod = LearnerMethod::Logistic;
    FeatureConfig detectionFeatures = FeatureConfig::detectionDefault();
    bool identify = true;
    LearnerMethod identificationMethod = LearnerMethod::Logistic;
    FeatureConfig identificationFeatures = FeatureConfig::identificationDefault();
    bool augment = true;          // synthetic weak sources and backgrounds
    bool augmentMixtures = true;  // synthetic mixtures (off to measure their gain)
    SyntheticOptions synthetic;
    int folds = 5;
    bool searchHyperParameters = true;
    CalibrationMethod calibration = CalibrationMethod::Platt;
    SigmaTestOptions sigma;
    double decisionThreshold = 0.5;  // calibrated probability at which an isotope (and, without a target, a source) is reported
    // Detection operating point: the probability threshold that calls this share of held-out background
    // spectra (measured and synthetic, grouped folds) a source; 0 = use decisionThreshold.
    double targetFalseAlarm = 0.01;
    quint64 seed = 20221;

    QJsonObject toJson() const;
    static Result<ClassifierOptions> fromJson(const QJsonObject &json, const QString &source);
    QString methodName() const;  // e.g. "rbf-svm+logistic"
};

} // namespace photopeak
