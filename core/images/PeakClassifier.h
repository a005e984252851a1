// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "images/ImageFrame.h"
#include "images/BraggCandidate.h"
#include "images/PeakFinder.h"
#include "images/PeakTrainingSet.h"
#include "images/PixelMask.h"
#include "jobs/JobControl.h"
#include "ml/CalibratedClassifier.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace photopeak {

class PatchCnn;

enum class PeakModelMethod { Svm, Cnn };

struct PeakTrainingOptions {
    PeakModelMethod method = PeakModelMethod::Svm;
    int folds = 5;
    bool search = true;         // C and gamma by grouped cross-validation (SVM)
    int maxSearchRows = 1500;   // search on a seeded subsample of at most this many candidates
    int cnnEpochs = 30;
    quint64 seed = 17;
};

// Learned probability that a candidate is a Bragg peak: patch features and a calibrated RBF SVM (C and gamma
// by cross-validation grouped by frame, balanced class weights, Platt calibration on held-out folds), or a
// small CNN on the patches (PatchCnn, balanced batches) calibrated by Platt scaling on one held-out fold of
// frames (the fold's candidates are the validation; the CNN is not retrained on them). Stores the finder options it was trained with, so that
// classification finds candidates exactly as training did. Model files are ModelFile documents of kind
// "image-peaks".
class PeakClassifier {
public:
    static constexpr const char *Kind = "image-peaks";
    static QString methodName(PeakModelMethod m);
    static bool parseMethod(const QString &name, PeakModelMethod *out);

    static Result<PeakClassifier> train(const PeakTrainingSet &set, const PeakFinderOptions &finder,
                                        const PeakTrainingOptions &options, const JobControl *job = nullptr);

    PeakModelMethod method() const { return m_method; }
    const PeakFinderOptions &finderOptions() const { return m_finder; }
    double threshold() const { return m_threshold; }
    // Cross-validation: chosen parameters, out-of-fold precision/recall/F1, class balance and its warning.
    const QJsonObject &validation() const { return m_validation; }
    // Probabilities of the training candidates from folds that did not see them (empty after load()).
    const std::vector<double> &outOfFold() const { return m_outOfFold; }
    // Warnings for people (class imbalance, few frames); empty when none.
    QStringList warnings() const;

    // Sets `probability` of every candidate.
    void classify(const ImageFrame &frame, const PixelMask &mask, std::vector<BraggCandidate> &candidates) const;

    Status save(const QString &path) const;
    static Result<PeakClassifier> load(const QString &path);

private:
    void standardize(const double *in, double *out) const;

    PeakModelMethod m_method = PeakModelMethod::Svm;
    PeakFinderOptions m_finder;
    std::vector<double> m_mean, m_scale;
    std::optional<CalibratedClassifier> m_svm;
    std::shared_ptr<const PatchCnn> m_cnn;
    std::optional<ProbabilityCalibrator> m_cnnCalibration;
    double m_threshold = 0.5;
    QJsonObject m_validation;
    std::vector<double> m_outOfFold;
};

} // namespace photopeak
