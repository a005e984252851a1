// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "ml/CalibratedClassifier.h"
#include "model/FeatureTable.h"
#include "model/ModelRegistry.h"

#include <memory>

namespace photopeak {

// The generic calibrated classifier of every feature-based workflow (event tables, image candidates, hits):
// features standardised with the training mean and spread (stored), one calibrated binary learner for two
// classes or one per class (one-vs-rest, renormalised) for more, hyper-parameters by grouped CV. It knows its
// domain: a row with a feature beyond the training range (plus a margin of the range) is out of domain and
// decided "unknown" instead of a confident class.
class FeatureClassifierModel final : public Model {
public:
    static constexpr const char *Kind = "feature-classifier";
    static ModelKind modelKind();
    static const ParameterTable &parameterTable();

    static Result<FeatureClassifierModel> train(const FeatureTable &table, const QJsonObject &options,
                                                const JobControl *job = nullptr);
    static Result<FeatureClassifierModel> load(const QString &path);

    QString kind() const override { return QString::fromLatin1(Kind); }
    QString description() const override;
    QStringList labels() const override { return m_classes; }
    QJsonObject options() const override { return m_options; }
    QJsonObject metrics() const override { return m_metrics; }
    Result<std::vector<ModelPrediction>> predict(const ModelInput &input, const JobControl *job = nullptr) const override;
    Status save(const QString &path) const override;

    const QStringList &columns() const { return m_columns; }
    // Probability of every class for one row of columns() values (not standardised), in labels() order.
    std::vector<double> probabilities(const double *row) const;
    // Out-of-domain reason for one row (empty: inside).
    QString domainProblem(const double *row) const;
    // Out-of-fold probability of each class for the training rows (rows x classes), only after train().
    const FeatureMatrix &outOfFold() const { return m_outOfFold; }

private:
    QStringList m_classes, m_columns;
    QJsonObject m_options, m_metrics;
    std::vector<double> m_mean, m_scale, m_min, m_max;
    std::vector<CalibratedClassifier> m_classifiers;  // 1 for two classes (positive = m_classes[1]), else one per class
    double m_threshold = 0.5;
    double m_margin = 0.5;
    FeatureMatrix m_outOfFold;
};

} // namespace photopeak
