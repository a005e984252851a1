// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "images/PeakClassifier.h"

#include "metrics/GroupedKFold.h"
#include "images/PatchCnn.h"
#include "images/PatchFeatures.h"
#include "model/ModelFile.h"
#include "util/JsonNumbers.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace photopeak {

namespace {
QJsonArray toArray(const std::vector<double> &v)
{
    QJsonArray a;
    for (double x : v)
        a.append(x);
    return a;
}

// A JSON array of `count` numbers, each finite and within [min, max]; errors name the file and the field.
Result<std::vector<double>> checkedArray(const QJsonObject &object, const QString &field, const QString &source, double min,
                                         double max, qsizetype count)
{
    const QJsonArray a = object.value(field).toArray();
    if (a.size() != count)
        return makeError(source, QStringLiteral("field '%1' holds %2 values, %3 expected; the file is damaged").arg(field).arg(a.size()).arg(count));
    std::vector<double> v;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const double x = a[i].toDouble(std::numeric_limits<double>::quiet_NaN());
        if (!a[i].isDouble() || !std::isfinite(x) || x < min || x > max)
            return makeError(source, QStringLiteral("field '%1': value %2 is not a number within [%3, %4]; the file is damaged")
                                         .arg(field).arg(i).arg(min).arg(max));
        v.push_back(x);
    }
    return v;
}

// Out-of-fold precision, recall and F1 at `threshold` (rows with NaN probabilities are skipped).
QJsonObject outOfFoldMetrics(const std::vector<double> &p, const std::vector<int> &labels, double threshold)
{
    int tp = 0, fp = 0, fn = 0, scored = 0;
    for (size_t i = 0; i < p.size(); ++i) {
        if (std::isnan(p[i]))
            continue;
        ++scored;
        const bool called = p[i] >= threshold;
        tp += called && labels[i] == 1;
        fp += called && labels[i] == 0;
        fn += !called && labels[i] == 1;
    }
    const double precision = tp + fp > 0 ? double(tp) / (tp + fp) : 1.0;
    const double recall = tp + fn > 0 ? double(tp) / (tp + fn) : 0.0;
    return QJsonObject{{QStringLiteral("threshold"), threshold}, {QStringLiteral("precision"), precision},
                       {QStringLiteral("recall"), recall},
                       {QStringLiteral("f1"), precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0},
                       {QStringLiteral("scored"), scored}};
}
} // namespace

QString PeakClassifier::methodName(PeakModelMethod m) { return m == PeakModelMethod::Cnn ? QStringLiteral("cnn") : QStringLiteral("svm"); }

bool PeakClassifier::parseMethod(const QString &name, PeakModelMethod *out)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("svm") || n == QLatin1String("rbf-svm"))
        *out = PeakModelMethod::Svm;
    else if (n == QLatin1String("cnn"))
        *out = PeakModelMethod::Cnn;
    else
        return false;
    return true;
}

