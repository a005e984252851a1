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

namespace {
class ClassifierPredictor final : public SpectrumPredictor {
public:
    explicit ClassifierPredictor(const SpectrumClassifier &classifier) : m_classifier(classifier), m_preparer(classifier.grid()) {}

    SpectrumVerdict predict(const Spectrum &spectrum, bool) override
    {
        SpectrumVerdict v;
        Result<PreparedSpectrum> prepared = m_preparer.prepare(spectrum);
        if (!prepared) {
            v.analysed = false;
            v.problem = prepared.error().message;
            return v;
        }
        const Classification c = m_classifier.classify(*prepared);
        v.source = c.source;
        v.sourceProbability = c.sourceProbability;
        v.sigmaTest = true;
        v.sigmaSignificance = c.sigma.significance;
        v.sigmaExcessCps = c.sigma.excessCps;
        v.sigmaSource = c.sigma.source;
        if (c.sourceProbability)
            v.detectionThreshold = m_classifier.detectionThreshold();
        if (c.excess) {
            v.excessStatistic = c.excess->statistic;
            v.excessTemplate = c.excess->best;
        }
        const QStringList labels = m_classifier.isotopeLabels();
        for (int i = 0; i < labels.size(); ++i)
            v.isotopes.push_back({labels[i], size_t(i) < c.isotopeProbabilities.size() ? c.isotopeProbabilities[size_t(i)] : 0.0,
                                  c.isotopes.contains(labels[i])});
        return v;
    }

private:
    const SpectrumClassifier &m_classifier;
    SpectrumPreparer m_preparer;
};
} // namespace

std::optional<QString> SpectrumClassifierModel::trainingDomainProblem(const Spectrum &spectrum) const
{
    const DomainCheck domain = m_classifier->domain().check(spectrum);
    if (domain.inside)
        return std::nullopt;
    return domain.reason();
}

void SpectrumClassifierModel::describe(QJsonObject &o, bool decides) const
{
    if (!decides)
        return;
    o[QStringLiteral("threshold")] = m_classifier->options().decisionThreshold;
    if (m_classifier->detector())
        o[QStringLiteral("detectionThreshold")] = m_classifier->detectionThreshold();
    o[QStringLiteral("domain")] = m_classifier->domain().describe();
}

std::unique_ptr<SpectrumPredictor> SpectrumClassifierModel::predictor() const
{
    return std::make_unique<ClassifierPredictor>(*m_classifier);
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
