// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Detection benchmark (issue 13), run on demand.
//   photopeak-bench-detect [--runs N] [--no-reference]
//     The binary protocol of the old XGD tool (set2/test: Cs137 vs background per live time, Cs137 per distance),
//     as measured and under the drift conditions of the stress test (ambient x0.9 / x1.1, gain +-1 %, offset
//     +-3 keV): Photopeak's gross-count sigma test, learned detector alone and shipped decision, beside the
//     reference pipeline's random forest / logistic regression / sigma test (python3 ../shared/bench/
//     xgd_reference.py, run in the same invocation; it reads the folders as measured, so it has figures for
//     that condition only), and the time per spectrum of both.
//   photopeak-bench-detect --stress [--quick] [--held-out Am241,Eu152] [--conditions ambient,gain] [--no-never-trained]
//     a chosen part of `photopeak-cli evaluate --xgd ROOT --stress` (StressTest) with its table.

#include "ReferenceRunner.h"
#include "eval/StressPerturbation.h"
#include "eval/StressTest.h"
#include "features/SpectrumPreparer.h"
#include "library/SpectrumDataset.h"
#include "ml/SpectrumClassifier.h"
#include "ml/TrainingSetBuilder.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <tuple>

using namespace photopeak;

namespace {
QTextStream out(stdout);

QStringList listArg(const QStringList &args, const QString &flag)
{
    const qsizetype i = args.indexOf(flag);
    return i > 0 && i + 1 < args.size() ? args[i + 1].split(QLatin1Char(','), Qt::SkipEmptyParts) : QStringList{};
}

int stress(const QString &data, const QStringList &args)
{
    StressOptions o;
    o.root = data;
    o.formatsRoot = QDir(QStringLiteral(PHOTOPEAK_SHARED_DATA)).filePath(QStringLiteral("formats"));
    o.quick = args.contains(QStringLiteral("--quick"));
    o.heldOut = listArg(args, QStringLiteral("--held-out"));
    o.conditions = listArg(args, QStringLiteral("--conditions"));
    o.neverTrained = !args.contains(QStringLiteral("--no-never-trained"));
    auto r = StressTest::run(o);
    if (!r) {
        std::fprintf(stderr, "%s\n", qPrintable(r.error().toString()));
        return 1;
    }
    out << StressTest::table(*r);
    return 0;
}

// Correct answers of one group (a live-time or distance folder) for each detector.
struct Counts {
    int n = 0, sigma = 0, learned = 0, shipped = 0;
    void add(const Classification &c, bool positive)
    {
        ++n;
        sigma += c.sigma.source == positive;
        learned += c.learnedSource == positive;
        shipped += c.source == positive;
    }
};

QString fraction(int k, int n) { return n > 0 ? QString::number(static_cast<double>(k) / n, 'f', 3) : QStringLiteral("na"); }

struct TestSpectrum {
    Spectrum spectrum;
    QString group;  // "5s", "100cm"
    bool positive = false;
    bool distance = false;
};
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString data = QDir(QStringLiteral(PHOTOPEAK_SHARED_DATA)).filePath(QStringLiteral("xgd"));
    if (!QFileInfo(data).isDir()) {
        std::fprintf(stderr, "photopeak-bench-detect: data folder missing: %s\n", qPrintable(data));
        return 1;
    }
    if (args.contains(QStringLiteral("--stress")))
        return stress(data, args);
    int runs = 3;
    if (const qsizetype i = args.indexOf(QStringLiteral("--runs")); i > 0 && i + 1 < args.size())
        runs = std::max(1, args[i + 1].toInt());

    // Reference first: both run on this machine in this invocation, one after the other.
    QMap<QString, QString> ref;
    if (!args.contains(QStringLiteral("--no-reference")))
        ref = bench::runReference(QStringLiteral("xgd_reference.py"), {QStringLiteral("--data"), data, QStringLiteral("--runs"), QString::number(runs)});

    const QDir root(data);
    QElapsedTimer timer;
    timer.start();
    auto training = TrainingSetBuilder::fromFolders({root.filePath(QStringLiteral("srcs")), root.filePath(QStringLiteral("Dataset"))},
                                                    {root.filePath(QStringLiteral("bkgs"))}, EnergyGrid::xgdDefault());
    if (!training) {
        std::fprintf(stderr, "%s\n", qPrintable(training.error().toString()));
        return 1;
    }
    ClassifierOptions co;
    co.identify = false;  // detection only
    auto model = SpectrumClassifier::train(*training, co);
    if (!model) {
        std::fprintf(stderr, "%s\n", qPrintable(model.error().toString()));
        return 1;
    }
    const double trainS = timer.elapsed() / 1000.0;

    // The reference's binary protocol: set2/test/time/{sig,bkg}/<t>s and set2/test/dist/<d>cm.
    std::vector<TestSpectrum> tests;
    std::vector<const Spectrum *> pool;
    for (const PreparedItem &it : training->items())
        if (it.background)
            pool.push_back(&it.spectrum);
    for (const auto &[folder, positive, distance] :
         {std::tuple{QStringLiteral("set2/test/time/sig"), true, false}, std::tuple{QStringLiteral("set2/test/time/bkg"), false, false},
          std::tuple{QStringLiteral("set2/test/dist"), true, true}}) {
        auto ds = SpectrumDataset::openFolder(root.filePath(folder));
        if (!ds) {
            std::fprintf(stderr, "%s\n", qPrintable(ds.error().toString()));
            return 1;
        }
        for (const DatasetEntry &e : ds->entries()) {
            if (!e.isUsable())
                continue;
            double total = 0.0;
            for (double c : e.spectrum.counts)
                total += c;
            if (!(total > 0.0))
                continue;  // aborted acquisitions, skipped by the reference too
            tests.push_back({e.spectrum, e.relativePath.section(QLatin1Char('/'), -2, -2), positive, distance});
        }
    }

