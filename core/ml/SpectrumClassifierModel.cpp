// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/SpectrumClassifierModel.h"

#include "features/SpectrumPreparer.h"
#include "jobs/Parallel.h"
#include "ml/ClassifierParameters.h"
#include "model/SpectrumBatch.h"

namespace photopeak {

SpectrumClassifierModel::SpectrumClassifierModel(std::shared_ptr<const SpectrumClassifier> classifier)
    : m_classifier(std::move(classifier))
{
}

ModelKind SpectrumClassifierModel::modelKind()
{
    ModelKind k;
    k.kind = QString::fromLatin1(SpectrumClassifier::Kind);
    k.title = QStringLiteral("Source detection and isotope identification (calibrated, with synthetic mixtures)");
    k.inputKind = QString::fromLatin1(SpectrumBatch::Kind);
    k.parameters = ClassifierParameters::table();
    k.load = [](const QString &path) -> Result<std::unique_ptr<Model>> {
        auto c = SpectrumClassifier::load(path);
        if (!c)
            return c.error();
        return std::unique_ptr<Model>(
            std::make_unique<SpectrumClassifierModel>(std::make_shared<const SpectrumClassifier>(std::move(c).value())));
    };
    return k;
}

QString SpectrumClassifierModel::description() const
{
    return QStringLiteral("detection and identification (%1)").arg(m_classifier->options().methodName());
}

QStringList SpectrumClassifierModel::labels() const
{
    return QStringList{QStringLiteral("Source")} + m_classifier->isotopeLabels();
}

Result<std::vector<ModelPrediction>> SpectrumClassifierModel::predict(const ModelInput &input, const JobControl *job) const
{
    const auto *batch = dynamic_cast<const SpectrumBatch *>(&input);
    if (!batch)
        return makeError(description(), QStringLiteral("predicts spectra, not %1").arg(input.inputKind()));
    std::vector<ModelPrediction> out(batch->spectra.size());
    const QStringList isotopes = m_classifier->isotopeLabels();
    Parallel::forEachWithState(
        batch->itemCount(), [&] { return SpectrumPreparer(m_classifier->grid()); },
        [&](SpectrumPreparer &preparer, qsizetype i) {
            ModelPrediction &p = out[size_t(i)];
            p.item = batch->itemName(i);
            auto prepared = preparer.prepare(*batch->spectra[size_t(i)]);
            if (!prepared) {
                p.decision = QStringLiteral("error");
                p.domainNote = prepared.error().message;
                p.outOfDomain = true;
                return;
            }
            const Classification c = m_classifier->classify(prepared.value());
            p.decision = c.source ? QStringLiteral("Source") : QStringLiteral("Background");
            const double ps = c.sourceProbability.value_or(c.source ? 1.0 : 0.0);
            p.findings.push_back({QStringLiteral("Source"), ps, c.source});
            for (int k = 0; k < isotopes.size(); ++k)
                p.findings.push_back({isotopes[k],
                                      size_t(k) < c.isotopeProbabilities.size() ? c.isotopeProbabilities[size_t(k)] : 0.0,
                                      c.isotopes.contains(isotopes[k])});
        },
        job, QStringLiteral("Classifying spectra"));
    return out;
}

} // namespace photopeak
