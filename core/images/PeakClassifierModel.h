// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "images/ImageCandidates.h"
#include "images/PeakClassifier.h"
#include "model/ModelRegistry.h"

namespace photopeak {

// PeakClassifier as a model kind of the model layer ("image-peaks", input "image-candidates"), so that the
// one loader of every model file and the generic training and prediction views know it.
class PeakClassifierModel final : public Model {
public:
    static ModelKind modelKind();
    static const ParameterTable &parameterTable();

    explicit PeakClassifierModel(PeakClassifier classifier) : m_classifier(std::move(classifier)) {}
    static Result<PeakClassifierModel> train(const ImageCandidates &input, const QJsonObject &options,
                                             const JobControl *job = nullptr);

    QString kind() const override { return QString::fromLatin1(PeakClassifier::Kind); }
    QString description() const override;
    QStringList labels() const override { return {QStringLiteral("not-peak"), QStringLiteral("peak")}; }
    QJsonObject options() const override;
    QJsonObject metrics() const override { return m_classifier.validation(); }
    Result<std::vector<ModelPrediction>> predict(const ModelInput &input, const JobControl *job = nullptr) const override;
    Status save(const QString &path) const override { return m_classifier.save(path); }

    const PeakClassifier &classifier() const { return m_classifier; }

private:
    PeakClassifier m_classifier;
};

} // namespace photopeak
