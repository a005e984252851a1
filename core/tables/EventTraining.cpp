// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/EventTraining.h"

#include "tables/TableExpression.h"
#include "tables/TableSplit.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>

#include <cmath>

namespace photopeak {

QJsonObject EventTrainingSpec::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("label")] = label;
    o[QStringLiteral("filter")] = filter;
    o[QStringLiteral("balance")] = ClassBalancer::modeName(balance);
    o[QStringLiteral("balanceColumns")] = QJsonArray::fromStringList(balanceColumns);
    o[QStringLiteral("normalisation")] = FeatureNormalizer::methodName(normalisation);
    o[QStringLiteral("method")] = BinaryLearner::methodName(method);
    o[QStringLiteral("search")] = search;
    o[QStringLiteral("folds")] = folds;
    o[QStringLiteral("groupColumn")] = groupColumn;
    o[QStringLiteral("weightColumn")] = weightColumn;
    o[QStringLiteral("testFraction")] = testFraction;
    o[QStringLiteral("seed")] = QString::number(seed);
    return o;
}

QString EventTrainingResult::toText() const
{
    const QString neg = model.definition().negativeName, pos = model.definition().positiveName;
    QString t;
    for (const QString &n : notes)
        t += n + QLatin1Char('\n');
    t += QStringLiteral("model: %1\n").arg(model.describe());
    t += QStringLiteral("training rows %1, held-out test rows %2\n").arg(trainingRows).arg(testRows);
    t += QStringLiteral("\ncross-validated (out-of-fold) on the training rows:\n") + crossValidation.toText(neg, pos);
    if (test)
        t += QStringLiteral("\nheld-out test rows:\n") + test->toText(neg, pos);
    auto list = [&](const QString &title, const std::vector<FeatureImportance::Entry> &entries) {
        if (entries.empty())
            return;
        std::vector<FeatureImportance::Entry> sorted = entries;
        std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return std::abs(a.value) > std::abs(b.value); });
        t += QLatin1Char('\n') + title + QLatin1Char('\n');
        for (size_t i = 0; i < sorted.size() && i < 12; ++i)
            t += QStringLiteral("  %1 %2%3\n").arg(sorted[i].feature, -32).arg(sorted[i].value, 9, 'f', 4)
                     .arg(sorted[i].spread > 0 ? QStringLiteral(" +- %1").arg(sorted[i].spread, 0, 'f', 4) : QString());
    };
    list(QStringLiteral("linear weights (normalised features), largest first:"), coefficients);
    list(QStringLiteral("permutation importance (ROC AUC drop), largest first:"), permutation);
    return t;
}

QStringList EventTraining::neededColumns(const EventTrainingSpec &spec)
{
    QStringList cols = spec.features;
    auto add = [&](const QStringList &more) {
        for (const QString &c : more)
            if (!c.isEmpty() && !cols.contains(c))
                cols << c;
    };
    if (auto e = TableExpression::parse(spec.label))
        add(e->columns());
    if (!spec.filter.trimmed().isEmpty())
        if (auto e = TableExpression::parse(spec.filter))
            add(e->columns());
    add(spec.balanceColumns);
    add({spec.groupColumn, spec.weightColumn});
    return cols;
}

Result<EventTrainingResult> EventTraining::run(const EventTrainingSpec &spec, const JobControl *job)
{
    auto label = TableExpression::parse(spec.label);
    if (!label)
        return label.error();
    QStringList notes;
    // With no feature list every column is read and the numeric ones not in the label become features.
    const QStringList columns = spec.features.isEmpty() ? QStringList() : neededColumns(spec);
    auto table = spec.query.read(spec.file, columns, &notes, job);
    if (!table)
        return table.error();
    notes.prepend(QStringLiteral("read %1 rows of %2 from %3").arg(table->rowCount()).arg(spec.query.table.isEmpty() ? QStringLiteral("the table") : spec.query.table, spec.file));
    return run(spec, *table, spec.file, notes, job);
}

