// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureMatrix.h"
#include "ml/CalibratedClassifier.h"
#include "tables/EventTable.h"
#include "tables/FeatureNormalizer.h"
#include "tables/TableQuery.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QStringList>

#include <memory>

namespace photopeak {

// A two-class event classifier over table columns (track vs shower): the feature columns by name, the
// normalisation fitted on the training rows, a calibrated learner, and how the training table was read and
// labelled. Saved as a model file of kind "event-table". Prediction refuses a table that lacks a feature
// column (or has it as text), naming the columns.
class EventClassifier {
public:
    static constexpr const char *Kind = "event-table";

    struct Definition {
        QStringList features;
        TableQuery query;
        QString label;        // expression that made the positive class
        QString filter;       // row filter applied before training ("" = all rows)
        QString negativeName = QStringLiteral("shower");
        QString positiveName = QStringLiteral("track");
    };

    EventClassifier() = default;
    EventClassifier(Definition definition, FeatureNormalizer normalizer, CalibratedClassifier classifier);

    const Definition &definition() const { return m_def; }
    const QStringList &features() const { return m_def.features; }
    const FeatureNormalizer &normalizer() const { return m_normalizer; }
    const CalibratedClassifier &classifier() const { return m_classifier; }
    double threshold() const { return m_classifier.threshold(); }

    // Ok when `table` has every feature as a numeric column; the error names what is missing or text.
    Status checkColumns(const EventTable &table, const QString &source) const;
    // Feature matrix of the table's rows in model order, not normalised; rows with a missing feature hold NaN.
    Result<FeatureMatrix> rawFeatures(const EventTable &table, const QString &source) const;
    // Probability of the positive class per row (NaN where a feature is missing).
    Result<std::vector<double>> predict(const EventTable &table, const QString &source) const;
    // For a row already normalised.
    double probabilityOfNormalised(const double *row) const { return m_classifier.probability(row); }

    // Learned linear weights per feature (linear SVM, logistic), empty for other learners.
    std::vector<double> coefficients() const;

    void setTrainingInfo(QJsonObject parameters, QJsonObject metrics, QString trainingHash);
    const QJsonObject &parameters() const { return m_parameters; }
    const QJsonObject &metrics() const { return m_metrics; }
    QString describe() const;

    Status save(const QString &path) const;
    static Result<EventClassifier> load(const QString &path);

private:
    void prepareFastPath();

    Definition m_def;
    FeatureNormalizer m_normalizer;
    CalibratedClassifier m_classifier;
    QJsonObject m_parameters, m_metrics;
    QString m_trainingHash;
    // Linear learners: weights (bias last) and the calibrator, for the column-wise prediction of a chunk.
    std::vector<double> m_linear;
    std::shared_ptr<const ProbabilityCalibrator> m_calibrator;
};

} // namespace photopeak