    const std::vector<StressPerturbation> conditions{
        StressPerturbation::none(),       StressPerturbation::ambient(0.9), StressPerturbation::ambient(1.1),
        StressPerturbation::gain(0.99),   StressPerturbation::gain(1.01),   StressPerturbation::offset(-3.0),
        StressPerturbation::offset(3.0)};
    SpectrumPreparer preparer;
    std::vector<double> perSpectrumUs;
    out << "\nPhotopeak detection benchmark: detection-only model (logistic, default options) trained in "
        << QString::number(trainS, 'f', 1) << " s on " << training->size() << " spectra; " << tests.size()
        << " test spectra of set2/test\n";
    out << "columns: Photopeak sigma test (gross counts, one-sided) / learned detector alone / shipped decision"
        << (ref.isEmpty() ? QString() : QStringLiteral("   |   reference RF / LR / sigma (as measured only)")) << "\n";
    std::map<QString, QString> summary;
    for (const StressPerturbation &c : conditions) {
        std::mt19937_64 rng(20221 + static_cast<quint64>(std::llround(1000.0 * c.value())));
        std::map<QString, Counts> time, dist;
        Counts alarms, detections;
        for (const TestSpectrum &t : tests) {
            auto prepared = preparer.prepare(c.apply(t.spectrum, pool, rng));
            if (!prepared)
                continue;
            QElapsedTimer one;
            one.start();
            const Classification cl = model->classify(*prepared);
            if (c.kind() == StressPerturbation::Kind::None)
                perSpectrumUs.push_back(one.nsecsElapsed() / 1000.0);
            (t.distance ? dist : time)[t.group].add(cl, t.positive);
            (t.positive ? detections : alarms).add(cl, t.positive);
        }
        const bool measured = c.kind() == StressPerturbation::Kind::None;
        out << "\n" << c.name() << "\n";
        auto line = [&](const QString &what, const Counts &k, const QString &refKey) {
            QString refCells;
            if (measured && !ref.isEmpty() && !refKey.isEmpty())
                refCells = QStringLiteral("   |   %1 / %2 / %3").arg(ref.value(refKey.arg(QStringLiteral("rf")), QStringLiteral("-")),
                                                                 ref.value(refKey.arg(QStringLiteral("lr")), QStringLiteral("-")),
                                                                 ref.value(refKey.arg(QStringLiteral("sigma")), QStringLiteral("-")));
            out << QStringLiteral("  %1 n=%2  %3 / %4 / %5%6\n").arg(what, -34).arg(k.n, 4).arg(fraction(k.sigma, k.n), fraction(k.learned, k.n),
                                                                                                   fraction(k.shipped, k.n), refCells);
        };
        for (const auto &[g, k] : time)
            line(QStringLiteral("accuracy %1 (Cs137 + background)").arg(g), k, QStringLiteral("xgd_%1_accuracy_") + g);
        for (const auto &[g, k] : dist)
            line(QStringLiteral("detection Cs137 %1").arg(g), k, QStringLiteral("xgd_%1_detection_") + g);
        Counts fa = alarms;  // correct answers -> alarms
        fa.sigma = fa.n - fa.sigma;
        fa.learned = fa.n - fa.learned;
        fa.shipped = fa.n - fa.shipped;
        line(QStringLiteral("false alarms, all backgrounds"), fa, QStringLiteral("xgd_%1_test_false_alarm"));
        line(QStringLiteral("detection, all sources"), detections, QStringLiteral("xgd_%1_test_detection"));
        QString key = c.name();
        key.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9.+-]+")), QStringLiteral("_"));
        summary[QStringLiteral("detect_%1_false_alarm").arg(key)] = fraction(fa.shipped, fa.n);
        summary[QStringLiteral("detect_%1_detection").arg(key)] = fraction(detections.shipped, detections.n);
    }
    std::sort(perSpectrumUs.begin(), perSpectrumUs.end());
    const double medianUs = perSpectrumUs.empty() ? 0.0 : perSpectrumUs[perSpectrumUs.size() / 2];
    out << QStringLiteral("\nclassify (sigma + learned + excess test), one prepared spectrum per call: median %1 us\n").arg(medianUs, 0, 'f', 0);
    if (!ref.isEmpty())
        out << QStringLiteral("reference: random forest one spectrum per call %1 ms, end to end (read + preprocess + RF + LR) %2 ms\n")
                   .arg(ref.value(QStringLiteral("xgd_predict_rf_single_ms"), QStringLiteral("-")),
                        ref.value(QStringLiteral("xgd_end_to_end_single_ms"), QStringLiteral("-")));
    out << "\nbench: detect\n";
    out << "detect_train_s: " << QString::number(trainS, 'f', 2) << "\n";
    out << "detect_classify_us: " << QString::number(medianUs, 'f', 0) << "\n";
    for (const auto &[k, v] : summary)
        out << k << ": " << v << "\n";
    for (const QString &k : {QStringLiteral("xgd_rf_test_detection"), QStringLiteral("xgd_rf_test_false_alarm"),
                             QStringLiteral("xgd_sigma_test_detection"), QStringLiteral("xgd_sigma_test_false_alarm"),
                             QStringLiteral("xgd_predict_rf_single_ms")})
        if (ref.contains(k))
            out << "ref_" << k << ": " << ref.value(k) << "\n";
    return 0;
}
