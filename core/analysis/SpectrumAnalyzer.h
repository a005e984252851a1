// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "analysis/SpectrumAnalysis.h"
#include "jobs/JobControl.h"
#include "library/DatasetEntry.h"
#include "library/SpectrumDataset.h"
#include "ml/SpectrumClassifier.h"
#include "ml/latent/LatentModel.h"
#include "peaks/EfficiencyCurve.h"

#include <QJsonObject>

#include <memory>
#include <optional>
#include <vector>

namespace photopeak {

class ActivityEstimator;
class NuclideLibrary;

// The one pipeline from a dataset entry to a SpectrumAnalysis: detection and identification (classifier),
// latent decomposition (unknown-isotope flag, or the whole decision when it is the only model) and the
// activity of every reported isotope. The CLI's rows, the GUI's results table and the PNG reports use it.
// Immutable after construction (copies share the models); analyse() may be called from several threads at once.
class SpectrumAnalyzer {
public:
    struct Options {
        bool activity = false;                       // estimate activities of reported isotopes (needs efficiency)
        std::optional<EfficiencyCurve> efficiency;   // per-detector efficiency curve (peaks/EfficiencyCurve)
        double distanceOverrideCm = 0.0;             // > 0: use instead of the header distance
        bool distanceFromFolder = false;             // take the distance from a "15cm"-like folder name (SourceSeries::distanceFromPath)
        QString nuclideLibraryPath;                  // empty: NuclideLibrary::defaultPath() (the shipped library)
        QString classifierName, latentName;          // shown in modelDescription(), e.g. the model files' names
        bool classical = false;                      // also rank nuclides from the fitted peaks (peakNuclides)
    };

    // Either model may be null (not both). With only a latent model, isotope probabilities are its shares and
    // reported = its decision; with both, the classifier decides and the latent model adds unknownIsotope.
    SpectrumAnalyzer(std::shared_ptr<const SpectrumClassifier> classifier, std::shared_ptr<const LatentModel> latent,
                     Options options);
    // Same with default Options (a separate overload: GCC refuses `Options options = {}` inside the class).
    SpectrumAnalyzer(std::shared_ptr<const SpectrumClassifier> classifier, std::shared_ptr<const LatentModel> latent);

    // Never throws: unreadable entries give Decision::Error, unusable ones Decision::Skipped, both with a
    // message naming `displayFile` (the entry's relative path when empty) and the problem.
    SpectrumAnalysis analyse(const DatasetEntry &entry, const QString &displayFile, int entryIndex = -1) const;
    // Whole dataset in parallel, progress + cancel via JobControl; order = entries order. Entries not reached
    // because of a cancel are returned as Skipped with the message "analysis cancelled".
    std::vector<SpectrumAnalysis> analyseAll(const SpectrumDataset &dataset, const JobControl *job = nullptr) const;
    QString modelDescription() const;

    bool isValid() const { return m_classifier || m_latent; }
    const std::shared_ptr<const SpectrumClassifier> &classifier() const { return m_classifier; }
    const std::shared_ptr<const LatentModel> &latentModel() const { return m_latent; }
    const Options &options() const { return m_options; }
    // Labels of the isotope columns, in order (classifier's, else the latent components without background).
    QStringList isotopeLabels() const;
    // Activity requested and possible (efficiency curve with resolution, nuclide library).
    bool activityEnabled() const { return m_estimator != nullptr; }
    // Why activity is off although requested (empty when it is on or not requested).
    QString activityProblem() const { return m_activityProblem; }
    // Document header for AnalysisTable::toJson: model, isotopes, threshold, activity, latent.
    QJsonObject describe() const;
    // Distance used for activity for this entry (0 = unknown): override, folder name, header.
    double distanceFor(const DatasetEntry &entry) const;
    // Name of an entry as shown in rows: relative path (file name for a file opened alone), plus " #row"
    // inside multi-spectrum files.
    static QString entryName(const DatasetEntry &entry);

private:
    struct Worker;
    SpectrumAnalysis analyseWith(Worker &worker, const DatasetEntry &entry, const QString &displayFile,
                                 int entryIndex) const;
    void addActivities(const DatasetEntry &entry, SpectrumAnalysis &analysis) const;
    void addPeakNuclides(const DatasetEntry &entry, SpectrumAnalysis &analysis) const;
    std::shared_ptr<const NuclideLibrary> m_peakLibrary;  // for the classical ranking (loaded when asked for)

    std::shared_ptr<const SpectrumClassifier> m_classifier;
    std::shared_ptr<const LatentModel> m_latent;
    Options m_options;
    std::shared_ptr<const NuclideLibrary> m_library;
    std::shared_ptr<const ActivityEstimator> m_estimator;
    QString m_activityProblem;
    QString m_description;
};

} // namespace photopeak
