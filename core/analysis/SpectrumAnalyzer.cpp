// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "analysis/SpectrumAnalyzer.h"
#include "analysis/LibraryEvidence.h"
#include "peaks/PeakAnalyzer.h"
#include "peaks/ClassicalIdentifier.h"

#include "features/SpectrumPreparer.h"
#include "ml/latent/LatentAnalyser.h"
#include "peaks/ActivityEstimator.h"
#include "peaks/NuclideLibrary.h"
#include "peaks/SourceSeries.h"
#include "spectrum/Rebinner.h"
#include "jobs/Parallel.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <exception>

namespace photopeak {

// Per-thread state: rebin plans and the latent analyser's work buffers.
struct SpectrumAnalyzer::Worker {
    std::optional<SpectrumPreparer> preparer;
    std::optional<Rebinner> rebinner;
    std::optional<LatentAnalyser> latent;

    explicit Worker(const SpectrumAnalyzer &a)
    {
        if (a.m_classifier)
            preparer.emplace(a.m_classifier->grid());
        if (a.m_latent) {
            rebinner.emplace(a.m_latent->grid());
            latent.emplace(*a.m_latent);
        }
    }
};

SpectrumAnalyzer::SpectrumAnalyzer(std::shared_ptr<const SpectrumClassifier> classifier,
                                   std::shared_ptr<const LatentModel> latent, Options options)
    : m_classifier(std::move(classifier)), m_latent(std::move(latent)), m_options(std::move(options))
{
    if (m_latent && !m_latent->isValid())
        m_latent.reset();
    QStringList parts;
    if (m_classifier)
        parts << m_classifier->options().methodName()
                     + (m_options.classifierName.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m_options.classifierName));
    if (m_latent)
        parts << QStringLiteral("latent %1").arg(m_latent->options().describe())
                     + (m_options.latentName.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m_options.latentName));
    m_description = parts.isEmpty() ? QStringLiteral("(no model)") : parts.join(QStringLiteral(" + "));

    if (m_options.classical || m_classifier) {  // classifier: peak evidence for out-of-domain spectra
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

SpectrumAnalyzer::SpectrumAnalyzer(std::shared_ptr<const SpectrumClassifier> classifier,
                                   std::shared_ptr<const LatentModel> latent)
    : SpectrumAnalyzer(std::move(classifier), std::move(latent), Options())
{
}

QString SpectrumAnalyzer::modelDescription() const { return m_description; }

QStringList SpectrumAnalyzer::isotopeLabels() const
{
    if (m_classifier)
        return m_classifier->isotopeLabels();
    if (!m_latent)
        return {};
    QStringList out = m_latent->components();
    if (const int b = m_latent->backgroundIndex(); b >= 0)
        out.removeAt(b);
    return out;
}

QJsonObject SpectrumAnalyzer::describe() const
{
    QJsonObject o{{QStringLiteral("model"), m_description},
                  {QStringLiteral("isotopes"), QJsonArray::fromStringList(isotopeLabels())}};
    if (m_classifier) {
        o[QStringLiteral("threshold")] = m_classifier->options().decisionThreshold;
        if (m_classifier->detector())
            o[QStringLiteral("detectionThreshold")] = m_classifier->detectionThreshold();
        o[QStringLiteral("domain")] = m_classifier->domain().describe();
    }
    else if (m_latent)
        o[QStringLiteral("threshold")] = m_latent->options().shareThreshold;
    if (m_latent)
        o[QStringLiteral("latent")] = QJsonObject{{QStringLiteral("options"), m_latent->options().describe()},
                                                  {QStringLiteral("components"), QJsonArray::fromStringList(m_latent->components())},
                                                  {QStringLiteral("role"), m_classifier ? QStringLiteral("unknown-isotope flag")
                                                                                        : QStringLiteral("decision")}};
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
    if (m_classifier) {
        const DomainCheck domain = m_classifier->domain().check(s);
        a.outOfDomain = !domain.inside;
        a.domainReason = domain.reason();
    }
    if (s.problems.blocksAnalysis())
        return stop(D::Skipped, QStringLiteral("cannot be analysed: %1").arg(s.problems.descriptions().join(QStringLiteral("; "))));
    if (s.counts.empty())
        return stop(D::Skipped, QStringLiteral("no counts"));
    if (!s.calibration.isValid(s.channelCount()))
        return stop(D::Skipped, QStringLiteral("invalid energy calibration: %1").arg(s.calibration.problem(s.channelCount())));
    try {
        if (m_classifier) {
            Result<PreparedSpectrum> prepared = worker.preparer->prepare(s);
            if (!prepared)
                return stop(D::Skipped, prepared.error().message);
            const Classification c = m_classifier->classify(*prepared);
            a.decision = c.source ? D::Source : D::Background;
            a.sourceProbability = c.sourceProbability;
            a.sigmaSignificance = c.sigma.significance;
            a.sigmaExcessCps = c.sigma.excessCps;
            a.sigmaSource = c.sigma.source;
            if (c.sourceProbability)
                a.detectionThreshold = m_classifier->detectionThreshold();
            if (c.excess) {
                a.excessStatistic = c.excess->statistic;
                a.excessTemplate = c.excess->best;
            }
            const QStringList labels = m_classifier->isotopeLabels();
            for (int i = 0; i < labels.size(); ++i) {
                IsotopeFinding f;
                f.isotope = labels[i];
                f.probability = static_cast<size_t>(i) < c.isotopeProbabilities.size() ? c.isotopeProbabilities[size_t(i)] : 0.0;
                f.reported = c.isotopes.contains(labels[i]);
                a.isotopes.push_back(f);
            }
        }
        if (m_latent) {
            const std::vector<double> counts = worker.rebinner->rebin(s);
            double total = 0.0;
            for (double v : counts)
                total += v;
            if (!std::isfinite(total) || !(total > 0.0)) {
                if (!m_classifier)
                    return stop(D::Skipped, QStringLiteral("no counts inside the latent model's energy range (%1)")
                                                .arg(m_latent->grid().describe()));
                a.notes << QStringLiteral("latent model: no counts inside its energy range");
            } else {
                const LatentResult r = worker.latent->analyse(counts);
                a.unknownIsotope = r.unknown;
                a.latentScores = r.scores;
                if (!m_classifier) {
                    const int bkg = m_latent->backgroundIndex();
                    bool any = false;
                    for (int k = 0; k < m_latent->componentCount(); ++k) {
                        if (k == bkg)
                            continue;
                        IsotopeFinding f;
                        f.isotope = m_latent->components()[k];
                        f.probability = size_t(k) < r.shares.size() ? r.shares[size_t(k)] : 0.0;
                        f.reported = size_t(k) < r.present.size() && r.present[size_t(k)];
                        any = any || f.reported;
                        a.isotopes.push_back(f);
                    }
                    a.decision = any ? D::Source : D::Background;
                    a.noSigmaTest = true;
                }
            }
        }
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
