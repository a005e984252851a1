// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/latent/LatentSpectrumModel.h"

#include "jobs/Parallel.h"
#include "ml/latent/LatentAnalyser.h"
#include "ml/latent/LatentParameters.h"
#include "model/SpectrumBatch.h"
#include "spectrum/Rebinner.h"

#include <QJsonArray>

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

namespace {
class LatentPredictor final : public SpectrumPredictor {
public:
    LatentPredictor(const LatentModel &model, QStringList isotopes)
        : m_model(model), m_isotopes(std::move(isotopes)), m_rebinner(model.grid()), m_analyser(model)
    {
    }

    SpectrumVerdict predict(const Spectrum &spectrum, bool decides) override
    {
        SpectrumVerdict v;
        if (const QString problem = m_model.domainProblem(spectrum); !problem.isEmpty()) {
            // Never judged by a model made for another grid (as `latent classify`): "unknown", or a note.
            if (!decides) {
                v.analysed = false;
                v.problem = QStringLiteral("latent model: outside its domain (%1)").arg(problem);
                return v;
            }
            v.outOfDomain = true;
            v.domainReason = problem;
            for (const QString &label : m_isotopes)
                v.isotopes.push_back({label, 0.0, false});
            return v;
        }
        const std::vector<double> counts = m_rebinner.rebin(spectrum);
        double total = 0.0;
        for (double c : counts)
            total += c;
        if (!std::isfinite(total) || !(total > 0.0)) {
            v.analysed = false;
            v.problem = decides ? QStringLiteral("no counts inside the latent model's energy range (%1)").arg(m_model.grid().describe())
                                : QStringLiteral("latent model: no counts inside its energy range");
            return v;
        }
        const LatentResult r = m_analyser.analyse(counts);
        v.unknownIsotope = r.unknown;
        v.scores = r.scores;
        const int background = m_model.backgroundIndex();
        for (int k = 0; k < m_model.componentCount(); ++k) {
            if (k == background)
                continue;
            const bool reported = size_t(k) < r.present.size() && r.present[size_t(k)];
            v.isotopes.push_back({m_model.components()[k], size_t(k) < r.shares.size() ? r.shares[size_t(k)] : 0.0, reported});
            v.source = v.source || reported;
        }
        return v;
    }

private:
    const LatentModel &m_model;
    QStringList m_isotopes;
    Rebinner m_rebinner;
    LatentAnalyser m_analyser;
};
} // namespace

QStringList LatentSpectrumModel::isotopeLabels() const
{
    QStringList out = m_model->components();
    if (const int b = m_model->backgroundIndex(); b >= 0)
        out.removeAt(b);
    return out;
}

void LatentSpectrumModel::describe(QJsonObject &o, bool decides) const
{
    if (decides)
        o[QStringLiteral("threshold")] = m_model->options().shareThreshold;
    o[QStringLiteral("latent")] = QJsonObject{{QStringLiteral("options"), m_model->options().describe()},
                                              {QStringLiteral("components"), QJsonArray::fromStringList(m_model->components())},
                                              {QStringLiteral("role"), decides ? QStringLiteral("decision") : QStringLiteral("unknown-isotope flag")}};
}

std::unique_ptr<SpectrumPredictor> LatentSpectrumModel::predictor() const
{
    return std::make_unique<LatentPredictor>(*m_model, isotopeLabels());
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
