// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "eval/LatentProtocol.h"

#include "io/ReaderRegistry.h"
#include "spectrum/Rebinner.h"

#include <QDir>
#include <QFileInfo>

#include <cmath>

namespace photopeak {

namespace {
const QString kBackground = QStringLiteral("background");

QStringList pathsIn(const QDir &dir, const QStringList &stems)
{
    QStringList out;
    for (const QString &s : stems)
        out << dir.filePath(s + QStringLiteral(".h5"));
    return out;
}

QStringList labelSet(const Spectrum &s)
{
    QStringList labels = s.labels;
    labels.removeDuplicates();
    labels.sort(Qt::CaseInsensitive);
    return labels;
}
} // namespace

LatentProtocol LatentProtocol::gammaFlowDefault(const QString &dataDir)
{
    LatentProtocol p;
    p.dataDir = dataDir;
    p.detector = QStringLiteral("left");
    const QDir dir(dataDir);
    QStringList train;
    for (const QString &c : p.components)
        train << (c == kBackground ? QStringLiteral("background_20240124_left") : c + QStringLiteral("_simulated"));
    p.trainFiles = pathsIn(dir, train);
    p.singleFiles = pathsIn(dir, {QStringLiteral("Am241_left"), QStringLiteral("Co60-1_left"), QStringLiteral("Co60-2_left"),
                                  QStringLiteral("Cs137WenigBisKeinBlei_left"), QStringLiteral("Cs137inBlei_left"),
                                  QStringLiteral("Eu152_left")});
    p.multiFiles = pathsIn(dir, {QStringLiteral("multi-class_left")});
    return p;
}

Result<LatentProtocol> LatentProtocol::forDetector(const QString &dataDir, const QString &detector)
{
    const QDir dir(dataDir);
    if (!dir.exists())
        return makeError(dataDir, QStringLiteral("no such folder"));
    if (detector.isEmpty() || detector.contains(QLatin1Char('/')) || detector.compare(QLatin1String("simulated"), Qt::CaseInsensitive) == 0)
        return makeError(dataDir, QStringLiteral("'%1' is not a measured detector name").arg(detector));
    LatentProtocol p;
    p.dataDir = dataDir;
    p.detector = detector;
    p.components.clear();
    const QString suffix = QLatin1Char('_') + detector;
    QStringList background;
    for (const QFileInfo &f : dir.entryInfoList({QStringLiteral("*.h5")}, QDir::Files, QDir::Name)) {
        const QString stem = f.completeBaseName();
        if (stem.endsWith(QLatin1String("_simulated"))) {
            p.components << stem.chopped(10);
            p.trainFiles << f.filePath();
        } else if (stem.endsWith(suffix)) {
            if (stem.startsWith(QLatin1String("background_")))
                background << f.filePath();
            else if (stem.startsWith(QLatin1String("multi-class")))
                p.multiFiles << f.filePath();
            else
                p.singleFiles << f.filePath();
        }
    }
    p.components.sort(Qt::CaseInsensitive);
    p.components << kBackground;
    p.trainFiles << background;
    auto missing = [&](const QString &pattern) {
        return makeError(dataDir, QStringLiteral("no %1 file for detector '%2'").arg(pattern, detector));
    };
    if (p.components.size() < 2)
        return missing(QStringLiteral("<Isotope>_simulated.h5"));
    if (background.isEmpty())
        return missing(QStringLiteral("background_*%1.h5").arg(suffix));
    if (p.singleFiles.isEmpty() && p.multiFiles.isEmpty())
        return missing(QStringLiteral("*%1.h5 test").arg(suffix));
    return p;
}

Result<LatentProtocol> LatentProtocol::fromFiles(const QStringList &train, const QStringList &single, const QStringList &multi,
                                                 bool requireTests)
{
    if (train.isEmpty() || (requireTests && single.isEmpty() && multi.isEmpty()))
        return makeError(QString(), QStringLiteral("need training files and at least one test file"));
    LatentProtocol p;
    p.trainFiles = train;
    p.singleFiles = single;
    p.multiFiles = multi;
    p.dataDir = QFileInfo(train.front()).absolutePath();
    p.components.clear();
    bool background = false;
    for (const QString &path : train) {
        auto spectra = read(path);
        if (!spectra)
            return spectra.error();
        for (const Spectrum &s : *spectra) {
            const QStringList labels = labelSet(s);
            if (labels.size() != 1)
                return makeError(path, QStringLiteral("row %1 is labelled '%2'; training rows need exactly one label")
                                           .arg(s.indexInSource).arg(s.labels.join(QLatin1Char(';'))));
            if (labels.front() == kBackground)
                background = true;
            else if (!p.components.contains(labels.front()))
                p.components << labels.front();
        }
    }
    if (!background)
        return makeError(p.dataDir, QStringLiteral("no training row is labelled background"));
    p.components.sort(Qt::CaseInsensitive);
    p.components << kBackground;
    return p;
}

QString LatentProtocol::stems(const QStringList &paths)
{
    QStringList out;
    for (const QString &p : paths)
        out << QFileInfo(p).completeBaseName();
    return out.join(QStringLiteral(", "));
}

Result<std::vector<Spectrum>> LatentProtocol::read(const QString &path)
{
    if (!QFileInfo::exists(path))
        return makeError(path, QStringLiteral("data file missing"));
    return ReaderRegistry::instance().read(path);
}

Result<std::vector<Spectrum>> LatentProtocol::trainingSpectra(const JobControl *job) const
{
    std::vector<Spectrum> all;
    int done = 0;
    for (const QString &path : trainFiles) {
        if (JobControl::cancelled(job))
            return makeError(dataDir, QStringLiteral("cancelled"));
        JobControl::report(job, done++, trainFiles.size(), QStringLiteral("reading %1").arg(QFileInfo(path).fileName()));
        auto spectra = read(path);
        if (!spectra)
            return spectra.error();
        for (Spectrum &s : *spectra) {
            // A training file holds pure spectra of the model's components.
            const QStringList labels = labelSet(s);
            if (labels.size() != 1 || !components.contains(labels.front()))
                return makeError(path, QStringLiteral("row %1 is labelled '%2'; a training file must hold pure spectra of "
                                                      "one of %3")
                                           .arg(s.indexInSource).arg(s.labels.join(QLatin1Char(';')), components.join(QStringLiteral(", "))));
            all.push_back(std::move(s));
        }
    }
    return all;
}

Result<LatentModel> LatentProtocol::train(const LatentOptions &options, const JobControl *job) const
{
    auto spectra = trainingSpectra(job);
    if (!spectra)
        return spectra.error();
    LatentTrainingSpec spec;
    spec.components = components;
    spec.options = options;
    // Detectors are whatever the training files say: the files were chosen by the protocol.
    return LatentTrainer::train(*spectra, spec, job);
}

Result<LatentProtocol::TestSet> LatentProtocol::testSet(const EnergyGrid &grid, const JobControl *job) const
{
    TestSet t;
    Rebinner rebinner(grid);
    const QStringList paths = singleFiles + multiFiles;
    for (int f = 0; f < paths.size(); ++f) {
        if (JobControl::cancelled(job))
            return makeError(dataDir, QStringLiteral("cancelled"));
        const QString stem = QFileInfo(paths[f]).completeBaseName();
        JobControl::report(job, f, paths.size(), QStringLiteral("reading %1").arg(stem));
        auto spectra = read(paths[f]);
        if (!spectra)
            return spectra.error();
        const bool isMulti = f >= singleFiles.size();
        for (const Spectrum &s : *spectra) {
            double total = 0.0;
            bool finite = s.channelCount() > 0;
            for (double c : s.counts) {
                finite = finite && std::isfinite(c);
                total += c;
            }
            if (!finite || !(total > 0.0) || !s.calibration.isValid(s.channelCount())) {
                ++t.skipped;
                continue;
            }
            LatentSample x;
            x.counts = rebinner.rebin(s);
            x.truth = labelSet(s);
            x.file = stem;
            x.row = s.indexInSource;
            bool known = true;
            for (const QString &l : x.truth)
                known = known && components.contains(l);
            if (!isMulti)
                t.single.push_back(std::move(x));
            else if (known)
                t.multi.push_back(std::move(x));
            else
                t.unknown.push_back(std::move(x));
        }
    }
    return t;
}

} // namespace photopeak
