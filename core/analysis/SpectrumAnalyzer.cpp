// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "analysis/SpectrumAnalyzer.h"
#include "analysis/LibraryEvidence.h"
#include "peaks/PeakAnalyzer.h"
#include "peaks/ClassicalIdentifier.h"

#include "peaks/ActivityEstimator.h"
#include "peaks/NuclideLibrary.h"
#include "peaks/SourceSeries.h"
#include "jobs/Parallel.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <exception>

namespace photopeak {

// Per-thread state: every model's predictor (rebin plans, work buffers).
struct SpectrumAnalyzer::Worker {
    std::vector<std::unique_ptr<SpectrumPredictor>> predictors;

    explicit Worker(const SpectrumAnalyzer &a)
    {
        for (const auto &m : a.m_models)
            predictors.push_back(m->predictor());
    }
};

Result<SpectrumAnalyzer> SpectrumAnalyzer::compose(const std::vector<std::shared_ptr<const Model>> &models, Options options)
{
    Models spectrumModels;
    for (const auto &m : models) {
        auto s = std::dynamic_pointer_cast<const SpectrumModel>(m);
        if (!s)
            return makeError(m ? m->description() : QStringLiteral("(no model)"),
                             QStringLiteral("a %1 model does not analyse spectra").arg(m ? m->kind() : QString()));
        spectrumModels.push_back(std::move(s));
    }
    return SpectrumAnalyzer(std::move(spectrumModels), std::move(options));
}

SpectrumAnalyzer::SpectrumAnalyzer(Models models, Options options) : m_models(std::move(models)), m_options(std::move(options))
{
    std::erase(m_models, nullptr);
    for (size_t i = m_models.size(); i-- > 0;)
        if (m_models[i]->role() == SpectrumModel::Role::Detector)
            m_decider = i;  // the first Detector
    QStringList parts;
    for (size_t i = 0; i < m_models.size(); ++i) {
        const QString name = m_options.modelNames.value(qsizetype(i));
        parts << m_models[i]->analysisName() + (name.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(name));
    }
    m_description = parts.isEmpty() ? QStringLiteral("(no model)") : parts.join(QStringLiteral(" + "));

    if (m_options.classical || !m_models.empty()) {  // peak evidence for out-of-domain spectra
        auto library = m_options.nuclideLibraryPath.isEmpty() ? NuclideLibrary::loadDefault()
                                                              : NuclideLibrary::load(m_options.nuclideLibraryPath);
        if (library)
            m_peakLibrary = std::make_shared<const NuclideLibrary>(std::move(library.value()));
    }
    if (!m_options.activity)
        return;
    if (!m_options.efficiency || !m_options.efficiency->isValid()) {
        m_activityProblem = QStringLiteral("no efficiency curve of the detector was given");
        return;
    }
    const ResolutionModel resolution = ResolutionModel::fromString(m_options.efficiency->resolution);
    if (!resolution.isValid()) {
        m_activityProblem = QStringLiteral("the efficiency curve holds no detector resolution model");
        return;
    }
    auto library = m_options.nuclideLibraryPath.isEmpty() ? NuclideLibrary::loadDefault()
                                                          : NuclideLibrary::load(m_options.nuclideLibraryPath);
    if (!library) {
        m_activityProblem = QStringLiteral("nuclide library: %1").arg(library.error().toString());
        return;
    }
    m_library = std::make_shared<const NuclideLibrary>(std::move(library.value()));
    m_estimator = std::make_shared<const ActivityEstimator>(*m_options.efficiency, resolution);
}

SpectrumAnalyzer::SpectrumAnalyzer(Models models) : SpectrumAnalyzer(std::move(models), Options()) {}

QString SpectrumAnalyzer::modelDescription() const { return m_description; }

QStringList SpectrumAnalyzer::isotopeLabels() const
{
    return m_models.empty() ? QStringList{} : m_models[m_decider]->isotopeLabels();
}

bool SpectrumAnalyzer::flagsUnknownIsotopes() const
{
    return std::any_of(m_models.begin(), m_models.end(),
                       [](const auto &m) { return m->role() == SpectrumModel::Role::Decomposition; });
}

EnergyGrid SpectrumAnalyzer::grid() const
{
    return m_models.empty() ? EnergyGrid() : m_models[m_decider]->grid();
}

QJsonObject SpectrumAnalyzer::describe() const
{
    QJsonObject o{{QStringLiteral("model"), m_description},
                  {QStringLiteral("isotopes"), QJsonArray::fromStringList(isotopeLabels())}};
    for (size_t i = 0; i < m_models.size(); ++i)
        m_models[i]->describe(o, i == m_decider);
    if (!m_options.activity)
        o[QStringLiteral("activity")] = QStringLiteral("not requested");
    else if (!m_estimator)
        o[QStringLiteral("activity")] = QStringLiteral("not available: %1").arg(m_activityProblem);
    else
        o[QStringLiteral("activity")] = QStringLiteral("efficiency curve \"%1\" (%2 .. %3 keV, reference %4 cm, radius %5 cm); nuclides %6")
                                            .arg(m_options.efficiency->detector)
                                            .arg(m_options.efficiency->minEnergy(), 0, 'f', 0)
                                            .arg(m_options.efficiency->maxEnergy(), 0, 'f', 0)
                                            .arg(m_options.efficiency->referenceDistanceCm())
                                            .arg(m_options.efficiency->detectorRadiusCm)
                                            .arg(m_library->path());
    return o;
}

QString SpectrumAnalyzer::entryName(const DatasetEntry &e)
{
    // Single files opened alone carry their absolute path (for labels): show the file name.
    const QString base = e.relativePath.isEmpty() || QDir::isAbsolutePath(e.relativePath)
        ? QFileInfo(e.relativePath.isEmpty() ? e.spectrum.sourcePath : e.relativePath).fileName()
        : e.relativePath;
    const bool multi = e.spectrum.indexInSource > 0 || e.spectrum.sourcePath.endsWith(QLatin1String(".h5"), Qt::CaseInsensitive);
    return multi ? QStringLiteral("%1 #%2").arg(base).arg(e.spectrum.indexInSource) : base;
}

namespace {
// "50cm"-like folder of the entry's file (not its file name), 0 when none.
double folderDistance(const DatasetEntry &e)
{
    double d = 0.0;
    if (!e.spectrum.sourcePath.isEmpty())
        d = SourceSeries::distanceFromPath(QFileInfo(e.spectrum.sourcePath).path() + QLatin1Char('/'));
    if (!(d > 0.0) && e.relativePath.contains(QLatin1Char('/')))
        d = SourceSeries::distanceFromPath(e.relativePath.section(QLatin1Char('/'), 0, -2) + QLatin1Char('/'));
    return d;
}
} // namespace

double SpectrumAnalyzer::distanceFor(const DatasetEntry &e) const
{
    if (m_options.distanceOverrideCm > 0.0)
        return m_options.distanceOverrideCm;
    if (m_options.distanceFromFolder)
        if (const double d = folderDistance(e); d > 0.0)
            return d;
    const double h = e.spectrum.distanceCm;
    return !e.spectrum.problems.has(SpectrumProblem::UnknownDistance) && std::isfinite(h) && h > 0.0 ? h : 0.0;
}

SpectrumAnalysis SpectrumAnalyzer::analyse(const DatasetEntry &entry, const QString &displayFile, int entryIndex) const
{
    try {
        Worker worker(*this);
        return analyseWith(worker, entry, displayFile, entryIndex);
    } catch (const std::exception &ex) {
        SpectrumAnalysis a;
        a.file = displayFile.isEmpty() ? entryName(entry) : displayFile;
        a.entryIndex = entryIndex;
        a.model = m_description;
        a.decision = SpectrumAnalysis::Decision::Error;
        a.message = QStringLiteral("%1: analysis failed: %2").arg(a.file, QString::fromLocal8Bit(ex.what()));
        return a;
    }
}

SpectrumAnalysis SpectrumAnalyzer::analyseWith(Worker &worker, const DatasetEntry &entry, const QString &displayFile,
                                               int entryIndex) const
{
    using D = SpectrumAnalysis::Decision;
    const Spectrum &s = entry.spectrum;
    SpectrumAnalysis a;
    a.file = displayFile.isEmpty() ? entryName(entry) : displayFile;
    a.entryIndex = entryIndex;
    a.model = m_description;
    a.flags = s.problems.names();
    a.liveTimeSeconds = std::isfinite(s.liveTime) ? s.liveTime : 0.0;
    a.distanceCm = distanceFor(entry);
    auto stop = [&](D d, const QString &why) {
        a.decision = d;
        a.message = QStringLiteral("%1: %2").arg(a.file, why);
        return a;
    };
    if (!isValid())
        return stop(D::Error, QStringLiteral("no model to analyse with"));
    if (!entry.isReadable())
        return stop(D::Error, entry.message);
    if (auto problem = m_models[m_decider]->trainingDomainProblem(s)) {
        a.outOfDomain = true;
        a.domainReason = *problem;
    }
    if (s.problems.blocksAnalysis())
        return stop(D::Skipped, QStringLiteral("cannot be analysed: %1").arg(s.problems.descriptions().join(QStringLiteral("; "))));
    if (s.counts.empty())
        return stop(D::Skipped, QStringLiteral("no counts"));
    if (!s.calibration.isValid(s.channelCount()))
        return stop(D::Skipped, QStringLiteral("invalid energy calibration: %1").arg(s.calibration.problem(s.channelCount())));
    try {
        if (const QString skipped = fuse(worker, s, a); !skipped.isEmpty())
            return stop(D::Skipped, skipped);
        if (a.outOfDomain) {
            // Never confident outside the domain: the classical peak evidence instead.
            a.decision = D::OutOfDomain;
            for (IsotopeFinding &f : a.isotopes)
                f.reported = false;
        }
        if (m_options.activity)
            addActivities(entry, a);
        if (m_peakLibrary && (m_options.classical || a.outOfDomain))
            addPeakNuclides(entry, a);
        if (m_peakLibrary)  // rows the model cannot speak for: library templates and peaks (LibraryEvidence)
            LibraryEvidence::add(entry.spectrum, *m_peakLibrary, m_options.efficiency.value_or(EfficiencyCurve()), a);
    } catch (const std::exception &ex) {
        a.isotopes.clear();
        return stop(D::Error, QStringLiteral("analysis failed: %1").arg(QString::fromLocal8Bit(ex.what())));
    } catch (...) {
        a.isotopes.clear();
        return stop(D::Error, QStringLiteral("analysis failed"));
    }
    return a;
}

QString SpectrumAnalyzer::fuse(Worker &worker, const Spectrum &s, SpectrumAnalysis &a) const
{
    using D = SpectrumAnalysis::Decision;
    // The deciding model first, then the others in order.
    std::vector<size_t> order{m_decider};
    for (size_t i = 0; i < m_models.size(); ++i)
        if (i != m_decider)
            order.push_back(i);
    for (const size_t i : order) {
        const bool decides = i == m_decider;
        SpectrumVerdict v = worker.predictors[i]->predict(s, decides);
        if (!decides) {
            if (!v.analysed)
                a.notes << v.problem;
            else if (v.outOfDomain)
                a.notes << v.domainReason;
            else {
                a.unknownIsotope = v.unknownIsotope;
                a.latentScores = std::move(v.scores);
            }
            continue;
        }
        if (!v.analysed)
            return v.problem;
        if (v.outOfDomain) {
            a.outOfDomain = true;
            a.domainReason = v.domainReason;
        }
        a.decision = v.source ? D::Source : D::Background;
        a.sourceProbability = v.sourceProbability;
        a.detectionThreshold = v.detectionThreshold;
        a.noSigmaTest = !v.sigmaTest;
        a.sigmaSignificance = v.sigmaSignificance;
        a.sigmaExcessCps = v.sigmaExcessCps;
        a.sigmaSource = v.sigmaSource;
        a.excessStatistic = v.excessStatistic;
        a.excessTemplate = v.excessTemplate;
        a.unknownIsotope = v.unknownIsotope;
        a.latentScores = std::move(v.scores);
        for (const ModelFinding &f : v.isotopes) {
            IsotopeFinding finding;
            finding.isotope = f.label;
            finding.probability = f.probability;
            finding.reported = f.reported;
            a.isotopes.push_back(finding);
        }
    }
    return {};
}

void SpectrumAnalyzer::addPeakNuclides(const DatasetEntry &entry, SpectrumAnalysis &a) const
{
    const Spectrum &s = entry.spectrum;
    if (!s.calibration.isValid(s.channelCount()) || s.problems.has(SpectrumProblem::InvalidCalibration))
        return;
    auto fitted = std::make_shared<const PeakAnalysis>(PeakAnalyzer().run(s));
    a.peaks = fitted;
    const PeakAnalysis &peaks = *fitted;
    const EfficiencyCurve efficiency = m_options.efficiency.value_or(EfficiencyCurve());
    ClassicalIdentifier identifier(*m_peakLibrary, ClassicalIdentifier::resolutionFor(peaks, efficiency),
                                   ClassicalIdentifier::Options());
    if (efficiency.isValid())
        identifier.setEfficiency(efficiency);
    for (const NuclideMatch &m : identifier.identify(peaks.peaks, &s))
        if (!m.background)
            a.peakNuclides << QStringLiteral("%1 %2").arg(m.nuclide).arg(m.score, 0, 'f', 2);
}

void SpectrumAnalyzer::addActivities(const DatasetEntry &entry, SpectrumAnalysis &a) const
{
    if (a.reportedIsotopes().isEmpty())
        return;
    if (!m_estimator) {
        a.notes << QStringLiteral("activity not estimated: %1").arg(m_activityProblem);
        return;
    }
    if (!(a.distanceCm > 0.0)) {
        a.notes << QStringLiteral("activity not estimated: unknown source distance (the header says 0; give the distance)");
        return;
    }
    if (!entry.spectrum.hasLiveTime()) {
        a.notes << QStringLiteral("activity not estimated: no live time");
        return;
    }
    if (m_options.distanceOverrideCm <= 0.0 && !m_options.distanceFromFolder) {
        const double folder = folderDistance(entry);
        if (folder > 0.0 && std::abs(folder - a.distanceCm) > 0.01 * folder)
            a.notes << QStringLiteral("activity at the header distance %1 cm, but the folder says %2 cm (take it from the "
                                      "folder or give the distance if that is right)")
                           .arg(a.distanceCm).arg(folder);
    }
    if (entry.spectrum.problems.has(SpectrumProblem::MissingCalibration))
        a.notes << QStringLiteral("activity uses the substituted default energy calibration (none in the file)");
    for (IsotopeFinding &f : a.isotopes) {
        if (!f.reported)
            continue;
        const Nuclide *nuclide = m_library->find(f.isotope);
        if (!nuclide) {
            a.notes << QStringLiteral("activity of %1: not in the nuclide library").arg(f.isotope);
            continue;
        }
        auto est = m_estimator->estimate(entry.spectrum, *nuclide, a.distanceCm);
        if (!est) {
            a.notes << QStringLiteral("activity of %1: %2").arg(f.isotope, est.error().message);
            continue;
        }
        if (est->detected) {
            f.activityBq = est->activityBq;
            f.activityUncBq = est->uncTotalBq();
        } else {
            f.mdaBq = est->mdaBq;
        }
    }
}

std::vector<SpectrumAnalysis> SpectrumAnalyzer::analyseAll(const SpectrumDataset &dataset, const JobControl *job) const
{
    const std::vector<DatasetEntry> &entries = dataset.entries();
    const size_t n = entries.size();
    std::vector<SpectrumAnalysis> out(n);
    std::vector<char> done(n, 0);
    try {
        Parallel::forEachWithState(
            static_cast<qsizetype>(n), [this] { return Worker(*this); },
            [&](Worker &worker, qsizetype index) {
                const size_t i = static_cast<size_t>(index);
                out[i] = analyseWith(worker, entries[i], entryName(entries[i]), static_cast<int>(i));
                done[i] = 1;
            },
            job, QStringLiteral("Analysing spectra"), 8);
    } catch (...) {
        // Entries left undone are reported below.
    }
    for (size_t i = 0; i < n; ++i) {
        if (done[i])
            continue;
        SpectrumAnalysis &a = out[i];
        a.file = entryName(entries[i]);
        a.entryIndex = static_cast<int>(i);
        a.model = m_description;
        a.flags = entries[i].spectrum.problems.names();
        a.decision = JobControl::cancelled(job) ? SpectrumAnalysis::Decision::Skipped : SpectrumAnalysis::Decision::Error;
        a.message = QStringLiteral("%1: %2").arg(a.file, JobControl::cancelled(job) ? QStringLiteral("analysis cancelled")
                                                                                   : QStringLiteral("analysis failed"));
    }
    return out;
}

} // namespace photopeak
