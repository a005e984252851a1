// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Soak benchmark of batch classification in flat memory (issue 21, item 3): classifies the XGD spectra over
// and over, through the same pieces as `photopeak-cli classify` (SpectrumDataset::listFolder/openFiles chunks of
// DatasetChunks::FilesPerChunk files, SpectrumAnalyzer::analyseAll, AnalysisReportStream writing CSV + JSON),
// until N spectra, and prints the peak RSS at 10k, 100k and 1M spectra and the throughput. Run on demand (not
// in CI); a million spectra take a while.
// Usage: photopeak-bench-soak --model MODEL.json [--spectra N] [--data FOLDER] [--keep-reports DIR]
//   MODEL: a spectrum classifier, e.g. photopeak-cli train -S <xgd>/srcs/Cs137 -S <xgd>/srcs/Co60 -B <xgd>/bkgs -o m.json
// Goal: peak RSS flat within 10 % from 10k to 1M spectra and under 500 MB. The reference figure is the batch
// kept whole in memory as `classify` did before streaming: about 36 KB per spectrum (181 MB for the 4245
// XGD spectra, 3,648 MB for 24 times that), extrapolated from the same issue's measurement.

#include "analysis/AnalysisReportStream.h"
#include "analysis/SpectrumAnalyzer.h"
#include "ml/SpectrumClassifierModel.h"
#include "model/ModelRegistry.h"
#include "library/DatasetChunks.h"
#include "ml/SpectrumClassifier.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <unistd.h>

#include <sys/resource.h>

using namespace photopeak;

namespace {
double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;  // kilobytes on Linux
}

double currentRssMb()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0.0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toDouble() * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0) : 0.0;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("Spectrum classifier model file."), QStringLiteral("file"));
    const QCommandLineOption count(QStringLiteral("spectra"), QStringLiteral("Spectra to classify (default 1000000)."),
                                   QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("Folder of spectra to cycle through."),
                                  QStringLiteral("folder"), QStringLiteral(PHOTOPEAK_SHARED_DATA "/xgd"));
    const QCommandLineOption keep(QStringLiteral("keep-reports"), QStringLiteral("Write the reports into this folder."),
                                  QStringLiteral("dir"));
    parser.addOptions({model, count, data, keep});
    parser.process(app);
    if (!parser.isSet(model)) {
        out << "photopeak-bench-soak: give --model (a spectrum classifier; see the comment at the top of bench_soak.cpp)\n";
        return 2;
    }
    auto classifier = ModelRegistry::instance().loadAs<SpectrumClassifierModel>(parser.value(model),
                                                                             QString::fromLatin1(SpectrumClassifier::Kind));
    if (!classifier) {
        out << "photopeak-bench-soak: " << classifier.error().toString() << "\n";
        return 1;
    }
    const SpectrumAnalyzer analyzer(SpectrumAnalyzer::Models{std::move(classifier).value()});
    auto listing = SpectrumDataset::listFolder(parser.value(data));
    if (!listing || listing->files.isEmpty()) {
        out << "photopeak-bench-soak: " << (listing ? QStringLiteral("no spectra in %1").arg(parser.value(data)) : listing.error().toString()) << "\n";
        return 1;
    }
    const qint64 target = parser.value(count).toLongLong();
    QTemporaryDir scratch;
    const QString dir = parser.isSet(keep) ? parser.value(keep) : scratch.path();
    AnalysisReportStream report;
    if (const Status st = report.open(dir + QStringLiteral("/soak.csv"), nullptr, dir + QStringLiteral("/soak.json"),
                                      analyzer.isotopeLabels(), analyzer.describe());
        !st) {
        out << "photopeak-bench-soak: " << st.error().toString() << "\n";
        return 1;
    }
    out << QStringLiteral("soak: %1 spectra from %2 files of %3, %4 files per chunk; RSS before: %5 MB\n")
               .arg(target).arg(listing->files.size()).arg(parser.value(data)).arg(DatasetChunks::FilesPerChunk)
               .arg(currentRssMb(), 0, 'f', 1);
    out << "| spectra | peak RSS MB | current RSS MB | spectra/s (so far) | kept-in-memory reference MB |\n|---|---|---|---|---|\n";
    out.flush();
    QList<qint64> marks;
    for (qint64 m : {qint64(10000), qint64(100000), qint64(1000000), target})
        if (m <= target && !marks.contains(m))
            marks << m;
    std::sort(marks.begin(), marks.end());
    qsizetype next = 0;
    qint64 done = 0;
    int sources = 0;
    QElapsedTimer timer;
    timer.start();
    QList<double> peaks;
    while (done < target) {
        const QStringList chunk = listing->files.mid(next, DatasetChunks::FilesPerChunk);
        next = (next + chunk.size()) % listing->files.size();
        SpectrumDataset ds = SpectrumDataset::openFiles(listing->root, chunk);
        std::vector<SpectrumAnalysis> rows = analyzer.analyseAll(ds);
        if (static_cast<qint64>(rows.size()) > target - done)
            rows.resize(static_cast<size_t>(target - done));
        for (const SpectrumAnalysis &r : rows)
            sources += r.decision == SpectrumAnalysis::Decision::Source;
        if (const Status st = report.append(rows); !st) {
            out << "photopeak-bench-soak: " << st.error().toString() << "\n";
            return 1;
        }
        const qint64 before = done;
        done += static_cast<qint64>(rows.size());
        for (qint64 mark : marks)
            if (before < mark && done >= mark) {
                peaks << peakRssMb();
                out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                           .arg(done).arg(peaks.back(), 0, 'f', 1).arg(currentRssMb(), 0, 'f', 1)
                           .arg(done / (timer.elapsed() / 1000.0), 0, 'f', 0).arg(done * 36.0 / 1024.0, 0, 'f', 0);
                out.flush();
            }
    }
    if (const Status st = report.finish(); !st) {
        out << "photopeak-bench-soak: " << st.error().toString() << "\n";
        return 1;
    }
    const double seconds = timer.elapsed() / 1000.0;
    const double first = peaks.isEmpty() ? 0.0 : peaks.front(), last = peaks.isEmpty() ? 0.0 : peaks.back();
    out << QStringLiteral("\nclassified %1 spectra (%2 source) in %3 s: %4 spectra/s; report %5 rows, %6 MB CSV\n")
               .arg(done).arg(sources).arg(seconds, 0, 'f', 1).arg(done / seconds, 0, 'f', 0).arg(report.rowCount())
               .arg(QFileInfo(dir + QStringLiteral("/soak.csv")).size() / (1024.0 * 1024.0), 0, 'f', 1);
    out << QStringLiteral("peak RSS growth from the first mark to the last: %1 %% (goal: within 10 %%); last peak %2 MB (goal: < 500 MB)\n")
               .arg(first > 0 ? 100.0 * (last - first) / first : 0.0, 0, 'f', 1).arg(last, 0, 'f', 1);
    return 0;
}
