// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitModel.h"

#include <QSet>

#include <algorithm>
#include <numeric>

namespace photopeak {

const ParameterTable &HitModel::parameterTable()
{
    static const ParameterTable table(QStringLiteral("hits"), {
        {QStringLiteral("method"), ParameterSpec::Type::Choice, QStringLiteral("svm"), 0, 0,
         {QStringLiteral("rule"), QStringLiteral("svm"), QStringLiteral("cnn")}, {}, "Method",
         "rule: the published CREDO rule; svm: calibrated RBF SVM on features; cnn: network on the crops", {}},
        {QStringLiteral("epochs"), ParameterSpec::Type::Int, 30, 1, 500, {}, {}, "CNN epochs", "CNN training epochs", {}},
        {QStringLiteral("augment"), ParameterSpec::Type::Bool, true, 0, 0, {}, {}, "Augment",
         "CNN: random shifts (0-8 px), rotations, reflections and rescaling (90-110 %) of every training crop", {}},
        {QStringLiteral("seed"), ParameterSpec::Type::Int, 20260, 0, 2147483647.0, {}, {}, "Seed", "Seed of the CNN", {}},
    });
    return table;
}

HitTrainOptions HitModel::trainOptions(const QJsonObject &o)
{
    HitTrainOptions t;
    HitTrainOptions::parseMethod(o.value(QStringLiteral("method")).toString(QStringLiteral("svm")), &t.method);
    t.cnn.epochs = o.value(QStringLiteral("epochs")).toInt(30);
    t.cnn.augment = o.value(QStringLiteral("augment")).toBool(true);
    t.cnn.seed = quint64(o.value(QStringLiteral("seed")).toInteger(20260));
    return t;
}

ModelKind HitModel::modelKind()
{
    ModelKind k;
    k.kind = QString::fromLatin1(HitClassifier::kind);
    k.title = QStringLiteral("Cosmic-ray hit classifier (CREDO rule, SVM on features, CNN on crops)");
    k.inputKind = QString::fromLatin1(HitBatch::Kind);
    k.parameters = parameterTable();
    k.train = [](const ModelInput &input, const QJsonObject &options, const JobControl *job) -> Result<std::unique_ptr<Model>> {
        const auto *batch = dynamic_cast<const HitBatch *>(&input);
        if (!batch)
            return makeError(QStringLiteral("hits"), QStringLiteral("trains on hits, not on %1").arg(input.inputKind()));
        if (batch->labels.size() != qsizetype(batch->images.size()) || batch->features.rows != int(batch->images.size()))
            return makeError(QStringLiteral("hits"), QStringLiteral("every hit needs a label and a feature row"));
        QStringList classes(QSet<QString>(batch->labels.begin(), batch->labels.end()).values());
        std::sort(classes.begin(), classes.end());
        std::vector<int> y;
        for (const QString &l : batch->labels)
            y.push_back(int(classes.indexOf(l)));
        std::vector<int> groups = batch->groups;
        if (groups.size() != y.size()) {
            groups.resize(y.size());
            std::iota(groups.begin(), groups.end(), 0);
        }
        auto c = HitClassifier::train(batch->images, batch->features, y, groups, classes, trainOptions(options), job);
        if (!c)
            return c.error();
        return std::unique_ptr<Model>(new HitModel(std::move(*c), options));
    };
    k.load = [](const QString &path) -> Result<std::unique_ptr<Model>> {
        auto c = HitClassifier::load(path);
        if (!c)
            return c.error();
        return std::unique_ptr<Model>(new HitModel(std::move(*c)));
    };
    return k;
}

HitModel::HitModel(HitClassifier classifier, QJsonObject options, QJsonObject metrics)
    : m_classifier(std::move(classifier)), m_options(std::move(options)), m_metrics(std::move(metrics))
{
    if (m_options.isEmpty())
        m_options = {{QStringLiteral("method"), HitTrainOptions::methodName(m_classifier.method())}};
}

QString HitModel::description() const
{
    return QStringLiteral("%1 hit classifier (%2)").arg(HitTrainOptions::methodName(m_classifier.method()),
                                                         m_classifier.classes().join(QStringLiteral(", ")));
}

Result<std::vector<ModelPrediction>> HitModel::predict(const ModelInput &input, const JobControl *) const
{
    const auto *batch = dynamic_cast<const HitBatch *>(&input);
    if (!batch)
        return makeError(QStringLiteral("hits"), QStringLiteral("predicts hits, not %1").arg(input.inputKind()));
    auto p = m_classifier.predict(batch->images, batch->features);
    if (!p)
        return p.error();
    std::vector<ModelPrediction> out;
    const QStringList classes = m_classifier.classes();
    for (int i = 0; i < p->rows; ++i) {
        ModelPrediction m;
        m.item = batch->itemName(i);
        for (int c = 0; c < p->cols; ++c)
            m.findings.push_back({classes[c], p->at(i, c), false});
        ModelFinding *best = &m.findings.front();
        for (ModelFinding &f : m.findings)
            if (f.probability > best->probability)
                best = &f;
        best->reported = true;
        m.decision = best->label;
        out.push_back(std::move(m));
    }
    return out;
}

Status HitModel::save(const QString &path) const
{
    return m_classifier.save(path, m_metrics);
}

} // namespace photopeak
