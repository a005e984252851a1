// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "analysis/SpectrumAnalysis.h"
#include "jobs/JobControl.h"
#include "library/DatasetEntry.h"
#include "library/SpectrumDataset.h"
#include "model/SpectrumModel.h"
#include "peaks/EfficiencyCurve.h"
#include "util/Result.h"

#include <QJsonObject>

#include <memory>
#include <optional>
#include <vector>

namespace photopeak {

class ActivityEstimator;
class NuclideLibrary;

// The one pipeline from a dataset entry to a SpectrumAnalysis: the spectrum models it composes (model files loaded
// through ModelRegistry::load, or models just trained), fused, then the activity of every reported isotope. The
// CLI's rows, the GUI's results table and the PNG reports use it. Fusion: the first Detector model (the spectrum
// classifier) decides, the others add their unknown-isotope flag, scores and notes; without a Detector the first
// model decides (the latent model alone: isotope probabilities are its shares). A spectrum outside the deciding
// model's domain is "unknown (out of domain)". Immutable after construction (copies share the models); analyse()
// may be called from several threads at once.
class SpectrumAnalyzer {
public:
    using Models = std::vector<std::shared_ptr<const SpectrumModel>>;

    struct Options {
        bool activity = false;                       // estimate activities of reported isotopes (needs efficiency)
        std::optional<EfficiencyCurve> efficiency;   // per-detector efficiency curve (peaks/EfficiencyCurve)
        double distanceOverrideCm = 0.0;             // > 0: use instead of the header distance
        bool distanceFromFolder = false;             // take the distance from a "15cm"-like folder name (SourceSeries::distanceFromPath)
        QString nuclideLibraryPath;                  // empty: NuclideLibrary::defaultPath() (the shipped library)
        QStringList modelNames;                      // per model, in order, shown in modelDescription() (e.g. file names)
        bool classical = false;                      // also rank nuclides from the fitted peaks (peakNuclides)
    };

    SpectrumAnalyzer(Models models, Options options);
    // Same with default Options (a separate overload: GCC refuses `Options options = {}` inside the class).
    explicit SpectrumAnalyzer(Models models);
    // Models as ModelRegistry::load returns them; refuses one that does not analyse spectra, naming it.
    static Result<SpectrumAnalyzer> compose(const std::vector<std::shared_ptr<const Model>> &models, Options options);

    // Never throws: unreadable entries give Decision::Error, unusable ones Decision::Skipped, both with a
    // message naming `displayFile` (the entry's relative path when empty) and the problem.
    SpectrumAnalysis analyse(const DatasetEntry &entry, const QString &displayFile, int entryIndex = -1) const;
    // Whole dataset in parallel, progress + cancel via JobControl; order = entries order. Entries not reached
    // because of a cancel are returned as Skipped with the message "analysis cancelled".
    std::vector<SpectrumAnalysis> analyseAll(const SpectrumDataset &dataset, const JobControl *job = nullptr) const;
    QString modelDescription() const;

    bool isValid() const { return !m_models.empty(); }
    const Models &models() const { return m_models; }
    // The model whose verdict is the decision (null without models).
    const SpectrumModel *decidingModel() const { return m_models.empty() ? nullptr : m_models[m_decider].get(); }
    // Some model flags isotopes unknown to it (a decomposition model).
    bool flagsUnknownIsotopes() const;
    // The deciding model's energy grid (empty without models).
    EnergyGrid grid() const;
    const Options &options() const { return m_options; }
    // Labels of the isotope columns, in order: the deciding model's.
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
    // The models' verdicts into `analysis`; a non-empty result: why the spectrum is skipped.
    QString fuse(Worker &worker, const Spectrum &spectrum, SpectrumAnalysis &analysis) const;
    void addActivities(const DatasetEntry &entry, SpectrumAnalysis &analysis) const;
    void addPeakNuclides(const DatasetEntry &entry, SpectrumAnalysis &analysis) const;
    std::shared_ptr<const NuclideLibrary> m_peakLibrary;  // for the classical ranking (loaded when asked for)

    Models m_models;
    size_t m_decider = 0;
    Options m_options;
    std::shared_ptr<const NuclideLibrary> m_library;
    std::shared_ptr<const ActivityEstimator> m_estimator;
    QString m_activityProblem;
    QString m_description;
};

} // namespace photopeak
