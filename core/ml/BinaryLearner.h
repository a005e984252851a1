// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureMatrix.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QString>

#include <memory>
#include <vector>

namespace photopeak {

// dlib-backed binary learners. dlib has no random-forest classifier: RandomForest is dlib's regression
// forest trained on +-1 targets, its output used as a score (say so wherever the method is shown).
enum class LearnerMethod { RbfSvm, LinearSvm, RandomForest, Logistic };

struct LearnerParams {
    double c = 10.0;       // SVM cost
    double gamma = 0.0;    // RBF width; 0 = 1 / number of features
    int trees = 200;       // random forest
    int minLeaf = 5;       // random forest: minimum samples per leaf
    double lambda = 1e-3;  // logistic: L2 penalty
    bool balanced = true;  // weight classes inversely to their frequency
    QString seed = QStringLiteral("photopeak");  // random forest seed

    QJsonObject toJson() const;
    static LearnerParams fromJson(const QJsonObject &json);
    QString describe(LearnerMethod method) const;
};

class BinaryLearner {
public:
    static QString methodName(LearnerMethod m);
    static QString methodTitle(LearnerMethod m);  // for users, e.g. "random forest (dlib regression forest on +-1)"
    static bool parseMethod(const QString &name, LearnerMethod *out);

    // labels: 1 positive, 0 negative; rows: subset of the matrix to train on (empty = all rows).
    static Result<BinaryLearner> train(LearnerMethod method, const LearnerParams &params, const FeatureMatrix &x,
                                       const std::vector<int> &labels, const std::vector<int> &rows = {});

    LearnerMethod method() const { return m_method; }
    const LearnerParams &params() const { return m_params; }
    int dimension() const { return m_dim; }
    // Uncalibrated score: larger means more likely positive; 0 is the learner's own boundary.
    double decision(const double *x) const;

    QJsonObject toJson() const;
    static Result<BinaryLearner> fromJson(const QJsonObject &json, const QString &source);

    struct Impl;

private:
    LearnerMethod m_method = LearnerMethod::Logistic;
    LearnerParams m_params;
    int m_dim = 0;
    std::shared_ptr<const Impl> m_impl;
};

} // namespace photopeak
