// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/CalibratedClassifier.h"

#include "metrics/BinaryMetrics.h"
#include "metrics/GroupedKFold.h"
#include "jobs/Parallel.h"

#include <QJsonArray>

#include <algorithm>
#include <map>
#include <cmath>
#include <random>
#include <limits>

namespace photopeak {

std::vector<LearnerParams> ClassifierTraining::defaultCandidates(LearnerMethod method, const LearnerParams &base)
{
    std::vector<LearnerParams> out;
    auto with = [&](auto change) {
        LearnerParams p = base;
        change(p);
        out.push_back(p);
    };
    switch (method) {
    case LearnerMethod::RbfSvm:
        for (double c : {1.0, 10.0, 100.0})
            for (double g : {0.5, 1.0, 2.0})
                with([&](LearnerParams &p) { p.c = c; p.gamma = -g; });  // negative: multiple of 1 / features
        break;
    case LearnerMethod::LinearSvm:
        for (double c : {0.1, 1.0, 10.0})
            with([&](LearnerParams &p) { p.c = c; });
        break;
    case LearnerMethod::Logistic:
        for (double l : {1e-4, 1e-3, 1e-2})
            with([&](LearnerParams &p) { p.lambda = l; });
        break;
    case LearnerMethod::RandomForest: out.push_back(base); break;
    }
    return out;
}

namespace {
double logLoss(const std::vector<double> &p, const std::vector<int> &y)
{
    double s = 0.0;
    for (size_t i = 0; i < p.size(); ++i) {
        const double q = std::clamp(y[i] ? p[i] : 1.0 - p[i], 1e-12, 1.0);
        s -= std::log(q);
    }
    return p.empty() ? 0.0 : s / double(p.size());
}

LearnerParams resolve(LearnerParams p, int dim)
{
    if (p.gamma < 0.0)
        p.gamma = -p.gamma / dim;
    return p;
}

// Out-of-fold scores of one candidate: folds trained on two threads.
Result<std::vector<double>> outOfFold(LearnerMethod method, const LearnerParams &params, const FeatureMatrix &x,
                                      const std::vector<int> &labels, const std::vector<int> &foldOf, int folds,
                                      std::vector<char> *scored)
{
    std::vector<double> scores(labels.size(), 0.0);
    scored->assign(labels.size(), 0);
    std::vector<QString> errors(static_cast<size_t>(folds));
    auto runFold = [&](int f) {
        const std::vector<int> train = GroupedKFold::trainRows(foldOf, f), test = GroupedKFold::testRows(foldOf, f);
        if (test.empty())
            return;
        auto learner = BinaryLearner::train(method, params, x, labels, train);
        if (!learner) {
            errors[static_cast<size_t>(f)] = learner.error().message;  // a fold without both classes: unscored
            return;
        }
        for (int r : test) {
            scores[static_cast<size_t>(r)] = learner->decision(x.row(r));
            (*scored)[static_cast<size_t>(r)] = 1;
        }
    };
    const bool parallel = method != LearnerMethod::RandomForest;  // dlib's forest is parallel itself
    Parallel::forEach(folds, [&](qsizetype f) { runFold(static_cast<int>(f)); }, nullptr, {}, 1, parallel ? 0 : 1);
    return scores;
}
// The out-of-fold scores of the rows that were scored, with their labels.
struct ScoredRows {
    std::vector<double> scores;
    std::vector<int> labels;
};
ScoredRows scoredRows(const std::vector<double> &scores, const std::vector<char> &scored, const std::vector<int> &labels)
{
    ScoredRows out;
    for (size_t i = 0; i < scored.size(); ++i)
        if (scored[i]) {
            out.scores.push_back(scores[i]);
            out.labels.push_back(labels[i]);
        }
    return out;
}
} // namespace

Result<CalibratedClassifier> CalibratedClassifier::train(const FeatureMatrix &x, const std::vector<int> &labels,
                                                         const std::vector<int> &groups, const ClassifierTraining &opt,
                                                         const JobControl *job)
{
    std::vector<LearnerParams> candidates = opt.candidates.empty() ? std::vector<LearnerParams>{LearnerParams{}}
                                                                    : opt.candidates;
    const int folds = std::max(2, opt.folds);
    // A class recorded in a single acquisition series cannot be held out whole and still be learned from:
    // such a series is split into `folds` contiguous blocks of consecutive spectra (the rows keep the file
    // order, which is the acquisition order), and the validation says so.
    std::vector<int> g = groups;
    int splitSeries = 0;
    {
        std::map<int, std::pair<int, int>> counts;  // group -> (rows, positives)
        for (size_t i = 0; i < g.size(); ++i) {
            counts[g[i]].first++;
            counts[g[i]].second += labels[i] ? 1 : 0;
        }
        int nextId = counts.empty() ? 0 : counts.rbegin()->first + 1;
        for (int cls : {0, 1}) {
            std::vector<int> ofClass;
            for (const auto &[id, c] : counts)
                if ((2 * c.second >= c.first ? 1 : 0) == cls)
                    ofClass.push_back(id);
            if (ofClass.size() != 1)
                continue;
            const int id = ofClass.front(), n = counts[id].first;
            int k = 0;
            for (size_t i = 0; i < g.size(); ++i)
                if (groups[i] == id)
                    g[i] = nextId + (k++) * folds / std::max(1, n);
            nextId += folds;
            ++splitSeries;
        }
    }
    const std::vector<int> foldOf = GroupedKFold::assign(g, labels, folds, opt.seed);

    // Hyper-parameter search on a seeded subsample (whole folds keep their grouping).
    size_t best = 0;
    QJsonArray search;
    if (candidates.size() > 1) {
        std::vector<int> rows(labels.size());
        for (size_t i = 0; i < rows.size(); ++i)
            rows[i] = static_cast<int>(i);
        if (static_cast<int>(rows.size()) > opt.maxSearchRows) {
            std::mt19937_64 rng(opt.seed + 7);
            std::shuffle(rows.begin(), rows.end(), rng);
            rows.resize(static_cast<size_t>(opt.maxSearchRows));
            std::sort(rows.begin(), rows.end());
        }
        const FeatureMatrix xs = x.select(rows);
        std::vector<int> ys, fs;
        for (int r : rows) {
            ys.push_back(labels[static_cast<size_t>(r)]);
            fs.push_back(foldOf[static_cast<size_t>(r)]);
        }
        double bestLoss = std::numeric_limits<double>::infinity();
        for (size_t c = 0; c < candidates.size(); ++c) {
            if (JobControl::cancelled(job))
                return makeError(QStringLiteral("training"), QStringLiteral("cancelled"));
            JobControl::report(job, static_cast<qint64>(c), static_cast<qint64>(candidates.size() + 1),
                               QStringLiteral("Cross-validating %1").arg(BinaryLearner::methodName(opt.method)));
            const LearnerParams p = resolve(candidates[c], x.cols);
            std::vector<char> scored;
            auto scores = outOfFold(opt.method, p, xs, ys, fs, folds, &scored);
            if (!scores)
                return scores.error();
            const auto [s, y] = scoredRows(*scores, scored, ys);
            auto cal = ProbabilityCalibrator::fit(opt.calibration, s, y);
            double loss = std::numeric_limits<double>::infinity();
            if (cal) {
                std::vector<double> p2(s.size());
                for (size_t i = 0; i < s.size(); ++i)
                    p2[i] = cal->probability(s[i]);
                loss = logLoss(p2, y);
            }
            QJsonObject row = p.toJson();
            row[QStringLiteral("logLoss")] = std::isfinite(loss) ? loss : -1.0;
            search.append(row);
            if (loss < bestLoss) {
                bestLoss = loss;
                best = c;
            }
        }
    }
    const LearnerParams chosen = resolve(candidates[best], x.cols);
    JobControl::report(job, static_cast<qint64>(candidates.size()), static_cast<qint64>(candidates.size() + 1),
                       QStringLiteral("Calibrating on held-out folds"));

    // Out-of-fold scores of the chosen parameters on all rows -> calibration and validation metrics.
    std::vector<char> scored;
    auto scores = outOfFold(opt.method, chosen, x, labels, foldOf, folds, &scored);
    if (!scores)
        return scores.error();
    const auto [s, y] = scoredRows(*scores, scored, labels);
    auto calibrator = ProbabilityCalibrator::fit(opt.calibration, s, y);
    if (!calibrator)
        return calibrator.error();
    if (JobControl::cancelled(job))
        return makeError(QStringLiteral("training"), QStringLiteral("cancelled"));
    auto learner = BinaryLearner::train(opt.method, chosen, x, labels);
    if (!learner)
        return learner.error();

    CalibratedClassifier out;
    out.m_learner = std::move(learner.value());
    out.m_calibrator = std::move(calibrator.value());
    out.m_outOfFold.assign(labels.size(), std::numeric_limits<double>::quiet_NaN());
    for (size_t i = 0; i < scored.size(); ++i)
        if (scored[i])
            out.m_outOfFold[i] = out.m_calibrator.probability((*scores)[i]);
    BinaryMetrics m;
    std::vector<double> probs(s.size());
    double brier = 0.0;
    for (size_t i = 0; i < s.size(); ++i) {
        probs[i] = out.m_calibrator.probability(s[i]);
        m.add(y[i] != 0, probs[i] >= 0.5);
        brier += (probs[i] - y[i]) * (probs[i] - y[i]);
    }
    if (opt.targetFalsePositiveRate > 0.0) {
        std::vector<double> negatives;
        for (size_t i = 0; i < s.size(); ++i)
            if (!y[i])
                negatives.push_back(probs[i]);
        std::sort(negatives.begin(), negatives.end());
        if (!negatives.empty()) {
            const size_t k = std::min(negatives.size() - 1,
                                      static_cast<size_t>(std::floor((1.0 - opt.targetFalsePositiveRate) * negatives.size())));
            out.m_threshold = std::max(0.5, std::nextafter(negatives[k], 2.0));
        }
    }
    BinaryMetrics atThreshold;
    for (size_t i = 0; i < s.size(); ++i)
        atThreshold.add(y[i] != 0, probs[i] >= out.m_threshold);
    QJsonObject v;
    v[QStringLiteral("threshold")] = out.m_threshold;
    v[QStringLiteral("recallAtThreshold")] = atThreshold.detectionRate().valueOr(-1.0);
    v[QStringLiteral("falsePositiveRateAtThreshold")] = atThreshold.falseAlarmRate().valueOr(-1.0);
    v[QStringLiteral("method")] = BinaryLearner::methodName(opt.method);
    v[QStringLiteral("chosen")] = chosen.toJson();
    v[QStringLiteral("search")] = search;
    v[QStringLiteral("folds")] = folds;
    v[QStringLiteral("singleSeriesClassesSplit")] = splitSeries;
    v[QStringLiteral("outOfFoldRows")] = static_cast<int>(s.size());
    v[QStringLiteral("logLoss")] = logLoss(probs, y);
    v[QStringLiteral("brier")] = s.empty() ? 0.0 : brier / double(s.size());
    v[QStringLiteral("accuracy")] = m.accuracy().valueOr(-1.0);
    v[QStringLiteral("recall")] = m.detectionRate().valueOr(-1.0);
    v[QStringLiteral("falsePositiveRate")] = m.falseAlarmRate().valueOr(-1.0);
    out.m_validation = v;
    return out;
}

QJsonObject CalibratedClassifier::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("learner")] = m_learner.toJson();
    o[QStringLiteral("calibration")] = m_calibrator.toJson();
    o[QStringLiteral("validation")] = m_validation;
    o[QStringLiteral("threshold")] = m_threshold;
    return o;
}

Result<CalibratedClassifier> CalibratedClassifier::fromJson(const QJsonObject &o, int expectedDimension,
                                                            const QString &source)
{
    auto learner = BinaryLearner::fromJson(o.value(QStringLiteral("learner")).toObject(), source);
    if (!learner)
        return learner.error();
    if (learner->dimension() != expectedDimension)
        return makeError(source, QStringLiteral("classifier expects %1 features, the feature configuration gives %2")
                                     .arg(learner->dimension()).arg(expectedDimension));
    auto cal = ProbabilityCalibrator::fromJson(o.value(QStringLiteral("calibration")).toObject(), source);
    if (!cal)
        return cal.error();
    CalibratedClassifier c;
    c.m_learner = std::move(learner.value());
    c.m_calibrator = std::move(cal.value());
    c.m_validation = o.value(QStringLiteral("validation")).toObject();
    c.m_threshold = o.value(QStringLiteral("threshold")).toDouble(0.5);
    if (!(c.m_threshold > 0.0 && c.m_threshold < 1.0))
        return makeError(source, QStringLiteral("classifier decision threshold %1 is not a probability").arg(c.m_threshold));
    return c;
}

} // namespace photopeak
