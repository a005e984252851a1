// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Benchmark of the .sps preprocessing path (issue 2): parse + calibrate + count-conserving rebin to 1-keV
// bins 0..1499 keV + Savitzky-Golay(5,2) + count rate, over every .sps in ../shared/data/xgd, from bytes
// in memory and from files, single thread (= per core). Runs ../shared/bench/xgd_reference.py in the same
// invocation and prints the ratios. Usage: photopeak-bench-io [--no-reference] [--runs N]

#include "ReferenceRunner.h"

#include "io/FileBytes.h"
#include "io/sps/SpsFormat.h"
#include "spectrum/CountRatePreprocessor.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>

#include <cstring>

using namespace photopeak;

namespace {
QStringList allSps(const QString &root)
{
    QStringList files;
    QDirIterator it(root, {QStringLiteral("*.sps")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

// Full path: bytes -> Spectrum (every header field) -> count rate.
double processFull(const std::vector<QByteArray> &buffers, CountRatePreprocessor &pre, std::vector<double> &out)
{
    double checksum = 0.0;
    for (const QByteArray &b : buffers) {
        auto s = sps::parse(b, QString());
        if (s.ok() && pre.process(*s, out.data()))
            checksum += out[661];
    }
    return checksum;
}

// Batch path: header fields needed for analysis + counts straight from the bytes.
double processFast(const std::vector<QByteArray> &buffers, CountRatePreprocessor &pre, std::vector<double> &out)
{
    double checksum = 0.0;
    for (const QByteArray &b : buffers) {
        auto h = sps::parseAnalysisHeader(b);
        if (h.ok() && !h->allZero && pre.process(h->counts, h->channels, h->calibration, h->liveTime, out.data()))
            checksum += out[661];
    }
    return checksum;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    int runs = 5;
    for (int i = 1; i + 1 < argc; ++i)
        if (qstrcmp(argv[i], "--runs") == 0)
            runs = std::max(1, atoi(argv[i + 1]));
    const QStringList files = allSps(QStringLiteral(PHOTOPEAK_SHARED_DATA "/xgd"));
    if (files.isEmpty()) {
        QTextStream(stderr) << "no .sps files under " PHOTOPEAK_SHARED_DATA "/xgd\n";
        return 1;
    }
    std::vector<QByteArray> buffers;
    for (const QString &f : files) {
        QFile file(f);
        file.open(QIODevice::ReadOnly);
        buffers.push_back(file.readAll());
    }
    CountRatePreprocessor pre;
    std::vector<double> rate(static_cast<size_t>(pre.binCount()));
    const double n = double(files.size());
    volatile double sink = 0;

    const double tFull = bench::medianSeconds(runs, [&] { sink = sink + processFull(buffers, pre, rate); });
    const double tFast = bench::medianSeconds(runs, [&] { sink = sink + processFast(buffers, pre, rate); });
    const double tFiles = bench::medianSeconds(runs, [&] {
        double c = 0;
        QByteArray b;
        for (const QString &f : files) {
            if (!readFileBytes(f, b, sps::fileSize(sps::MaxChannels)))
                continue;
            auto h = sps::parseAnalysisHeader(b);
            if (h.ok() && !h->allZero && pre.process(h->counts, h->channels, h->calibration, h->liveTime, rate.data()))
                c += rate[661];
        }
        sink = sink + c;
    });
    out << "photopeak-bench-io: " << files.size() << " .sps files, 1 thread, median of " << runs << " runs\n";
    out << "  pipeline: parse + calibrate + rebin to 1-keV bins 0..1499 + Savitzky-Golay(5,2) + count rate\n";
    out << QStringLiteral("  memory, full Spectrum parse   %1 spectra/s  (%2 us each)\n").arg(n / tFull, 10, 'f', 0).arg(1e6 * tFull / n, 0, 'f', 2);
    out << QStringLiteral("  memory, batch path            %1 spectra/s  (%2 us each)\n").arg(n / tFast, 10, 'f', 0).arg(1e6 * tFast / n, 0, 'f', 2);
    out << QStringLiteral("  files (page cache), batch     %1 spectra/s  (%2 us each)\n").arg(n / tFiles, 10, 'f', 0).arg(1e6 * tFiles / n, 0, 'f', 2);
    out.flush();
    if (bench::hasFlag(argc, argv, "--no-reference"))
        return 0;
    const auto ref = bench::runReference(QStringLiteral("xgd_reference.py"), {QStringLiteral("--runs"), QString::number(3)});
    const double refMem = ref.value(QStringLiteral("xgd_parse_preprocess_mem_per_s")).toDouble();
    const double refFiles = ref.value(QStringLiteral("xgd_parse_preprocess_per_s")).toDouble();
    if (refMem <= 0 || refFiles <= 0) {
        out << "reference figures unavailable\n";
        return 1;
    }
    out << QStringLiteral("  reference (numpy) memory      %1 spectra/s   ratio full %2x, batch %3x\n")
               .arg(refMem, 10, 'f', 0).arg(n / tFull / refMem, 0, 'f', 1).arg(n / tFast / refMem, 0, 'f', 1);
    out << QStringLiteral("  reference (numpy) files       %1 spectra/s   ratio %2x\n")
               .arg(refFiles, 10, 'f', 0).arg(n / tFiles / refFiles, 0, 'f', 1);
    return 0;
}
