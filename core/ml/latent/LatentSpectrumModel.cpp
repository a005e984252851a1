// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/latent/LatentSpectrumModel.h"

#include "jobs/Parallel.h"
#include "ml/latent/LatentAnalyser.h"
#include "ml/latent/LatentParameters.h"
#include "model/SpectrumBatch.h"
#include "spectrum/Rebinner.h"

#include <cmath>

namespace photopeak {

LatentSpectrumModel::LatentSpectrumModel(std::shared_ptr<const LatentModel> model) : m_model(std::move(model)) {}

ModelKind LatentSpectrumModel::modelKind()
{
    ModelKind k;
    k.kind = QStringLiteral("latent");
    k.title = QStringLiteral("GAMMA_FLOW latent decomposition (loadings + NNLS)");
    k.inputKind = QString::fromLatin1(SpectrumBatch::Kind);
    k.parameters = LatentParameters::table();
    k.load = [](const QString &path) -> Result<std::unique_ptr<Model>> {
        auto m = LatentModel::load(path);
        if (!m)
            return m.error();
        return std::unique_ptr<Model>(
            std::make_unique<LatentSpectrumModel>(std::make_shared<const LatentModel>(std::move(m).value())));
    };
    return k;
}

QJsonObject LatentSpectrumModel::options() const
{
    return LatentParameters::values(m_model->options());
}

QString LatentSpectrumModel::description() const
{
    return QStringLiteral("latent decomposition %1 (%2 components)")
        .arg(m_model->options().describe())
        .arg(m_model->componentCount());
}

Result<std::vector<ModelPrediction>> LatentSpectrumModel::predict(const ModelInput &input, const JobControl *job) const
{
    const auto *batch = dynamic_cast<const SpectrumBatch *>(&input);
    if (!batch)
        return makeError(description(), QStringLiteral("predicts spectra, not %1").arg(input.inputKind()));
    struct State {
        Rebinner rebinner;
        LatentAnalyser analyser;
    };
    std::vector<ModelPrediction> out(batch->spectra.size());
    const int background = m_model->backgroundIndex();
    Parallel::forEachWithState(
        batch->itemCount(), [&] { return State{Rebinner(m_model->grid()), LatentAnalyser(*m_model)}; },
        [&](State &state, qsizetype i) {
            ModelPrediction &p = out[size_t(i)];
            p.item = batch->itemName(i);
            if (const QString problem = m_model->domainProblem(*batch->spectra[size_t(i)]); !problem.isEmpty()) {
                p.decision = QStringLiteral("unknown");
                p.outOfDomain = true;
                p.domainNote = problem;
                return;
            }
            const std::vector<double> counts = state.rebinner.rebin(*batch->spectra[size_t(i)]);
            double total = 0.0;
            for (double v : counts)
                total += v;
            if (!std::isfinite(total) || !(total > 0.0)) {
                p.decision = QStringLiteral("unknown");
                p.outOfDomain = true;
                p.domainNote = QStringLiteral("no counts inside the model's energy range (%1)").arg(m_model->grid().describe());
                return;
            }
            const LatentResult r = state.analyser.analyse(counts);
            for (int k = 0; k < m_model->componentCount(); ++k)
                p.findings.push_back({m_model->components()[k], size_t(k) < r.shares.size() ? r.shares[size_t(k)] : 0.0,
                                      size_t(k) < r.present.size() && r.present[size_t(k)] && k != background});
            p.decision = r.singleLabel;
            if (r.unknown) {
                p.outOfDomain = true;
                p.domainNote = QStringLiteral("fit worse than any training spectrum allows (isotope unknown to the model)");
            }
        },
        job, QStringLiteral("Decomposing spectra"));
    return out;
}

} // namespace photopeak
