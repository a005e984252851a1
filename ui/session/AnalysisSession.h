// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "analysis/SpectrumAnalyzer.h"
#include "library/SpectrumDataset.h"
#include "ml/SpectrumClassifier.h"
#include "ml/detect/SessionBackground.h"
#include "ml/latent/LatentModel.h"
#include "peaks/NuclideLibrary.h"

#include <QObject>

#include <memory>

namespace photopeak::ui {

class ClassificationJob;
class ResultsModel;

// What the window is working with beyond the opened data: the current classifier and latent model, the
// activity settings, and the results of the last classification (ResultsModel). Runs classifications in
// the background (ClassificationJob). Holds no widgets.
class AnalysisSession : public QObject {
    Q_OBJECT
public:
    explicit AnalysisSession(QObject *parent = nullptr);
    ~AnalysisSession() override;

    void setDataset(std::shared_ptr<const SpectrumDataset> dataset);
    const std::shared_ptr<const SpectrumDataset> &dataset() const { return m_dataset; }

    void setClassifier(std::shared_ptr<const SpectrumClassifier> classifier, const QString &name);
    void setLatentModel(std::shared_ptr<const LatentModel> model, const QString &name);
    const std::shared_ptr<const SpectrumClassifier> &classifier() const { return m_classifier; }
    const std::shared_ptr<const LatentModel> &latentModel() const { return m_latent; }
    bool hasModel() const { return m_classifier || m_latent; }
    // Efficiency curve for activities (file path; empty = none). Returns the problem in words, or empty.
    QString setEfficiencyFile(const QString &path);
    QString efficiencyFile() const { return m_efficiencyPath; }
    QString modelDescription() const;
    // Background measured in this session (none = the model's training background): detection adapts to its
    // level and shape at the next classification, without retraining.
    void setSessionBackground(std::optional<SessionBackground> background);
    const std::optional<SessionBackground> &sessionBackground() const { return m_sessionBackground; }
    // Rank nuclides from the fitted peaks beside the model's result (about 5 ms per spectrum).
    void setClassicalRanking(bool on) { m_classical = on; }
    bool classicalRanking() const { return m_classical; }
    // The shipped nuclide library, loaded on first use; null (and a warning logged) when it is missing.
    std::shared_ptr<const NuclideLibrary> nuclideLibrary() const;

    ResultsModel *results() const { return m_results; }
    ClassificationJob *job() const { return m_job; }
    // Analysis of one dataset entry from the last classification, or null.
    const SpectrumAnalysis *analysisOf(int entryIndex) const;

public slots:
    // Classifies the given entries (empty = all) of the current dataset with the current models.
    // Returns false (and says why through `failed`) when there is no data or no model.
    bool classify(const QList<int> &entries = {});
    void cancel();

signals:
    void modelsChanged();
    void classificationStarted(int count);
    void classificationFinished(int count, double seconds);
    void failed(const QString &message);

private:
    std::shared_ptr<const SpectrumAnalyzer> makeAnalyzer() const;

    std::shared_ptr<const SpectrumDataset> m_dataset;
    std::shared_ptr<const SpectrumClassifier> m_classifier;
    std::shared_ptr<const LatentModel> m_latent;
    QString m_classifierName, m_latentName;
    std::optional<EfficiencyCurve> m_efficiency;
    QString m_efficiencyPath;
    std::optional<SessionBackground> m_sessionBackground;
    mutable std::shared_ptr<const NuclideLibrary> m_library;
    mutable bool m_libraryTried = false;
    bool m_classical = true;
    ResultsModel *m_results;
    ClassificationJob *m_job;
};

} // namespace photopeak::ui
