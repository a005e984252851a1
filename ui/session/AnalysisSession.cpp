// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "session/AnalysisSession.h"

#include "ml/SpectrumClassifierModel.h"
#include "ml/latent/LatentSpectrumModel.h"
#include "results/ClassificationJob.h"
#include "results/ResultsModel.h"

namespace photopeak::ui {

AnalysisSession::AnalysisSession(QObject *parent)
    : QObject(parent)
    , m_results(new ResultsModel(this))
    , m_job(new ClassificationJob(this))
{
    connect(m_job, &ClassificationJob::finished, this,
            [this](std::vector<SpectrumAnalysis> results, double seconds) {
                const int n = static_cast<int>(results.size());
                m_results->setResults(std::move(results));
                emit classificationFinished(n, seconds);
            });
}

AnalysisSession::~AnalysisSession() = default;

void AnalysisSession::setDataset(std::shared_ptr<const SpectrumDataset> dataset)
{
    m_job->cancel();
    m_dataset = std::move(dataset);
    m_results->clear();  // results index entries of the previous dataset
}

void AnalysisSession::setClassifier(std::shared_ptr<const SpectrumClassifier> classifier, const QString &name)
{
    m_classifier = std::move(classifier);
    m_classifierName = name;
    emit modelsChanged();
}

void AnalysisSession::setLatentModel(std::shared_ptr<const LatentModel> model, const QString &name)
{
    m_latent = std::move(model);
    m_latentName = name;
    emit modelsChanged();
}

QString AnalysisSession::setEfficiencyFile(const QString &path)
{
    if (path.isEmpty()) {
        m_efficiency.reset();
        m_efficiencyPath.clear();
        return {};
    }
    auto curve = EfficiencyCurve::load(path);
    if (!curve)
        return curve.error().toString();
    m_efficiency = std::move(curve).value();
    m_efficiencyPath = path;
    return {};
}

std::shared_ptr<const SpectrumAnalyzer> AnalysisSession::makeAnalyzer() const
{
    SpectrumAnalyzer::Options options;
    options.activity = m_efficiency.has_value();
    options.efficiency = m_efficiency;
    options.distanceFromFolder = true;
    options.classical = m_classical;
    // The models the analyzer composes: the classifier (with the session background) decides, the latent model
    // flags unknown isotopes (or decides alone, out-of-domain spectra "unknown" as in `latent classify`).
    SpectrumAnalyzer::Models models;
    if (m_classifier) {
        std::shared_ptr<const SpectrumClassifier> classifier = m_classifier;
        QString name = m_classifierName;
        if (m_sessionBackground) {
            auto adapted = std::make_shared<SpectrumClassifier>(*m_classifier);
            if (adapted->setSessionBackground(m_sessionBackground->spectrum(), m_sessionBackground->source())) {
                classifier = adapted;
                name += tr("; session background %1").arg(m_sessionBackground->describe());
            }
        }
        models.push_back(std::make_shared<const SpectrumClassifierModel>(std::move(classifier)));
        options.modelNames << name;
    }
    if (m_latent && m_latent->isValid()) {
        models.push_back(std::make_shared<const LatentSpectrumModel>(m_latent));
        options.modelNames << m_latentName;
    }
    return std::make_shared<const SpectrumAnalyzer>(std::move(models), options);
}

void AnalysisSession::setSessionBackground(std::optional<SessionBackground> background)
{
    m_sessionBackground = std::move(background);
    emit modelsChanged();
}

QString AnalysisSession::modelDescription() const
{
    return hasModel() ? makeAnalyzer()->modelDescription() : tr("no model");
}

std::shared_ptr<const NuclideLibrary> AnalysisSession::nuclideLibrary() const
{
    if (!m_libraryTried) {
        m_libraryTried = true;
        auto library = NuclideLibrary::loadDefault();
        if (library)
            m_library = std::make_shared<const NuclideLibrary>(std::move(library).value());
        else
            qWarning("%s", qPrintable(library.error().toString()));
    }
    return m_library;
}

const SpectrumAnalysis *AnalysisSession::analysisOf(int entryIndex) const
{
    return m_results->result(m_results->rowOfEntry(entryIndex));
}

bool AnalysisSession::classify(const QList<int> &entries)
{
    if (!m_dataset || m_dataset->size() == 0) {
        emit failed(tr("Open spectra first: there is nothing to classify."));
        return false;
    }
    if (!hasModel()) {
        emit failed(tr("Train or load a model first (Training panel)."));
        return false;
    }
    const int n = entries.isEmpty() ? m_dataset->size() : static_cast<int>(entries.size());
    m_job->start(m_dataset, makeAnalyzer(), entries);
    emit classificationStarted(n);
    return true;
}

void AnalysisSession::cancel()
{
    m_job->cancel();
}

} // namespace photopeak::ui
