// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "jobs/JobControl.h"
#include "ml/BinaryLearner.h"
#include "tables/ClassBalancer.h"
#include "tables/EventClassifier.h"
#include "tables/EventEvaluation.h"
#include "tables/FeatureImportance.h"
#include "tables/FeatureNormalizer.h"
#include "tables/TableQuery.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace photopeak {

// Everything that defines one training of an event classifier from a table file.
struct EventTrainingSpec {
    QString file;
    TableQuery query;
    QStringList features;          // numeric columns; empty = every numeric column not used by the label
    QString label = QStringLiteral("abs(type) == 14 && is_cc == 1");
    QString filter;                // e.g. "energy > 10"; empty = all rows
    QString negativeName = QStringLiteral("shower");
    QString positiveName = QStringLiteral("track");
    ClassBalancer::Mode balance = ClassBalancer::Mode::Downsample;
    QStringList balanceColumns;    // groups to equalise; empty = the two classes
    FeatureNormalizer::Method normalisation = FeatureNormalizer::Method::QuantileNormal;
    LearnerMethod method = LearnerMethod::LinearSvm;
    bool search = true;            // grid of hyper-parameters by grouped CV (else the defaults)
    int folds = 5;
    QString groupColumn;           // CV and split groups (runs); empty = every event its own group
    QString weightColumn;          // event weights for the metrics; empty = unweighted
    double testFraction = 0.25;    // held-out share (stratified, or grouped by groupColumn); 0 = none
    quint64 seed = 20221;
    int permutationRepeats = 3;

    QJsonObject toJson() const;
};

struct EventTrainingResult {
    EventClassifier model;
    EventEvaluation crossValidation;        // out-of-fold on the training rows
    std::optional<EventEvaluation> test;    // held-out rows, if any
    std::vector<FeatureImportance::Entry> coefficients;
    std::vector<FeatureImportance::Entry> permutation;
    ClassBalancer::Result_ balance;
    QStringList notes;                      // what was read, joined, filtered, dropped
    qint64 trainingRows = 0, testRows = 0;

    QString toText() const;
};

// Reads, filters, labels, balances, normalises, trains with grouped CV, evaluates and explains.
class EventTraining {
public:
    static Result<EventTrainingResult> run(const EventTrainingSpec &spec, const JobControl *job = nullptr);
    // The same on a table already in memory (`source` names it in messages).
    static Result<EventTrainingResult> run(const EventTrainingSpec &spec, const EventTable &table, const QString &source,
                                           QStringList notes = {}, const JobControl *job = nullptr);
    // The columns a training reads from the file.
    static QStringList neededColumns(const EventTrainingSpec &spec);
};

} // namespace photopeak