Result<EventTrainingResult> EventTraining::run(const EventTrainingSpec &spec, const EventTable &table, const QString &source,
                                               QStringList notes, const JobControl *job)
{
    auto label = TableExpression::parse(spec.label);
    if (!label)
        return label.error();
    QStringList features = spec.features;
    if (features.isEmpty()) {
        const QStringList used = neededColumns(spec) + spec.query.keys;
        for (const ColumnInfo &c : table.columns())
            if (c.isNumeric() && !used.contains(c.name) && !c.name.contains(QLatin1Char('.')))
                features << c.name;
    }
    if (features.isEmpty())
        return makeError(source, QStringLiteral("no feature columns"));
    auto labels = label->evaluate(table);
    if (!labels)
        return makeError(source, labels.error().toString());
    std::vector<double> keep(static_cast<size_t>(table.rowCount()), 1.0);
    if (!spec.filter.trimmed().isEmpty()) {
        auto filter = TableExpression::parse(spec.filter);
        if (!filter)
            return filter.error();
        auto f = filter->evaluate(table);
        if (!f)
            return makeError(source, f.error().toString());
        keep = std::move(f).value();
    }
    EventClassifier::Definition def;
    def.features = features;
    def.query = spec.query;
    def.label = label->text();
    def.filter = spec.filter.trimmed();
    def.negativeName = spec.negativeName;
    def.positiveName = spec.positiveName;
    EventClassifier probe(def, {}, {});
    auto raw = probe.rawFeatures(table, source);
    if (!raw)
        return raw.error();
    const int groupCol = spec.groupColumn.isEmpty() ? -1 : table.indexOf(spec.groupColumn);
    const int weightCol = spec.weightColumn.isEmpty() ? -1 : table.indexOf(spec.weightColumn);
    if (!spec.groupColumn.isEmpty() && groupCol < 0)
        return makeError(source, QStringLiteral("group column %1 is not in the table").arg(spec.groupColumn));
    if (!spec.weightColumn.isEmpty() && weightCol < 0)
        return makeError(source, QStringLiteral("weight column %1 is not in the table").arg(spec.weightColumn));

    // Rows kept: filter true, label known, every feature present (the old script's dropna, counted).
    std::vector<qint64> rows;
    qint64 filtered = 0, unlabelled = 0, incomplete = 0;
    for (qint64 r = 0; r < table.rowCount(); ++r) {
        const double k = keep[static_cast<size_t>(r)];
        if (std::isnan(k) || k == 0.0) {
            ++filtered;
            continue;
        }
        if (std::isnan((*labels)[static_cast<size_t>(r)])) {
            ++unlabelled;
            continue;
        }
        bool complete = true;
        for (int f = 0; f < raw->cols && complete; ++f)
            complete = !std::isnan(raw->at(static_cast<int>(r), f));
        if (!complete) {
            ++incomplete;
            continue;
        }
        rows.push_back(r);
    }
    notes << QStringLiteral("rows: %1 kept, %2 removed by the filter, %3 without a label value, %4 with a missing feature")
                 .arg(rows.size()).arg(filtered).arg(unlabelled).arg(incomplete);
    std::vector<int> y(rows.size()), groups(rows.size());
    QHash<QString, int> groupIds;
    for (size_t k = 0; k < rows.size(); ++k) {
        y[k] = (*labels)[static_cast<size_t>(rows[k])] != 0.0 ? 1 : 0;
        if (groupCol >= 0) {
            const QString g = table.text(groupCol, rows[k]);
            groups[k] = groupIds.contains(g) ? groupIds.value(g) : groupIds.insert(g, static_cast<int>(groupIds.size())).value();
        } else {
            groups[k] = static_cast<int>(k);
        }
    }
    // Held-out test rows first (before balancing, so the test set keeps the natural class mix).
    const std::vector<char> isTest = spec.testFraction <= 0.0 ? std::vector<char>(rows.size(), 0)
                                     : groupCol >= 0 ? TableSplit::grouped(groups, spec.testFraction, spec.seed)
                                                     : TableSplit::stratified(y, spec.testFraction, spec.seed);
    std::vector<qint64> trainCandidates;
    std::vector<size_t> trainIndex, testIndex;
    for (size_t k = 0; k < rows.size(); ++k) {
        if (isTest[k]) {
            testIndex.push_back(k);
        } else {
            trainCandidates.push_back(rows[k]);
            trainIndex.push_back(k);
        }
    }
    // Balance the training rows by the group columns (or by class).
    QStringList groupNames;
    std::vector<int> balanceGroup;
    if (spec.balanceColumns.isEmpty()) {
        groupNames = {spec.negativeName, spec.positiveName};
        for (size_t k : trainIndex)
            balanceGroup.push_back(y[k]);
    } else {
        auto ids = ClassBalancer::groupIds(table, trainCandidates, spec.balanceColumns, &groupNames);
        if (!ids)
            return makeError(source, ids.error().message);
        balanceGroup = std::move(ids).value();
    }
    EventTrainingResult result;
    result.balance = ClassBalancer::balance(trainCandidates, balanceGroup, groupNames, spec.balance, spec.seed);
    notes << QStringLiteral("balancing (%1): %2").arg(ClassBalancer::modeName(spec.balance), result.balance.summary());
    // Map balanced table rows back to positions in `rows`.
    std::vector<size_t> chosen;
    {
        size_t j = 0;
        for (qint64 r : result.balance.rows) {
            while (trainCandidates[j] != r)
                ++j;
            chosen.push_back(trainIndex[j]);
        }
    }
    const int dim = raw->cols;
    FeatureMatrix xTrain(static_cast<int>(chosen.size()), dim);
    std::vector<int> yTrain, gTrain;
    std::vector<double> wTrain;
    for (size_t i = 0; i < chosen.size(); ++i) {
        const qint64 r = rows[chosen[i]];
        std::copy(raw->row(static_cast<int>(r)), raw->row(static_cast<int>(r)) + dim, xTrain.row(static_cast<int>(i)));
        yTrain.push_back(y[chosen[i]]);
        gTrain.push_back(groups[chosen[i]]);
        double w = spec.balance == ClassBalancer::Mode::Weights ? result.balance.weights[i] : 1.0;
        if (weightCol >= 0)
            w *= table.value(weightCol, r);
        wTrain.push_back(w);
    }
    const FeatureNormalizer normalizer = FeatureNormalizer::fit(spec.normalisation, xTrain);
    normalizer.apply(xTrain);
    ClassifierTraining options;
    options.method = spec.method;
    options.folds = spec.folds;
    options.seed = spec.seed;
    LearnerParams base;
    base.balanced = true;
    options.candidates = spec.search ? ClassifierTraining::defaultCandidates(spec.method, base) : std::vector<LearnerParams>{base};
    auto classifier = CalibratedClassifier::train(xTrain, yTrain, gTrain, options, job);
    if (!classifier)
        return makeError(source, classifier.error().toString());
    const bool useWeights = weightCol >= 0 || spec.balance == ClassBalancer::Mode::Weights;
    result.crossValidation = EventEvaluation::compute(yTrain, classifier->outOfFoldProbabilities(),
                                                      useWeights ? wTrain : std::vector<double>{}, classifier->threshold());
    result.model = EventClassifier(def, normalizer, std::move(classifier).value());
    result.trainingRows = static_cast<qint64>(chosen.size());

    // Held-out evaluation and permutation importance on the test rows (training rows if there are none).
    FeatureMatrix xEval;
    std::vector<int> yEval;
    std::vector<double> wEval;
    const std::vector<size_t> &evalIndex = testIndex.empty() ? chosen : testIndex;
    xEval = FeatureMatrix(static_cast<int>(evalIndex.size()), dim);
    for (size_t i = 0; i < evalIndex.size(); ++i) {
        const qint64 r = rows[evalIndex[i]];
        std::copy(raw->row(static_cast<int>(r)), raw->row(static_cast<int>(r)) + dim, xEval.row(static_cast<int>(i)));
        yEval.push_back(y[evalIndex[i]]);
        if (weightCol >= 0)
            wEval.push_back(table.value(weightCol, r));
    }
    normalizer.apply(xEval);
    if (!testIndex.empty()) {
        std::vector<double> p(evalIndex.size());
        for (int i = 0; i < xEval.rows; ++i)
            p[static_cast<size_t>(i)] = result.model.probabilityOfNormalised(xEval.row(i));
        result.test = EventEvaluation::compute(yEval, p, wEval, result.model.threshold());
        result.testRows = static_cast<qint64>(testIndex.size());
    }
    JobControl::report(job, 0, 1, QStringLiteral("Permutation importance"));
    result.coefficients = FeatureImportance::coefficients(result.model);
    result.permutation = FeatureImportance::permutation(result.model, xEval, yEval, wEval, spec.permutationRepeats, spec.seed);

    QJsonObject metrics;
    metrics[QStringLiteral("crossValidation")] = result.crossValidation.toJson(spec.negativeName, spec.positiveName);
    if (result.test)
        metrics[QStringLiteral("test")] = result.test->toJson(spec.negativeName, spec.positiveName);
    metrics[QStringLiteral("coefficients")] = FeatureImportance::toJson(result.coefficients);
    metrics[QStringLiteral("permutationImportance")] = FeatureImportance::toJson(result.permutation);
    metrics[QStringLiteral("validation")] = result.model.classifier().validation();
    metrics[QStringLiteral("notes")] = QJsonArray::fromStringList(notes);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(xTrain.data.data()), static_cast<qsizetype>(xTrain.data.size() * sizeof(double))));
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(yTrain.data()), static_cast<qsizetype>(yTrain.size() * sizeof(int))));
    result.model.setTrainingInfo(spec.toJson(), metrics, QString::fromLatin1(hash.result().toHex()));
    result.notes = notes;
    return result;
}

} // namespace photopeak
