#include "eval/LatentProtocol.h"

#include "io/ReaderRegistry.h"
#include "spectrum/Rebinner.h"

#include <QDir>
#include <QFileInfo>

#include <cmath>

namespace photopeak {

LatentProtocol LatentProtocol::gammaFlowDefault(const QString &dataDir)
{
    LatentProtocol p;
    p.dataDir = dataDir;
    for (const QString &c : p.components)
        p.trainFiles[c] = c == QLatin1String("background") ? QStringLiteral("background_20240124_left")
                                                           : c + QStringLiteral("_simulated");
    p.singleFiles = QStringList{QStringLiteral("Am241_left"), QStringLiteral("Co60-1_left"), QStringLiteral("Co60-2_left"),
                                QStringLiteral("Cs137WenigBisKeinBlei_left"), QStringLiteral("Cs137inBlei_left"),
                                QStringLiteral("Eu152_left")};
    p.multiFile = QStringLiteral("multi-class_left");
    return p;
}

QString LatentProtocol::filePath(const QString &stem) const
{
    return QDir(dataDir).filePath(stem + QStringLiteral(".h5"));
}

Result<std::vector<Spectrum>> LatentProtocol::read(const QString &stem) const
{
    const QString path = filePath(stem);
    if (!QFileInfo::exists(path))
        return makeError(path, QStringLiteral("data file missing (protocol file '%1')").arg(stem));
    return ReaderRegistry::instance().read(path);
}

Result<std::vector<Spectrum>> LatentProtocol::trainingSpectra(const JobControl *job) const
{
    std::vector<Spectrum> all;
    int done = 0;
    for (auto it = trainFiles.begin(); it != trainFiles.end(); ++it) {
        if (JobControl::cancelled(job))
            return makeError(dataDir, QStringLiteral("cancelled"));
        JobControl::report(job, done++, trainFiles.size(), QStringLiteral("reading %1").arg(it.value()));
        auto spectra = read(it.value());
        if (!spectra)
            return spectra.error();
        for (Spectrum &s : *spectra) {
            // The file must hold pure spectra of its component.
            QStringList labels = s.labels;
            labels.removeDuplicates();
            if (labels != QStringList{it.key()})
                return makeError(filePath(it.value()), QStringLiteral("row %1 is labelled '%2'; a training file for %3 "
                                                                      "must hold pure %3 spectra")
                                                           .arg(s.indexInSource).arg(s.labels.join(QLatin1Char(';')), it.key()));
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
    QStringList stems = singleFiles;
    if (!multiFile.isEmpty())
        stems << multiFile;
    for (int f = 0; f < stems.size(); ++f) {
        if (JobControl::cancelled(job))
            return makeError(dataDir, QStringLiteral("cancelled"));
        JobControl::report(job, f, stems.size(), QStringLiteral("reading %1").arg(stems[f]));
        auto spectra = read(stems[f]);
        if (!spectra)
            return spectra.error();
        const bool isMulti = stems[f] == multiFile;
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
            x.truth = s.labels;
            x.truth.removeDuplicates();
            x.truth.sort(Qt::CaseInsensitive);
            x.file = stems[f];
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
