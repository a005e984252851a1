// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitClassifier.h"

#include "hits/HitFeatureExtractor.h"
#include "model/ModelFile.h"
#include "util/JsonNumbers.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <tuple>

namespace photopeak {

bool HitTrainOptions::parseMethod(const QString &name, HitMethod *out)
{
    if (name == QLatin1String("rule"))
        *out = HitMethod::Rule;
    else if (name == QLatin1String("svm"))
        *out = HitMethod::Svm;
    else if (name == QLatin1String("cnn"))
        *out = HitMethod::Cnn;
    else
        return false;
    return true;
}

QString HitTrainOptions::methodName(HitMethod m)
{
    switch (m) {
    case HitMethod::Rule: return QStringLiteral("rule");
    case HitMethod::Svm: return QStringLiteral("svm");
    case HitMethod::Cnn: return QStringLiteral("cnn");
    }
    return {};
}

Result<HitClassifier> HitClassifier::train(const std::vector<const HitImage *> &images, const FeatureMatrix &features,
                                           const std::vector<int> &labels, const std::vector<int> &groups,
                                           const QStringList &classes, const HitTrainOptions &options, const JobControl *job)
{
    HitClassifier c;
    c.m_options = options;
    c.m_classes = classes;
    const int k = int(classes.size());
    if (k < 2)
        return makeError(QStringLiteral("training"), QStringLiteral("needs at least two classes, got '%1'").arg(classes.join(QStringLiteral(", "))));
    switch (options.method) {
    case HitMethod::Rule:
        if (!classes.contains(QStringLiteral("track")))
            return makeError(QStringLiteral("training"), QStringLiteral("the rule names 'track' hits; the classes are %1").arg(classes.join(QStringLiteral(", "))));
        break;
    case HitMethod::Svm: {
        auto scaler = HitFeatureScaler::fit(features, options.features);
        if (!scaler)
            return scaler.error();
        const FeatureMatrix x = scaler->apply(features);
        c.m_scaler = std::move(*scaler);
        ClassifierTraining t = options.svm;
        if (t.candidates.empty()) {
            t.method = LearnerMethod::RbfSvm;
            t.candidates = ClassifierTraining::defaultCandidates(t.method);
        }
        for (int one = 0; one < (k == 2 ? 1 : k); ++one) {
            std::vector<int> y(labels.size());
            for (size_t i = 0; i < labels.size(); ++i)
                y[i] = labels[i] == one ? 1 : 0;
            auto svm = CalibratedClassifier::train(x, y, groups, t, job);
            if (!svm)
                return makeError(QStringLiteral("training"), QStringLiteral("%1 vs rest: %2").arg(classes[one], svm.error().toString()));
            c.m_svms.push_back(std::move(*svm));
        }
        break;
    }
    case HitMethod::Cnn: {
        // A seeded share of the groups is held out for the calibration: whole groups, so near-identical hits of
        // one device and day are never on both sides. Without both classes there (tiny sets) the softmax stays.
        std::vector<int> unique(groups.begin(), groups.end());
        std::sort(unique.begin(), unique.end());
        unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
        std::mt19937_64 rng(options.cnn.seed ^ 0x9e3779b97f4a7c15ULL);
        std::shuffle(unique.begin(), unique.end(), rng);
        std::set<int> heldGroups;
        size_t heldRows = 0;
        const size_t wanted = size_t(std::lround(options.cnn.calibrationShare * double(labels.size())));
        for (int g : unique) {
            if (heldRows >= wanted)
                break;
            heldGroups.insert(g);
            heldRows += size_t(std::count(groups.begin(), groups.end(), g));
        }
        std::vector<const HitImage *> fitImages, heldImages;
        std::vector<int> fitLabels, heldLabels;
        for (size_t i = 0; i < labels.size(); ++i) {
            const bool held = !groups.empty() && heldGroups.count(groups[i]);
            (held ? heldImages : fitImages).push_back(images[i]);
            (held ? heldLabels : fitLabels).push_back(labels[i]);
        }
        auto classesIn = [k](const std::vector<int> &y) {
            std::vector<int> n(size_t(k), 0);
            for (int v : y)
                ++n[size_t(v)];
            return std::count_if(n.begin(), n.end(), [](int m) { return m >= 3; });
        };
        const bool calibrate = options.cnn.calibrationShare > 0.0 && classesIn(heldLabels) == k && classesIn(fitLabels) == k;
        if (!calibrate) {
            fitImages = images;
            fitLabels = labels;
            c.m_cnnNote = QStringLiteral("softmax, not calibrated (too few labelled hits of every class to hold some out)");
        }
        auto cnn = HitCnn::train(fitImages, fitLabels, k, options.cnn, job);
        if (!cnn)
            return cnn.error();
        c.m_cnn = std::move(*cnn);
        if (calibrate) {
            auto raw = c.m_cnn->predict(heldImages);
            if (!raw)
                return raw.error();
            for (int one = 0; one < (k == 2 ? 1 : k); ++one) {
                std::vector<double> scores;
                std::vector<int> y;
                for (int i = 0; i < raw->rows; ++i) {
                    const double p = std::clamp(raw->at(i, one), 1e-9, 1.0 - 1e-9);
                    scores.push_back(std::log(p / (1.0 - p)));
                    y.push_back(heldLabels[size_t(i)] == one ? 1 : 0);
                }
                auto platt = ProbabilityCalibrator::fit(CalibrationMethod::Platt, scores, y);
                if (!platt)
                    return makeError(QStringLiteral("training"), QStringLiteral("CNN calibration: %1").arg(platt.error().message));
                c.m_cnnCalibration.push_back(std::move(*platt));
            }
            c.m_cnnNote = QStringLiteral("softmax Platt-calibrated on %1 held-out hits of %2 groups; network trained on %3")
                              .arg(heldLabels.size()).arg(heldGroups.size()).arg(fitLabels.size());
        }
        break;
    }
    }
    return c;
}

void HitClassifier::calibrate(FeatureMatrix &p) const
{
    if (m_cnnCalibration.empty())
        return;
    const int k = p.cols;
    for (int i = 0; i < p.rows; ++i) {
        auto score = [&](int c) {
            const double v = std::clamp(p.at(i, c), 1e-9, 1.0 - 1e-9);
            return std::log(v / (1.0 - v));
        };
        if (k == 2) {
            p.at(i, 0) = m_cnnCalibration[0].probability(score(0));
            p.at(i, 1) = 1.0 - p.at(i, 0);
            continue;
        }
        std::vector<double> q(static_cast<size_t>(k));
        double sum = 0.0;
        for (int c = 0; c < k; ++c)
            sum += q[size_t(c)] = m_cnnCalibration[size_t(c)].probability(score(c));
        for (int c = 0; c < k; ++c)
            p.at(i, c) = sum > 0 ? q[size_t(c)] / sum : 1.0 / k;
    }
}

Result<FeatureMatrix> HitClassifier::predict(const std::vector<const HitImage *> &images, const FeatureMatrix &features) const
{
    const int k = int(m_classes.size()), n = std::max(features.rows, int(images.size()));
    FeatureMatrix p(n, k);
    switch (m_options.method) {
    case HitMethod::Rule: {
        const int track = int(m_classes.indexOf(QStringLiteral("track")));
        for (int i = 0; i < n; ++i) {
            const bool isTrack = features.at(i, int(HitFeature::Solidity)) > m_options.ruleSolidity
                                 && features.at(i, int(HitFeature::Ellipticity)) > m_options.ruleEllipticity;
            for (int c = 0; c < k; ++c)
                p.at(i, c) = c == track ? double(isTrack) : (isTrack ? 0.0 : 1.0 / (k - 1));
        }
        return p;
    }
    case HitMethod::Svm: {
        const FeatureMatrix x = m_scaler->apply(features);
        for (int i = 0; i < n; ++i) {
            if (k == 2) {
                p.at(i, 0) = m_svms[0].probability(x.row(i));
                p.at(i, 1) = 1.0 - p.at(i, 0);
                continue;
            }
            double sum = 0.0;
            for (int c = 0; c < k; ++c)
                sum += p.at(i, c) = m_svms[size_t(c)].probability(x.row(i));
            for (int c = 0; c < k; ++c)
                p.at(i, c) = sum > 0 ? p.at(i, c) / sum : 1.0 / k;
        }
        return p;
    }
    case HitMethod::Cnn: {
        auto raw = m_cnn->predict(images);
        if (raw)
            calibrate(*raw);
        return raw;
    }
    }
    return p;
}

Status HitClassifier::save(const QString &path, const QJsonObject &metrics) const
{
    ModelDocument doc;
    doc.header.kind = QString::fromLatin1(kind);
    doc.header.method = HitTrainOptions::methodName(m_options.method);
    doc.header.labels = m_classes;
    doc.header.metrics = metrics;
    doc.header.features = {{QStringLiteral("threshold"), ThresholdOptions::methodName(m_options.threshold.method)},
                           {QStringLiteral("fixedLevel"), m_options.threshold.fixedLevel},
                           {QStringLiteral("minimumLevel"), m_options.threshold.minimumLevel},
                           {QStringLiteral("minimumArea"), m_options.threshold.minimumArea}};
    QJsonObject &pl = doc.payload;
    switch (m_options.method) {
    case HitMethod::Rule:
        doc.header.parameters = {{QStringLiteral("solidity"), m_options.ruleSolidity}, {QStringLiteral("ellipticity"), m_options.ruleEllipticity}};
        pl = doc.header.parameters;  // the rule's numbers are all it has learned
        break;
    case HitMethod::Svm: {
        pl[QStringLiteral("scaler")] = m_scaler->toJson();
        QJsonArray svms;
        for (const CalibratedClassifier &s : m_svms)
            svms.append(s.toJson());
        pl[QStringLiteral("svms")] = svms;
        break;
    }
    case HitMethod::Cnn:
        doc.header.parameters = m_options.cnn.toJson();
        pl[QStringLiteral("inputSize")] = m_cnn->inputSize();
        pl[QStringLiteral("input")] = QStringLiteral("grey/255");
        pl[QStringLiteral("architecture")] = HitCnn::architecture();
        pl[QStringLiteral("network")] = QString::fromLatin1(m_cnn->serialize().toBase64());
        if (!m_cnnCalibration.empty()) {
            QJsonArray calibration;
            for (const ProbabilityCalibrator &cal : m_cnnCalibration)
                calibration.append(cal.toJson());
            pl[QStringLiteral("calibration")] = calibration;
        }
        pl[QStringLiteral("calibrationNote")] = m_cnnNote;
        break;
    }
    return ModelFile::save(path, doc);
}

Result<HitClassifier> HitClassifier::load(const QString &path)
{
    auto doc = ModelFile::load(path, QString::fromLatin1(kind));
    if (!doc)
        return doc.error();
    HitClassifier c;
    c.m_classes = doc->header.labels;
    if (c.m_classes.size() < 2)
        return makeError(path, QStringLiteral("model names fewer than two classes"));
    if (!HitTrainOptions::parseMethod(doc->header.method, &c.m_options.method))
        return makeError(path, QStringLiteral("unknown hit classification method '%1'").arg(doc->header.method));
    const QJsonObject f = doc->header.features;
    ThresholdOptions::parseMethod(f.value(QStringLiteral("threshold")).toString(QStringLiteral("otsu")), &c.m_options.threshold.method);
    c.m_options.threshold.fixedLevel = f.value(QStringLiteral("fixedLevel")).toInt(70);
    c.m_options.threshold.minimumLevel = f.value(QStringLiteral("minimumLevel")).toInt(20);
    c.m_options.threshold.minimumArea = f.value(QStringLiteral("minimumArea")).toInt(1);
    const QJsonObject &pl = doc->payload;
    switch (c.m_options.method) {
    case HitMethod::Rule:
        for (auto [field, target, fallback] : {std::tuple{QStringLiteral("solidity"), &c.m_options.ruleSolidity, 0.7},
                                                std::tuple{QStringLiteral("ellipticity"), &c.m_options.ruleEllipticity, 0.6}}) {
            *target = fallback;
            if (!pl.contains(field))
                continue;
            auto v = JsonNumbers::readNumber(pl, field, path, 0.0, 1.0);
            if (!v)
                return v.error();
            *target = *v;
        }
        break;
    case HitMethod::Svm: {
        auto scaler = HitFeatureScaler::fromJson(pl.value(QStringLiteral("scaler")).toObject(), path);
        if (!scaler)
            return scaler.error();
        const QJsonArray svms = pl.value(QStringLiteral("svms")).toArray();
        if (svms.size() != (c.m_classes.size() == 2 ? 1 : c.m_classes.size()))
            return makeError(path, QStringLiteral("model has %1 SVMs for %2 classes").arg(svms.size()).arg(c.m_classes.size()));
        for (const QJsonValue &v : svms) {
            auto s = CalibratedClassifier::fromJson(v.toObject(), scaler->dimension(), path);
            if (!s)
                return s.error();
            c.m_svms.push_back(std::move(*s));
        }
        c.m_scaler = std::move(*scaler);
        break;
    }
    case HitMethod::Cnn: {
        if (pl.value(QStringLiteral("input")).toString() != QLatin1String("grey/255")
            || pl.value(QStringLiteral("architecture")).toString() != HitCnn::architecture())
            return makeError(path, QStringLiteral("CNN of an older input scaling or architecture; train it again"));
        const QJsonArray calibration = pl.value(QStringLiteral("calibration")).toArray();
        if (!calibration.isEmpty() && calibration.size() != (c.m_classes.size() == 2 ? 1 : c.m_classes.size()))
            return makeError(path, QStringLiteral("model has %1 CNN calibrators for %2 classes").arg(calibration.size()).arg(c.m_classes.size()));
        for (const QJsonValue &v : calibration) {
            auto cal = ProbabilityCalibrator::fromJson(v.toObject(), path);
            if (!cal)
                return cal.error();
            c.m_cnnCalibration.push_back(std::move(*cal));
        }
        c.m_cnnNote = pl.value(QStringLiteral("calibrationNote")).toString();
        const QByteArray weights = QByteArray::fromBase64(pl.value(QStringLiteral("network")).toString().toLatin1());
        auto cnn = HitCnn::deserialize(weights, int(c.m_classes.size()), pl.value(QStringLiteral("inputSize")).toInt(), path);
        if (!cnn)
            return cnn.error();
        c.m_cnn = std::move(*cnn);
        break;
    }
    }
    return c;
}

} // namespace photopeak
