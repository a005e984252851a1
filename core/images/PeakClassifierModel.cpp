// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "images/PeakClassifierModel.h"

#include "images/PatchFeatures.h"

namespace photopeak {

namespace {
using T = ParameterSpec::Type;
const QString kSource = QStringLiteral("image peak model");
} // namespace

const ParameterTable &PeakClassifierModel::parameterTable()
{
    static const ParameterTable table(QString::fromLatin1(PeakClassifier::Kind), {
        {QStringLiteral("method"), T::Choice, QStringLiteral("svm"), 0, 0, {QStringLiteral("svm"), QStringLiteral("cnn")}, {},
         "Method", "svm: RBF SVM on patch features; cnn: small CNN on the patches", {}},
        {QStringLiteral("epochs"), T::Int, 30, 1, 1000, {}, {}, "CNN epochs", "training passes of the CNN", {}},
        {QStringLiteral("folds"), T::Int, 5, 2, 20, {}, {}, "Folds", "cross-validation folds, grouped by frame", {}},
        {QStringLiteral("search"), T::Bool, true, 0, 0, {}, {}, "Search C and gamma",
         "choose C and gamma by grouped cross-validation", {}},
        {QStringLiteral("max-search-rows"), T::Int, 1500, 100, 100000, {}, {}, "Search rows",
         "candidates in the seeded subsample of the hyper-parameter search", {}},
        {QStringLiteral("seed"), T::Int, 17, 0, 2147483647.0, {}, {}, "Seed", "seed of folds and subsampling", {}},
    });
    return table;
}

ModelKind PeakClassifierModel::modelKind()
{
    ModelKind k;
    k.kind = QString::fromLatin1(PeakClassifier::Kind);
    k.title = QStringLiteral("Bragg-peak probability of image candidates (RBF SVM on patch features or a small CNN)");
    k.inputKind = QString::fromLatin1(ImageCandidates::Kind);
    k.parameters = parameterTable();
    k.train = [](const ModelInput &input, const QJsonObject &options, const JobControl *job) -> Result<std::unique_ptr<Model>> {
        const auto *candidates = dynamic_cast<const ImageCandidates *>(&input);
        if (!candidates)
            return makeError(kSource, QStringLiteral("needs image candidates, got %1").arg(input.inputKind()));
        auto m = train(*candidates, options, job);
        if (!m)
            return m.error();
        return std::unique_ptr<Model>(std::make_unique<PeakClassifierModel>(std::move(m).value()));
    };
    k.load = [](const QString &path) -> Result<std::unique_ptr<Model>> {
        auto c = PeakClassifier::load(path);
        if (!c)
            return c.error();
        return std::unique_ptr<Model>(std::make_unique<PeakClassifierModel>(std::move(c).value()));
    };
    return k;
}

Result<PeakClassifierModel> PeakClassifierModel::train(const ImageCandidates &input, const QJsonObject &options,
                                                       const JobControl *job)
{
    auto o = parameterTable().validate(options, kSource);
    if (!o)
        return o.error();
    PeakTrainingOptions t;
    PeakClassifier::parseMethod(o->value(QStringLiteral("method")).toString(), &t.method);
    t.cnnEpochs = o->value(QStringLiteral("epochs")).toInt();
    t.folds = o->value(QStringLiteral("folds")).toInt();
    t.search = o->value(QStringLiteral("search")).toBool();
    t.maxSearchRows = o->value(QStringLiteral("max-search-rows")).toInt();
    t.seed = static_cast<quint64>(o->value(QStringLiteral("seed")).toInt());
    PeakTrainingSet set;
    for (const ImageCandidates::Frame &f : input.frames)
        set.add(f.frame, input.mask, f.candidates, f.labels, f.frame.index);
    auto c = PeakClassifier::train(set, PeakFinderOptions{}, t, job);
    if (!c)
        return c.error();
    return PeakClassifierModel(std::move(c).value());
}

QString PeakClassifierModel::description() const
{
    const QString what = m_classifier.method() == PeakModelMethod::Cnn
        ? QStringLiteral("CNN on %1 x %1 patches").arg(PatchFeatures::PatchSize)
        : QStringLiteral("RBF SVM on %1 patch features").arg(PatchFeatures::Count);
    return QStringLiteral("%1 of Bragg-peak candidates (peak at p >= %2)").arg(what).arg(m_classifier.threshold(), 0, 'f', 2);
}

QJsonObject PeakClassifierModel::options() const
{
    return QJsonObject{{QStringLiteral("method"), PeakClassifier::methodName(m_classifier.method())},
                       {QStringLiteral("finder"), m_classifier.finderOptions().toJson()}};
}

Result<std::vector<ModelPrediction>> PeakClassifierModel::predict(const ModelInput &input, const JobControl *job) const
{
    const auto *candidates = dynamic_cast<const ImageCandidates *>(&input);
    if (!candidates)
        return makeError(kSource, QStringLiteral("needs image candidates, got %1").arg(input.inputKind()));
    std::vector<ModelPrediction> out;
    qsizetype item = 0;
    for (const ImageCandidates::Frame &f : candidates->frames) {
        if (JobControl::cancelled(job))
            return makeError(kSource, QStringLiteral("cancelled"));
        std::vector<BraggCandidate> c = f.candidates;
        m_classifier.classify(f.frame, candidates->mask, c);
        for (const BraggCandidate &b : c) {
            ModelPrediction p;
            p.item = candidates->itemName(item++);
            const bool peak = b.probability >= m_classifier.threshold();
            p.decision = peak ? QStringLiteral("peak") : QStringLiteral("not-peak");
            p.findings = {{QStringLiteral("not-peak"), 1.0 - b.probability, !peak}, {QStringLiteral("peak"), b.probability, peak}};
            out.push_back(std::move(p));
        }
    }
    return out;
}

} // namespace photopeak
