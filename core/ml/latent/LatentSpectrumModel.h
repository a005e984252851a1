// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "ml/latent/LatentModel.h"
#include "model/ModelRegistry.h"
#include "model/SpectrumModel.h"

#include <memory>

namespace photopeak {

// The GAMMA_FLOW latent model behind the generic Model interface: kind "latent", loaded by the one model
// loader; predicts a SpectrumBatch (rebinned to the model's grid) into component shares and decisions. In
// SpectrumAnalyzer it is a Decomposition: it decides alone, beside a classifier it flags unknown isotopes. Spectra
// outside its domain (LatentModel::domainProblem) are "unknown", as in `latent classify`.
class LatentSpectrumModel final : public SpectrumModel {
public:
    explicit LatentSpectrumModel(std::shared_ptr<const LatentModel> model);
    static ModelKind modelKind();

    QString kind() const override { return QStringLiteral("latent"); }
    QString description() const override;
    QStringList labels() const override { return m_model->components(); }
    QJsonObject options() const override;  // LatentParameters' keys
    QJsonObject metrics() const override { return m_model->metrics(); }
    Result<std::vector<ModelPrediction>> predict(const ModelInput &input, const JobControl *job = nullptr) const override;
    Status save(const QString &path) const override { return m_model->save(path); }

    Role role() const override { return Role::Decomposition; }
    QString analysisName() const override { return QStringLiteral("latent %1").arg(m_model->options().describe()); }
    QStringList isotopeLabels() const override;  // components without the background
    const EnergyGrid &grid() const override { return m_model->grid(); }
    void describe(QJsonObject &header, bool decides) const override;
    std::unique_ptr<SpectrumPredictor> predictor() const override;

    const std::shared_ptr<const LatentModel> &latentModel() const { return m_model; }

private:
    std::shared_ptr<const LatentModel> m_model;
};

} // namespace photopeak
