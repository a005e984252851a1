// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureMatrix.h"
#include "hits/HitCnn.h"
#include "hits/HitFeatureScaler.h"
#include "hits/HitSegmenter.h"
#include "ml/CalibratedClassifier.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace photopeak {

enum class HitMethod {
    Rule,  // the published CREDO rule: track-like if solidity > 0.7 and ellipticity > 0.6
    Svm,   // calibrated RBF SVM on standardised features (CalibratedClassifier, grouped CV search)
    Cnn,   // HitCnn on the crops
};

struct HitTrainOptions {
    HitMethod method = HitMethod::Svm;
    QStringList features = HitFeatureScaler::defaultNames();  // SVM inputs
    ThresholdOptions threshold;  // segmentation the features were computed with (stored with the model)
    ClassifierTraining svm;      // method RbfSvm by default (set in train)
    HitCnnOptions cnn;
    double ruleSolidity = 0.7, ruleEllipticity = 0.6;

    static bool parseMethod(const QString &name, HitMethod *out);
    static QString methodName(HitMethod m);
};

// Classifies hits into the classes of a labelled collection. Probabilities: the rule gives 1/0 for the track
// class (the rest shared by the other classes); the SVM Platt-calibrated probabilities from held-out folds
// (one-vs-rest beyond two classes, normalised); the CNN its softmax, Platt-calibrated per class on a held-out
// share of the training groups (the network is trained on the rest), normalised.
class HitClassifier {
public:
    // rows of `features` align with `images` and `labels` (0..classes-1); groups for the SVM's grouped CV.
    static Result<HitClassifier> train(const std::vector<const HitImage *> &images, const FeatureMatrix &features,
                                       const std::vector<int> &labels, const std::vector<int> &groups,
                                       const QStringList &classes, const HitTrainOptions &options,
                                       const JobControl *job = nullptr);

    HitMethod method() const { return m_options.method; }
    // "platt on 139 held-out hits of 76 groups", or why the CNN's softmax stayed uncalibrated.
    const QString &calibrationNote() const { return m_cnnNote; }
    const QStringList &classes() const { return m_classes; }
    const ThresholdOptions &threshold() const { return m_options.threshold; }
    // Probabilities rows x classes().
    Result<FeatureMatrix> predict(const std::vector<const HitImage *> &images, const FeatureMatrix &features) const;

    Status save(const QString &path, const QJsonObject &metrics = {}) const;
    static Result<HitClassifier> load(const QString &path);
    static constexpr const char *kind = "hits";

private:
    HitTrainOptions m_options;
    QStringList m_classes;
    std::optional<HitFeatureScaler> m_scaler;
    std::vector<CalibratedClassifier> m_svms;  // one for two classes (class 0 positive), else one per class
    std::optional<HitCnn> m_cnn;
    // Platt on log(p_c / (1 - p_c)) of the softmax: one for two classes (class 0), else one per class.
    std::vector<ProbabilityCalibrator> m_cnnCalibration;
    // Maps softmax rows through m_cnnCalibration (no-op without one: models saved before calibration).
    void calibrate(FeatureMatrix &p) const;
    QString m_cnnNote;  // how the CNN was calibrated (or why not), for people
};

} // namespace photopeak
