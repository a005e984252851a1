// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "ml/SpectrumClassifier.h"
#include "model/ModelRegistry.h"
#include "model/SpectrumModel.h"

#include <memory>

namespace photopeak {

// The detection + identification classifier behind the generic Model interface: registered as kind
// "spectrum-classifier", loaded by the one model loader, predicts a SpectrumBatch. Trained by its own
// pipeline (PreparedSet, synthetic mixtures), so the registry has no trainer for it. In SpectrumAnalyzer it is a
// Detector: it decides whenever present.
class SpectrumClassifierModel final : public SpectrumModel {
public:
    explicit SpectrumClassifierModel(std::shared_ptr<const SpectrumClassifier> classifier);
    static ModelKind modelKind();

    QString kind() const override { return QString::fromLatin1(SpectrumClassifier::Kind); }
    QString description() const override;
    QStringList labels() const override;
    QJsonObject options() const override { return m_classifier->options().toJson(); }
    QJsonObject metrics() const override { return m_classifier->report(); }
    Result<std::vector<ModelPrediction>> predict(const ModelInput &input, const JobControl *job = nullptr) const override;
    Status save(const QString &path) const override { return m_classifier->save(path); }

    Role role() const override { return Role::Detector; }
    QString analysisName() const override { return m_classifier->options().methodName(); }
    QStringList isotopeLabels() const override { return m_classifier->isotopeLabels(); }
    const EnergyGrid &grid() const override { return m_classifier->grid(); }
    std::optional<QString> trainingDomainProblem(const Spectrum &spectrum) const override;
    void describe(QJsonObject &header, bool decides) const override;
    std::unique_ptr<SpectrumPredictor> predictor() const override;

    const std::shared_ptr<const SpectrumClassifier> &classifier() const { return m_classifier; }

private:
    std::shared_ptr<const SpectrumClassifier> m_classifier;
};

} // namespace photopeak