Result<PeakClassifier> PeakClassifier::train(const PeakTrainingSet &set, const PeakFinderOptions &finder,
                                             const PeakTrainingOptions &options, const JobControl *job)
{
    const int n = set.size(), pos = set.positives();
    if (n == 0)
        return makeError(QStringLiteral("training"), QStringLiteral("no labelled candidates: label some candidates first"));
    if (pos == 0 || pos == n)
        return makeError(QStringLiteral("training"), QStringLiteral("the labelled candidates are all %1; both peaks and "
                                                                    "non-peaks are needed").arg(pos == 0 ? "non-peaks" : "peaks"));
    const std::set<int> frames(set.groups().begin(), set.groups().end());
    if (static_cast<int>(frames.size()) < 2)
        return makeError(QStringLiteral("training"), QStringLiteral("candidates of at least two frames are needed "
                                                                    "(cross-validation keeps each frame in one fold)"));
    PeakClassifier model;
    model.m_method = options.method;
    model.m_finder = finder;
    const int d = set.features().cols;
    model.m_mean.assign(d, 0.0);
    model.m_scale.assign(d, 1.0);
    for (int c = 0; c < d; ++c) {
        double s = 0.0, s2 = 0.0;
        for (int r = 0; r < n; ++r) {
            s += set.features().at(r, c);
            s2 += set.features().at(r, c) * set.features().at(r, c);
        }
        model.m_mean[c] = s / n;
        const double sd = std::sqrt(std::max(0.0, s2 / n - model.m_mean[c] * model.m_mean[c]));
        model.m_scale[c] = sd > 1e-12 ? sd : 1.0;
    }
    const int folds = std::min(options.folds, static_cast<int>(frames.size()));
    if (options.method == PeakModelMethod::Cnn) {
        const std::vector<int> foldOf = GroupedKFold::assign(set.groups(), set.labels(), folds, options.seed);
        const std::vector<int> held = GroupedKFold::testRows(foldOf, 0), fit = GroupedKFold::trainRows(foldOf, 0);
        PatchCnn::Training t;
        t.epochs = options.cnnEpochs;
        t.seed = options.seed;
        auto cnn = PatchCnn::train(set.patches(), set.labels(), fit, t, job);
        if (!cnn)
            return cnn.error();
        constexpr size_t PatchValues = PatchFeatures::PatchSize * PatchFeatures::PatchSize;
        std::vector<float> heldPatches;
        std::vector<int> heldLabels;
        for (int r : held) {
            heldPatches.insert(heldPatches.end(), set.patches().begin() + r * PatchValues, set.patches().begin() + (r + 1) * PatchValues);
            heldLabels.push_back(set.labels()[r]);
        }
        const std::vector<double> scores = (*cnn)->scores(heldPatches.data(), held.size());
        auto calibration = ProbabilityCalibrator::fit(CalibrationMethod::Platt, scores, heldLabels);
        if (!calibration)
            return makeError(QStringLiteral("training"), QStringLiteral("the held-out frames of the CNN need peaks and non-peaks (%1)")
                                                             .arg(calibration.error().message));
        model.m_outOfFold.assign(static_cast<size_t>(n), std::numeric_limits<double>::quiet_NaN());
        for (size_t k = 0; k < held.size(); ++k)
            model.m_outOfFold[static_cast<size_t>(held[k])] = calibration->probability(scores[k]);
        model.m_cnn = std::move(cnn).value();
        model.m_cnnCalibration = std::move(calibration).value();
        model.m_validation = QJsonObject{{QStringLiteral("method"), QStringLiteral("cnn")},
                                         {QStringLiteral("epochs"), options.cnnEpochs},
                                         {QStringLiteral("heldOutCandidates"), static_cast<int>(held.size())},
                                         {QStringLiteral("calibration"), QStringLiteral("platt on one held-out fold of frames")}};
    } else {
        FeatureMatrix x(n, d);
        for (int r = 0; r < n; ++r)
            model.standardize(set.features().row(r), x.row(r));
        ClassifierTraining t;
        t.method = LearnerMethod::RbfSvm;
        LearnerParams base;
        base.balanced = true;
        t.candidates = options.search ? ClassifierTraining::defaultCandidates(LearnerMethod::RbfSvm, base)
                                      : std::vector<LearnerParams>{base};
        t.folds = folds;
        t.seed = options.seed;
        t.maxSearchRows = options.maxSearchRows;
        auto svm = CalibratedClassifier::train(x, set.labels(), set.groups(), t, job);
        if (!svm)
            return svm.error();
        model.m_outOfFold = svm->outOfFoldProbabilities();
        model.m_threshold = svm->threshold();
        model.m_validation = svm->validation();
        model.m_svm = std::move(svm).value();
    }
    QJsonObject v = model.m_validation;
    v[QStringLiteral("candidates")] = n;
    v[QStringLiteral("peaks")] = pos;
    v[QStringLiteral("frames")] = static_cast<int>(frames.size());
    v[QStringLiteral("folds")] = folds;
    v[QStringLiteral("balance")] = QStringLiteral("balanced class weights (%1 peaks : %2 non-peaks)").arg(pos).arg(n - pos);
    v[QStringLiteral("outOfFold")] = outOfFoldMetrics(model.m_outOfFold, set.labels(), model.m_threshold);
    model.m_validation = v;
    return model;
}

QStringList PeakClassifier::warnings() const
{
    QStringList w;
    const int n = m_validation.value(QStringLiteral("candidates")).toInt();
    const int pos = m_validation.value(QStringLiteral("peaks")).toInt();
    if (n > 0 && (pos < 0.1 * n || pos > 0.9 * n))
        w << QStringLiteral("classes are imbalanced (%1 peaks among %2 candidates): classes weighted inversely to their "
                            "frequency; judge the model by precision and recall, not accuracy").arg(pos).arg(n);
    if (pos > 0 && pos < 30)
        w << QStringLiteral("only %1 labelled peaks: probabilities are rough").arg(pos);
    if (m_validation.value(QStringLiteral("frames")).toInt() < 5 && n > 0)
        w << QStringLiteral("candidates of fewer than 5 frames: cross-validation folds are few");
    return w;
}

void PeakClassifier::standardize(const double *in, double *out) const
{
    for (size_t c = 0; c < m_mean.size(); ++c)
        out[c] = (in[c] - m_mean[c]) / m_scale[c];
}

