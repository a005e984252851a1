// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "hits/HitBatch.h"
#include "hits/HitClassifier.h"
#include "model/ModelRegistry.h"

namespace photopeak {

// HitClassifier (published rule, calibrated SVM on features, CNN on crops) as a model-layer Model of kind
// "hits", trained and loaded through the ModelRegistry like every other kind.
class HitModel final : public Model {
public:
    static ModelKind modelKind();
    static const ParameterTable &parameterTable();
    // Options (validated by parameterTable()) into training options.
    static HitTrainOptions trainOptions(const QJsonObject &options);

    explicit HitModel(HitClassifier classifier, QJsonObject options = {}, QJsonObject metrics = {});

    QString kind() const override { return QString::fromLatin1(HitClassifier::kind); }
    QString description() const override;
    QStringList labels() const override { return m_classifier.classes(); }
    QJsonObject options() const override { return m_options; }
    QJsonObject metrics() const override { return m_metrics; }
    Result<std::vector<ModelPrediction>> predict(const ModelInput &input, const JobControl *job = nullptr) const override;
    Status save(const QString &path) const override;

    const HitClassifier &classifier() const { return m_classifier; }

private:
    HitClassifier m_classifier;
    QJsonObject m_options, m_metrics;
};

} // namespace photopeak
