// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Benchmark of detection + identification against the old XGD tool's reference pipeline.
// Runs python3 ../shared/bench/xgd_reference.py in the same invocation (QProcess), parses its `bench:` block
// and prints Photopeak's figures beside the reference with ratios.
//   photopeak-bench-identify [--runs N] [--no-reference]

#include "features/SpectrumPreparer.h"
#include "io/sps/SpsFormat.h"
#include "ml/SpectrumClassifier.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QTextStream>

#include <algorithm>
#include <atomic>
#include <thread>
#include <cstdio>

using namespace photopeak;

namespace {
QTextStream out(stdout);

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

QStringList spsFiles(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, {QStringLiteral("*.sps")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

QMap<QString, QString> runReference(const QString &benchDir, const QString &dataDir, int runs, QString *error)
{
    QMap<QString, QString> values;
    const QString python = QFileInfo::exists(QStringLiteral("/usr/bin/python3")) ? QStringLiteral("/usr/bin/python3")
                                                                                 : QStringLiteral("python3");
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(python, {QDir(benchDir).filePath(QStringLiteral("xgd_reference.py")), QStringLiteral("--data"), dataDir,
                     QStringLiteral("--runs"), QString::number(runs)});
    if (!p.waitForStarted(10000) || !p.waitForFinished(1800000) || p.exitCode() != 0) {
        *error = QStringLiteral("reference failed (exit %1): %2").arg(p.exitCode()).arg(QString::fromUtf8(p.readAll()).right(600));
        return values;
    }
    const QStringList lines = QString::fromUtf8(p.readAll()).split(QLatin1Char('\n'));
    bool inBlock = false;
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("bench: xgd_reference"))) {
            inBlock = true;
            continue;
        }
        if (!inBlock)
            continue;
        const int colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0)
            values.insert(line.left(colon).trimmed(), line.mid(colon + 1).trimmed());
    }
    if (values.isEmpty())
        *error = QStringLiteral("no 'bench: xgd_reference' block in the reference output");
    return values;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    int runs = 3;
    if (const int i = args.indexOf(QStringLiteral("--runs")); i > 0 && i + 1 < args.size())
        runs = std::max(1, args[i + 1].toInt());
    const bool withReference = !args.contains(QStringLiteral("--no-reference"));
    const QString data = QDir(QStringLiteral(PHOTOPEAK_SHARED_DATA)).filePath(QStringLiteral("xgd"));
    if (!QFileInfo(data).isDir()) {
        std::fprintf(stderr, "photopeak-bench-identify: data folder missing: %s\n", qPrintable(data));
        return 1;
    }
    QDir root(data);

    // Reference first, so that both run on the same machine in the same session, one after the other.
    QMap<QString, QString> ref;
    QString refError;
    if (withReference) {
        out << "running the Python reference (xgd_reference.py --runs " << runs << ") ...\n";
        out.flush();
        ref = runReference(QStringLiteral(PHOTOPEAK_SHARED_BENCH), data, runs, &refError);
        if (!refError.isEmpty())
            out << "reference: " << refError << "\n";
    }

    // Training: read + prepare, then the default model (logistic detection + template-fit identification).
    QElapsedTimer t;
    t.start();
    std::vector<SpectrumDataset> sets;
    for (const QString &d : {QStringLiteral("srcs"), QStringLiteral("Dataset"), QStringLiteral("bkgs")}) {
        auto ds = SpectrumDataset::openFolder(root.filePath(d));
        if (!ds) {
            std::fprintf(stderr, "%s\n", qPrintable(ds.error().toString()));
            return 1;
        }
        sets.push_back(std::move(ds.value()));
    }
    const PreparedSet training = PreparedSet::fromDatasets(std::move(sets), EnergyGrid::xgdDefault());
    const double readPrepareS = t.elapsed() / 1000.0;
    std::vector<double> trainTimes;
    std::optional<SpectrumClassifier> model;
    for (int r = 0; r < runs; ++r) {
        t.restart();
        auto m = SpectrumClassifier::train(training, ClassifierOptions{});
        trainTimes.push_back(t.nsecsElapsed() * 1e-9);
        if (!m) {
            std::fprintf(stderr, "%s\n", qPrintable(m.error().toString()));
            return 1;
        }
        model = std::move(m.value());
    }
    const double trainS = median(trainTimes);

    // Test files of the binary protocol (time + dist), as the reference uses them.
    QStringList testFiles = spsFiles(root.filePath(QStringLiteral("set2/test/time/sig"))) +
                            spsFiles(root.filePath(QStringLiteral("set2/test/time/bkg"))) +
                            spsFiles(root.filePath(QStringLiteral("set2/test/dist")));
    std::vector<QByteArray> bytes;
    std::vector<PreparedSpectrum> prepared;
    QStringList usable;
    SpectrumPreparer preparer(model->grid());
    for (const QString &f : testFiles) {
        QFile file(f);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray b = file.readAll();
        auto view = sps::parseAnalysisHeader(b, f);
        if (!view || view->allZero)
            continue;
        auto p = preparer.prepare(view->counts, view->channels, view->calibration, view->liveTime, f);
        if (!p)
            continue;
        bytes.push_back(b);
        prepared.push_back(std::move(p.value()));
        usable << f;
    }

    // Batch prediction throughput: 6000 classifications (prepared spectra cycled), one thread.
    const int nBatch = 6000;
    std::vector<double> batchTimes;
    int sources = 0;
    for (int r = 0; r < runs; ++r) {
        t.restart();
        for (int i = 0; i < nBatch; ++i)
            sources += model->classify(prepared[static_cast<size_t>(i) % prepared.size()]).source ? 1 : 0;
        batchTimes.push_back(t.nsecsElapsed() * 1e-9);
    }
    const double batchPerS = nBatch / median(batchTimes);
    // The same on two threads (the model is const and thread-safe), as the reference's forest uses both cores.
    std::vector<double> batch2Times;
    for (int r = 0; r < runs; ++r) {
        t.restart();
        std::atomic<int> next{0}, calls{0};
        auto worker = [&] {
            for (int i = next++; i < nBatch; i = next++)
                calls += model->classify(prepared[static_cast<size_t>(i) % prepared.size()]).source ? 1 : 0;
        };
        std::thread other(worker);
        worker();
        other.join();
        batch2Times.push_back(t.nsecsElapsed() * 1e-9);
        sources += calls;
    }
    const double batch2PerS = nBatch / median(batch2Times);

    // Where the time goes: each stage over the same 6000 spectra.
    auto stage = [&](auto fn) {
        t.restart();
        for (int i = 0; i < nBatch; ++i)
            fn(prepared[static_cast<size_t>(i) % prepared.size()]);
        return t.nsecsElapsed() * 1e-3 / nBatch;
    };
    double sink = 0.0;
    const double detUs = model->detector() ? stage([&](const PreparedSpectrum &p) { sink += model->detector()->probability(p); }) : 0.0;
    const double idUs = model->identifier() ? stage([&](const PreparedSpectrum &p) { sink += model->identifier()->probabilities(p)[0]; }) : 0.0;
    const double idFeatUs = model->identifier() ? stage([&](const PreparedSpectrum &p) { sink += model->identifier()->features().compute(p)[0]; }) : 0.0;
    sources += sink > 0 ? 0 : 1;

    // End to end, one file per call: open + read + parse + rebin + detection + identification + sigma (30 files).
    const int nSingle = 30;
    std::vector<int> pick;
    for (int i = 0; i < nSingle; ++i)
        pick.push_back(static_cast<int>((usable.size() - 1) * static_cast<qint64>(i) / (nSingle - 1)));
    std::vector<double> e2eTimes;
    for (int r = 0; r < runs; ++r) {
        t.restart();
        for (int idx : pick) {
            QFile file(usable[idx]);
            file.open(QIODevice::ReadOnly);
            const QByteArray b = file.readAll();
            auto view = sps::parseAnalysisHeader(b, usable[idx]);
            auto p = preparer.prepare(view->counts, view->channels, view->calibration, view->liveTime, usable[idx]);
            sources += model->classify(*p).source ? 1 : 0;
        }
        e2eTimes.push_back(t.nsecsElapsed() * 1e-6 / nSingle);
    }
    const double e2eMs = median(e2eTimes);

    // Parse + prepare from memory, for context.
    t.restart();
    for (const QByteArray &b : bytes) {
        auto view = sps::parseAnalysisHeader(b);
        auto p = preparer.prepare(view->counts, view->channels, view->calibration, view->liveTime, QString());
        sources += p ? 0 : 1;
    }
    const double prepPerS = bytes.size() / (t.nsecsElapsed() * 1e-9);

    out << "\nPhotopeak identify benchmark (" << runs << " runs, median; " << training.size() << " training spectra, "
        << prepared.size() << " test spectra)\n";
    out << QStringLiteral("  read + prepare training set        %1 s\n").arg(readPrepareS, 0, 'f', 2);
    out << QStringLiteral("  training (detection + identification, %1 synthetic, grouped 5-fold CV + calibration)  %2 s\n")
               .arg(model->report().value(QStringLiteral("syntheticSources")).toInt()
                    + model->report().value(QStringLiteral("syntheticBackgrounds")).toInt())
               .arg(trainS, 0, 'f', 2);
    out << QStringLiteral("  prediction batch (detection + identification + sigma) %1 spectra/s (%2 us each)\n")
               .arg(batchPerS, 0, 'f', 0).arg(1e6 / batchPerS, 0, 'f', 1);
    out << QStringLiteral("  prediction batch on 2 threads       %1 spectra/s\n").arg(batch2PerS, 0, 'f', 0);
    out << QStringLiteral("    of which detection %1 us, identification %2 us (template-fit features %3 us)\n")
               .arg(detUs, 0, 'f', 1).arg(idUs, 0, 'f', 1).arg(idFeatUs, 0, 'f', 1);
    out << QStringLiteral("  end to end, one file per call       %1 ms per file (goal <= 0.5 ms)\n").arg(e2eMs, 0, 'f', 3);
    out << QStringLiteral("  parse + rebin from memory           %1 files/s\n").arg(prepPerS, 0, 'f', 0);

    auto refValue = [&](const QString &key) { return ref.value(key).toDouble(); };
    out << "\nbench: identify\n";
    out << "identify_train_s: " << QString::number(trainS, 'f', 3) << "\n";
    out << "identify_predict_batch_per_s: " << QString::number(batchPerS, 'f', 0) << "\n";
    out << "identify_predict_batch_2threads_per_s: " << QString::number(batch2PerS, 'f', 0) << "\n";
    out << "identify_end_to_end_single_ms: " << QString::number(e2eMs, 'f', 4) << "\n";
    out << "identify_end_to_end_goal_reached: " << (e2eMs <= 0.5 ? "yes" : "no") << "\n";
    if (!ref.isEmpty()) {
        const double refTrain = refValue(QStringLiteral("xgd_train_rf_s")) + refValue(QStringLiteral("xgd_train_ml_lr_s"));
        const double refBatch = refValue(QStringLiteral("xgd_predict_rf_batch_per_s"));
        const double refMl = refValue(QStringLiteral("xgd_predict_ml_lr_batch_per_s"));
        const double refE2e = refValue(QStringLiteral("xgd_end_to_end_single_ms"));
        out << "ref_xgd_train_rf_plus_ml_lr_s: " << QString::number(refTrain, 'f', 3) << "\n";
        out << "ref_xgd_predict_rf_batch_per_s: " << ref.value(QStringLiteral("xgd_predict_rf_batch_per_s")) << "\n";
        out << "ref_xgd_predict_ml_lr_batch_per_s: " << ref.value(QStringLiteral("xgd_predict_ml_lr_batch_per_s")) << "\n";
        out << "ref_xgd_end_to_end_single_ms: " << ref.value(QStringLiteral("xgd_end_to_end_single_ms")) << "\n";
        out << "ratio_train_time_ref_over_photopeak: " << QString::number(refTrain / trainS, 'f', 2) << "\n";
        if (refBatch > 0 && refMl > 0) {
            // The reference needs two calls (RF detection, multilabel LR) per spectrum: combine their rates.
            const double refCombined = 1.0 / (1.0 / refBatch + 1.0 / refMl);
            out << "ratio_batch_throughput_photopeak_over_ref: " << QString::number(batchPerS / refCombined, 'f', 2) << "\n";
            out << "ratio_batch_throughput_2threads_photopeak_over_ref: " << QString::number(batch2PerS / refCombined, 'f', 2) << "\n";
        }
        out << "ratio_end_to_end_ref_over_photopeak: " << QString::number(refE2e / e2eMs, 'f', 1) << "\n";
        out << "ref_xgd_rf_detection_200cm: " << ref.value(QStringLiteral("xgd_rf_detection_200cm")) << "\n";
        out << "ref_xgd_ml_exact_raw: " << ref.value(QStringLiteral("xgd_ml_exact_raw")) << "\n";
        out << "ref_xgd_ml_exact_mult: " << ref.value(QStringLiteral("xgd_ml_exact_mult")) << "\n";
    }
    out << "checksum: " << sources << "\n";
    out.flush();
    return 0;
}