void PeakClassifier::classify(const ImageFrame &frame, const PixelMask &mask, std::vector<BraggCandidate> &candidates) const
{
    if (m_cnn) {
        constexpr size_t PatchValues = PatchFeatures::PatchSize * PatchFeatures::PatchSize;
        std::vector<float> patches(candidates.size() * PatchValues);
        for (size_t i = 0; i < candidates.size(); ++i)
            PatchFeatures::patch(frame, mask, candidates[i], patches.data() + i * PatchValues);
        const std::vector<double> scores = m_cnn->scores(patches.data(), candidates.size());
        for (size_t i = 0; i < candidates.size(); ++i)
            candidates[i].probability = m_cnnCalibration->probability(scores[i]);
        return;
    }
    double raw[PatchFeatures::Count], x[PatchFeatures::Count];
    for (BraggCandidate &c : candidates) {
        PatchFeatures::compute(frame, mask, c, raw);
        standardize(raw, x);
        c.probability = m_svm ? m_svm->probability(x) : std::numeric_limits<double>::quiet_NaN();
    }
}

Status PeakClassifier::save(const QString &path) const
{
    ModelDocument doc;
    doc.header.kind = QString::fromLatin1(Kind);
    doc.header.method = methodName(m_method);
    doc.header.parameters = QJsonObject{{QStringLiteral("finder"), m_finder.toJson()}};
    doc.header.features = QJsonObject{{QStringLiteral("names"), QJsonArray::fromStringList(PatchFeatures::names())},
                                      {QStringLiteral("patchSize"), PatchFeatures::PatchSize}};
    doc.header.labels = {QStringLiteral("not-peak"), QStringLiteral("peak")};
    doc.header.metrics = m_validation;
    doc.payload[QStringLiteral("mean")] = toArray(m_mean);
    doc.payload[QStringLiteral("scale")] = toArray(m_scale);
    doc.payload[QStringLiteral("threshold")] = m_threshold;
    if (m_svm)
        doc.payload[QStringLiteral("svm")] = m_svm->toJson();
    if (m_cnn) {
        doc.payload[QStringLiteral("cnn")] = QString::fromLatin1(m_cnn->serialize().toBase64());
        doc.payload[QStringLiteral("cnnCalibration")] = m_cnnCalibration->toJson();
    }
    return ModelFile::save(path, doc);
}

Result<PeakClassifier> PeakClassifier::load(const QString &path)
{
    auto doc = ModelFile::load(path, QString::fromLatin1(Kind));
    if (!doc)
        return doc.error();
    PeakClassifier model;
    if (!parseMethod(doc->header.method, &model.m_method))
        return makeError(path, QStringLiteral("unknown peak model method '%1'").arg(doc->header.method));
    auto finder = PeakFinderOptions::fromJson(doc->header.parameters.value(QStringLiteral("finder")).toObject(), path);
    if (!finder)
        return finder.error();
    model.m_finder = *finder;
    const QStringList names = [&] {
        QStringList out;
        for (const QJsonValue &v : doc->header.features.value(QStringLiteral("names")).toArray())
            out << v.toString();
        return out;
    }();
    if (names != PatchFeatures::names())
        return makeError(path, QStringLiteral("the model was trained on other patch features (%1); retrain it").arg(names.join(QStringLiteral(", "))));
    auto mean = checkedArray(doc->payload, QStringLiteral("mean"), path, -JsonNumbers::MaxMagnitude, JsonNumbers::MaxMagnitude, PatchFeatures::Count);
    if (!mean)
        return mean.error();
    auto scale = checkedArray(doc->payload, QStringLiteral("scale"), path, 1e-300, JsonNumbers::MaxMagnitude, PatchFeatures::Count);
    if (!scale)
        return scale.error();
    model.m_mean = std::move(mean).value();
    model.m_scale = std::move(scale).value();
    model.m_threshold = 0.5;
    if (doc->payload.contains(QStringLiteral("threshold"))) {
        auto threshold = JsonNumbers::readNumber(doc->payload, QStringLiteral("threshold"), path, 0.0, 1.0);
        if (!threshold)
            return threshold.error();
        model.m_threshold = *threshold;
    }
    model.m_validation = doc->header.metrics;
    if (model.m_method == PeakModelMethod::Cnn) {
        auto cnn = PatchCnn::deserialize(QByteArray::fromBase64(doc->payload.value(QStringLiteral("cnn")).toString().toLatin1()), path);
        if (!cnn)
            return cnn.error();
        auto calibration = ProbabilityCalibrator::fromJson(doc->payload.value(QStringLiteral("cnnCalibration")).toObject(), path);
        if (!calibration)
            return calibration.error();
        model.m_cnn = std::move(cnn).value();
        model.m_cnnCalibration = std::move(calibration).value();
    } else {
        auto svm = CalibratedClassifier::fromJson(doc->payload.value(QStringLiteral("svm")).toObject(), PatchFeatures::Count, path);
        if (!svm)
            return svm.error();
        model.m_svm = std::move(svm).value();
    }
    return model;
}

} // namespace photopeak
