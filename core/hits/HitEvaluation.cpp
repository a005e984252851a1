// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitEvaluation.h"

#include "metrics/GroupedKFold.h"

#include <QElapsedTimer>

namespace photopeak {

double HitEvaluation::accuracy() const
{
    int ok = 0;
    for (size_t i = 0; i < truth.size(); ++i)
        ok += truth[i] == predicted[i];
    return truth.empty() ? 0.0 : double(ok) / double(truth.size());
}

double HitEvaluation::f1(int c) const
{
    int tp = 0, fp = 0, fn = 0;
    for (size_t i = 0; i < truth.size(); ++i) {
        tp += truth[i] == c && predicted[i] == c;
        fp += truth[i] != c && predicted[i] == c;
        fn += truth[i] == c && predicted[i] != c;
    }
    return tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn);
}

double HitEvaluation::macroF1() const
{
    double s = 0.0;
    for (int c = 0; c < int(classes.size()); ++c)
        s += f1(c);
    return classes.isEmpty() ? 0.0 : s / double(classes.size());
}

double HitEvaluation::brier() const
{
    double s = 0.0;
    for (int i = 0; i < probabilities.rows; ++i)
        for (int c = 0; c < probabilities.cols; ++c) {
            const double d = probabilities.at(i, c) - (truth[size_t(i)] == c ? 1.0 : 0.0);
            s += d * d;
        }
    return probabilities.rows ? s / probabilities.rows : 0.0;
}

std::vector<int> HitEvaluation::misclassified() const
{
    std::vector<int> out;
    for (size_t i = 0; i < truth.size(); ++i)
        if (truth[i] != predicted[i])
            out.push_back(int(i));
    return out;
}

QString HitEvaluation::confusionTable() const
{
    int width = 10;
    for (const QString &c : classes)
        width = std::max(width, int(c.size()) + 2);
    QString out = QStringLiteral("%1").arg(QStringLiteral("truth \\ called"), -width - 4);
    for (const QString &c : classes)
        out += QStringLiteral("%1").arg(c, width);
    out += QLatin1Char('\n');
    for (int t = 0; t < int(classes.size()); ++t) {
        out += QStringLiteral("%1").arg(classes[t], -width - 4);
        for (int p = 0; p < int(classes.size()); ++p)
            out += QStringLiteral("%1").arg(confusion[size_t(t)][size_t(p)], width);
        out += QLatin1Char('\n');
    }
    return out;
}

Result<HitEvaluation> HitEvaluation::crossValidate(const std::vector<const HitImage *> &images, const FeatureMatrix &features,
                                                   const std::vector<int> &labels, const std::vector<int> &groups,
                                                   const QStringList &classes, const HitTrainOptions &options, int folds,
                                                   quint64 seed, const JobControl *job)
{
    const int n = int(labels.size()), k = int(classes.size());
    HitEvaluation e;
    e.method = options.method;
    e.classes = classes;
    e.truth = labels;
    e.predicted.assign(size_t(n), -1);
    e.probabilities = FeatureMatrix(n, k);
    e.confusion.assign(size_t(k), std::vector<int>(size_t(k), 0));
    std::vector<int> first(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        first[size_t(i)] = labels[size_t(i)] == 0 ? 1 : 0;
    const std::vector<int> foldOf = GroupedKFold::assign(groups, first, folds, seed);
    QElapsedTimer timer;
    timer.start();
    for (int f = 0; f < folds; ++f) {
        if (JobControl::cancelled(job))
            return makeError(QStringLiteral("cross-validation"), QStringLiteral("cancelled"));
        JobControl::report(job, f, folds, QStringLiteral("%1: fold %2 of %3").arg(HitTrainOptions::methodName(options.method)).arg(f + 1).arg(folds));
        const std::vector<int> trainRows = GroupedKFold::trainRows(foldOf, f), testRows = GroupedKFold::testRows(foldOf, f);
        if (testRows.empty())
            continue;
        auto pick = [&](const std::vector<int> &rows, std::vector<const HitImage *> *im, std::vector<int> *y, std::vector<int> *g) {
            for (int r : rows) {
                im->push_back(images[size_t(r)]);
                if (y)
                    y->push_back(labels[size_t(r)]);
                if (g)
                    g->push_back(groups[size_t(r)]);
            }
        };
        std::vector<const HitImage *> trainImages, testImages;
        std::vector<int> trainY, trainG;
        pick(trainRows, &trainImages, &trainY, &trainG);
        pick(testRows, &testImages, nullptr, nullptr);
        auto model = HitClassifier::train(trainImages, features.select(trainRows), trainY, trainG, classes, options, job);
        if (!model)
            return makeError(QStringLiteral("cross-validation"), QStringLiteral("fold %1: %2").arg(f + 1).arg(model.error().toString()));
        auto p = model->predict(testImages, features.select(testRows));
        if (!p)
            return p.error();
        for (size_t i = 0; i < testRows.size(); ++i) {
            const int r = testRows[i];
            int best = 0;
            for (int c = 0; c < k; ++c) {
                e.probabilities.at(r, c) = p->at(int(i), c);
                if (p->at(int(i), c) > p->at(int(i), best))
                    best = c;
            }
            e.predicted[size_t(r)] = best;
        }
    }
    for (int i = 0; i < n; ++i)
        if (e.predicted[size_t(i)] >= 0)
            ++e.confusion[size_t(labels[size_t(i)])][size_t(e.predicted[size_t(i)])];
    e.seconds = timer.nsecsElapsed() * 1e-9;
    return e;
}

} // namespace photopeak
