// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ClassifierCli.h"
#include "CliOutput.h"
#include "Commands.h"

#include "metrics/FolderEvaluation.h"
#include "eval/MixtureHoldout.h"
#include "eval/StressTest.h"
#include "io/AtomicFile.h"
#include "io/OutputGuard.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

using namespace photopeak;

namespace {
QString folderOf(const PreparedItem &it) { return it.relativePath.section(QLatin1Char('/'), 0, -2); }

// Natural order: "sig/3s" before "sig/10s".
void sortFolders(QStringList &folders)
{
    static const QRegularExpression num(QStringLiteral("(\\d+)"));
    std::sort(folders.begin(), folders.end(), [](const QString &a, const QString &b) {
        const QString pa = a.section(QLatin1Char('/'), 0, -2), pb = b.section(QLatin1Char('/'), 0, -2);
        if (pa != pb)
            return pa < pb;
        const auto ma = num.match(a.section(QLatin1Char('/'), -1)), mb = num.match(b.section(QLatin1Char('/'), -1));
        if (ma.hasMatch() && mb.hasMatch() && ma.captured(1) != mb.captured(1))
            return ma.captured(1).toInt() < mb.captured(1).toInt();
        return a < b;
    });
}

struct Evaluated {
    FolderEvaluation model, sigma, alternative;
    QStringList folders;
    int noTruth = 0;
    double classifySeconds = 0.0;
    int classified = 0;
};

// Classifies every item; `alternative` (optional) gives isotope sets of a second identifier under the same
// detection decision (to show what synthetic mixtures add).
void evaluate(const SpectrumClassifier &model, const SpectrumClassifier *alternative, const PreparedSet &set, Evaluated &ev)
{
    QElapsedTimer t;
    for (const PreparedItem &it : set.items()) {
        if (!it.background && it.isotopes.isEmpty()) {
            ++ev.noTruth;
            continue;
        }
        t.start();
        const Classification c = model.classify(it.prepared);
        ev.classifySeconds += t.nsecsElapsed() * 1e-9;
        ++ev.classified;
        const QString folder = folderOf(it);
        if (!ev.folders.contains(folder))
            ev.folders << folder;
        const bool truth = !it.isotopes.isEmpty();
        ev.model.add(folder, truth, it.isotopes, c.source, c.isotopes);
        ev.sigma.add(folder, truth, {}, c.sigma.source, {});
        if (alternative) {
            const Classification a = alternative->classify(it.prepared);
            QStringList iso;
            if (c.source)
                for (size_t l = 0; l < a.isotopeProbabilities.size(); ++l)
                    if (a.isotopeProbabilities[l] >= alternative->options().decisionThreshold)
                        iso << alternative->isotopeLabels()[static_cast<int>(l)];
            ev.alternative.add(folder, truth, it.isotopes, c.source, iso);
        }
    }
}

QString pct(const Ratio &r) { return r.percent(1); }

void printTables(QTextStream &out, const Evaluated &ev, const QString &detectionName, bool withAlternative)
{
    QStringList folders = ev.folders;
    sortFolders(folders);
    out << QStringLiteral("  %1 %2  %3 %4  %5%6\n")
               .arg(QStringLiteral("folder"), -26).arg(QStringLiteral("n"), 4)
               .arg(detectionName.left(22), 22).arg(QStringLiteral("sigma test (k)"), 16)
               .arg(QStringLiteral("exact isotope set"), 18)
               .arg(withAlternative ? QStringLiteral("  without synthetic mixtures") : QString());
    for (const QString &f : folders) {
        const BinaryMetrics &b = ev.model.binary(f), &s = ev.sigma.binary(f);
        const bool src = b.positives() > 0;
        const QString what = src ? QStringLiteral("det ") : QStringLiteral("FA ");
        out << QStringLiteral("  %1 %2  %3 %4  %5%6\n")
                   .arg(f, -26).arg(b.count(), 4)
                   .arg(what + pct(src ? b.detectionRate() : b.falseAlarmRate()), 22)
                   .arg(what + pct(src ? s.detectionRate() : s.falseAlarmRate()), 16)
                   .arg(src ? pct(ev.model.exactSetMatch(f)) : QStringLiteral("-"), 18)
                   .arg(withAlternative ? QStringLiteral("  ") + (src ? pct(ev.alternative.exactSetMatch(f)) : QStringLiteral("-"))
                                        : QString());
    }
}

QString goalLine(const QString &what, double value, bool higherIsBetter, double goal)
{
    const bool reached = higherIsBetter ? value >= goal : value <= goal;
    return QStringLiteral("  %1 %2 %  (goal %3 %4 %)  %5\n")
        .arg(what, -58).arg(100.0 * value, 6, 'f', 1).arg(higherIsBetter ? QStringLiteral(">=") : QStringLiteral("<="))
        .arg(100.0 * goal, 0, 'f', 0).arg(reached ? QStringLiteral("REACHED") : QStringLiteral("not reached"));
}

int evaluateXgd(const QCommandLineParser &parser, const ClassifierCli &cli, const QString &root)
{
    QTextStream &out = cliOut();
    QDir dir(root);
    for (const QString &sub : {QStringLiteral("srcs"), QStringLiteral("Dataset"), QStringLiteral("bkgs"),
                               QStringLiteral("set2/test/time/sig"), QStringLiteral("set2/test/time/bkg"),
                               QStringLiteral("set2/test/dist"), QStringLiteral("misc/Am241_Cs137"),
                               QStringLiteral("misc/Co60_Cs137")})
        if (!dir.exists(sub)) {
            cliErr() << "photopeak-cli evaluate: " << dir.filePath(sub) << ": XGD protocol folder missing\n";
            return 1;
        }
    auto options = cli.options(parser);
    if (!options) {
        cliErr() << "photopeak-cli evaluate: " << options.error().toString() << "\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("stress")) || parser.isSet(QStringLiteral("stress-quick"))) {
        StressOptions so;
        so.classifier = *options;
        so.root = root;
        so.quick = parser.isSet(QStringLiteral("stress-quick"));
        so.seed = options->seed;
        auto report = StressTest::run(so);
        if (!report) {
            cliErr() << "photopeak-cli evaluate: " << report.error().toString() << "\n";
            return 1;
        }
        out << "Stress tests on " << QDir(root).absolutePath() << (so.quick ? " (quick subset)" : "")
            << ": detection models trained on srcs/, Dataset/, bkgs/ (" << options->methodName()
            << "); 'learned alone' = the learned detector without the excess test\n"
            << StressTest::table(*report);
        out.flush();
        return report->reached() == report->goals() ? 0 : 1;
    }
    // --model is read when it fits and written otherwise: never over an input.
    if (parser.isSet(QStringLiteral("model"))
        && OutputGuard(cli.inputsRead(parser) + QStringList{root}, true).isInput(cli.modelPath(parser))) {
        cliErr() << "photopeak-cli evaluate: " << cli.modelPath(parser)
                 << ": is an input of this run; refusing to use it as the model file; nothing written\n";
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    auto trainSet = ClassifierCli::trainingSetFrom({dir.filePath(QStringLiteral("srcs")), dir.filePath(QStringLiteral("Dataset"))},
                                                   {dir.filePath(QStringLiteral("bkgs"))});
    if (!trainSet) {
        cliErr() << "photopeak-cli evaluate: " << trainSet.error().toString() << "\n";
        return 1;
    }
    const double readSeconds = timer.restart() / 1000.0;
    if (parser.isSet(QStringLiteral("holdout"))) {
        // Training data only: no test folder is opened.
        auto h = MixtureHoldout::run(*trainSet, *options);
        if (!h) {
            cliErr() << "photopeak-cli evaluate: " << h.error().toString() << "\n";
            return 1;
        }
        out << "Leave-one-setting-out on the training set (" << options->methodName() << ", mixture background "
            << SyntheticOptions::mixtureBackgroundName(options->synthetic.mixtureBackground)
            << "): held-out measured singles and exact sums of two held-out series\n"
            << MixtureHoldout::table(*h) << "validation took " << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s\n";
        out.flush();
        return 0;
    }
    bool reused = false;
    auto model = parser.isSet(QStringLiteral("model")) && !cli.forceRetrain(parser) && QFileInfo::exists(cli.modelPath(parser))
        ? ClassifierCli::trainOrReuse(*trainSet, *options, cli.modelPath(parser), false, &reused)
        : ClassifierCli::trainOrReuse(*trainSet, *options, QString(), true, &reused);
    if (!model) {
        cliErr() << "photopeak-cli evaluate: " << model.error().toString() << "\n";
        return 1;
    }
    if (const Status st = cli.applyReference(parser, *model); !st) {
        cliErr() << "photopeak-cli evaluate: " << st.error().toString() << "\n";
        return 1;
    }
    out << "XGD protocol on " << QDir(root).absolutePath() << "\n";
    out << "read + prepared " << trainSet->size() << " training spectra in " << QString::number(readSeconds, 'f', 2)
        << " s; " << trainSet->skipped().size() << " skipped (all-zero or unreadable, never modified)\n";
    if (reused)
        out << "model: reused " << cli.modelPath(parser) << " (same configuration and training content)\n";
    printTrainingReport(*model, out);
    if (!reused && parser.isSet(QStringLiteral("model"))) {
        const OutputGuard guard(cli.inputsRead(parser) + QStringList{root}, cli.forceRetrain(parser));
        const QString kind = OutputKind::model(QString::fromLatin1(SpectrumClassifier::Kind));
        if (Status st = guard.check(cli.modelPath(parser), kind); !st)
            cliErr() << "photopeak-cli evaluate: " << st.error().toString() << "; the model is not saved"
                     << (st.error().kind == OutputGuard::Overridable ? " (--force replaces it)" : "") << "\n";
        else if (st = model->save(cli.modelPath(parser)); !st)
            cliErr() << "photopeak-cli evaluate: " << st.error().toString() << "\n";
    }

    // The same model trained without synthetic mixtures: what the mixtures add to identification.
    ClassifierOptions noMix = *options;
    noMix.augmentMixtures = false;
    noMix.sigmaDetection = true;
    std::optional<SpectrumClassifier> alternative;
    if (options->identify && options->augment && options->augmentMixtures) {
        bool dummy = false;
        auto alt = ClassifierCli::trainOrReuse(*trainSet, noMix, QString(), true, &dummy);
        if (alt)
            alternative = std::move(alt.value());
    }

    const QString detName = model->options().sigmaDetection ? QStringLiteral("sigma")
                                                            : BinaryLearner::methodName(model->options().detectionMethod);
    QStringList warnings;
    auto timeSig = ClassifierCli::openFolders({dir.filePath(QStringLiteral("set2/test/time/sig"))}, {QStringLiteral("Cs137")}, &warnings);
    auto timeBkg = ClassifierCli::openFolders({dir.filePath(QStringLiteral("set2/test/time/bkg"))}, {QStringLiteral("background")}, &warnings);
    auto dist = ClassifierCli::openFolders({dir.filePath(QStringLiteral("set2/test/dist"))}, {QStringLiteral("Cs137")}, &warnings);
    auto mix = ClassifierCli::openFolders({dir.filePath(QStringLiteral("misc/Am241_Cs137")), dir.filePath(QStringLiteral("misc/Co60_Cs137"))}, {}, &warnings);
    if (!timeSig || !timeBkg || !dist || !mix) {
        cliErr() << "photopeak-cli evaluate: cannot open the XGD test folders\n";
        return 1;
    }
    Evaluated evTime, evDist, evMix;
    evTime.model = evTime.sigma = evTime.alternative = FolderEvaluation(model->isotopeLabels());
    evDist = evTime;
    evMix = evTime;
    evaluate(*model, nullptr, *timeSig, evTime);
    evaluate(*model, nullptr, *timeBkg, evTime);
    evaluate(*model, nullptr, *dist, evDist);
    evaluate(*model, alternative ? &*alternative : nullptr, *mix, evMix);

    out << "\nDetection per live time, set2/test/time (Cs137 'sig' vs background 'bkg'; det = detection rate, FA = "
           "false alarms), sigma test k = " << model->options().sigma.k << " one-sided:\n";
    printTables(out, evTime, detName, false);
    out << "\nDetection per distance, set2/test/dist (Cs137, 180 s; distance from the folder, not the header):\n";
    printTables(out, evDist, detName, false);
    out << "\nIdentification on mixtures never seen in training (misc/Am241_Cs137, misc/Co60_Cs137):\n";
    printTables(out, evMix, detName, alternative.has_value());

    BinaryMetrics overall;
    overall.merge(evTime.model.overall());
    overall.merge(evDist.model.overall());
    BinaryMetrics sigmaOverall;
    sigmaOverall.merge(evTime.sigma.overall());
    sigmaOverall.merge(evDist.sigma.overall());
    out << "\nBinary totals over set2/test (time + dist): " << detName << " detection rate "
        << overall.detectionRate().fraction() << ", false-alarm rate " << overall.falseAlarmRate().fraction()
        << ", accuracy " << overall.accuracy().fraction() << "\n";
    out << overall.confusionTable();
    out << "sigma test: detection rate " << sigmaOverall.detectionRate().fraction() << ", false-alarm rate "
        << sigmaOverall.falseAlarmRate().fraction() << ", accuracy " << sigmaOverall.accuracy().fraction() << "\n";
    out << "\nIdentification metrics on the mixtures:\n" << evMix.model.identification().summaryTable()
        << evMix.model.identification().perLabelTable() << "per-isotope confusion:\n" << evMix.model.perIsotopeConfusion()
        << "confusion by label set:\n" << evMix.model.identification().confusionTable();
    if (alternative)
        out << "without synthetic mixtures: exact set match " << evMix.alternative.identification().exactSetMatch().fraction()
            << ", Jaccard " << evMix.alternative.identification().jaccard().percent() << "\n";
    const int n = evTime.classified + evDist.classified + evMix.classified;
    const double sec = evTime.classifySeconds + evDist.classifySeconds + evMix.classifySeconds;
    out << "\nprediction: " << n << " prepared spectra classified (detection + sigma + identification) in "
        << QString::number(sec * 1e3, 'f', 1) << " ms, " << QString::number(sec / std::max(1, n) * 1e6, 'f', 1)
        << " us per spectrum\n";

    // Goals of issue 3.
    double minDist = 1.0, minTime = 1.0, fa1 = 0.0;
    for (const QString &f : evDist.folders)
        minDist = std::min(minDist, evDist.model.binary(f).detectionRate().valueOr(0.0));
    static const QRegularExpression secs(QStringLiteral("(\\d+)s$"));
    for (const QString &f : evTime.folders) {
        const auto m = secs.match(f);
        const int s = m.hasMatch() ? m.captured(1).toInt() : 0;
        const BinaryMetrics &b = evTime.model.binary(f);
        if (b.positives() > 0 && s >= 3)
            minTime = std::min(minTime, b.detectionRate().valueOr(0.0));
        if (b.negatives() > 0 && s == 1)
            fa1 = b.falseAlarmRate().valueOr(1.0);
    }
    out << "\nGoals:\n";
    out << goalLine(QStringLiteral("lowest detection rate over distances 25-200 cm"), minDist, true, 0.95);
    out << goalLine(QStringLiteral("lowest detection rate over live times >= 3 s"), minTime, true, 0.95);
    out << goalLine(QStringLiteral("false alarms on the 1-s backgrounds"), fa1, false, 0.01);
    out << goalLine(QStringLiteral("exact-set match on the unseen mixtures"),
                    evMix.model.identification().exactSetMatch().valueOr(0.0), true, 0.90);
    out.flush();
    return 0;
}

int evaluateFolders(const QCommandLineParser &parser, const ClassifierCli &cli)
{
    QTextStream &out = cliOut();
    QStringList testPaths;
    int missing = 0;
    for (const QString &path : cli.testFolders(parser)) {
        if (QFileInfo::exists(path)) {
            testPaths << path;
            continue;
        }
        cliErr() << "photopeak-cli evaluate: " << path << ": no such file or folder\n";
        ++missing;
    }
    if (testPaths.isEmpty())
        return 1;
    auto model = cli.modelFor(parser);
    if (!model) {
        cliErr() << "photopeak-cli evaluate: " << model.error().toString() << "\n";
        return 1;
    }
    QStringList warnings;
    auto set = ClassifierCli::openFolders(testPaths, {}, &warnings);
    if (!set) {
        cliErr() << "photopeak-cli evaluate: " << set.error().toString() << "\n";
        return 1;
    }
    for (const QString &w : warnings)
        cliErr() << "  skipped " << w << "\n";
    Evaluated ev;
    ev.model = ev.sigma = ev.alternative = FolderEvaluation(model->isotopeLabels());
    evaluate(*model, nullptr, *set, ev);
    const QString detName = model->options().sigmaDetection ? QStringLiteral("sigma")
                                                            : BinaryLearner::methodName(model->options().detectionMethod);
    out << "Per folder:\n";
    printTables(out, ev, detName, false);
    const BinaryMetrics &b = ev.model.overall();
    out << "\n" << detName << ": detection rate " << b.detectionRate().fraction() << ", false-alarm rate "
        << b.falseAlarmRate().fraction() << ", accuracy " << b.accuracy().fraction() << "\n" << b.confusionTable();
    out << "\nIdentification:\n" << ev.model.identification().summaryTable() << ev.model.identification().perLabelTable()
        << "per-isotope confusion:\n" << ev.model.perIsotopeConfusion() << "confusion by label set:\n"
        << ev.model.identification().confusionTable();
    if (ev.noTruth > 0)
        out << ev.noTruth << " spectra without labels in their folder names were classified but not scored\n";
    out << warnings.size() << " files skipped\n";
    return missing > 0 ? 1 : 0;
}
} // namespace

int runEvaluate(const QStringList &args)
{
    QCommandLineParser parser;
    ClassifierCli cli;
    cli.addTrainingOptions(parser);
    cli.addTestOptions(parser);
    const QCommandLineOption xgd(QStringLiteral("xgd"),
                                 QStringLiteral("Run the XGD protocol on this data root: train on srcs/, Dataset/, bkgs/; "
                                                "test on set2/test/time, set2/test/dist and the misc mixtures."),
                                 QStringLiteral("root"));
    parser.addOption(xgd);
    parser.addOption(QCommandLineOption(QStringLiteral("holdout"),
                                        QStringLiteral("With --xgd: only the leave-one-setting-out validation on the training "
                                                       "set (held-out singles and exact two-source sums); no test folder is read.")));
    parser.addOption(QCommandLineOption(QStringLiteral("stress"),
                                        QStringLiteral("With --xgd: stress tests (leave-one-isotope-out, ambient level x0.9/x1.1, "
                                                       "gain +-1 %, offset +-3 keV, foreign instruments out of domain); exit 1 "
                                                       "when a goal is missed.")));
    parser.addOption(QCommandLineOption(QStringLiteral("stress-quick"),
                                        QStringLiteral("With --xgd: the CI subset of --stress (one isotope held out, ambient "
                                                       "only, every third test spectrum).")));
    if (const int rc = parseCommandLine(parser, args,
                                        QStringLiteral("Evaluate detection and identification on labelled folders "
                                                       "(truth from folder names), per folder and in total.\nExamples:\n"
                                                       "  photopeak-cli evaluate --xgd ../shared/data/xgd\n"
                                                       "  photopeak-cli evaluate --model model.json -T test-folder"));
        rc >= 0)
        return rc;
    if (parser.isSet(xgd))
        return evaluateXgd(parser, cli, parser.value(xgd));
    if (cli.testFolders(parser).isEmpty()) {
        cliErr() << "photopeak-cli evaluate: give --xgd ROOT, or test folders with -T and a model (--model or -S/-B)\n";
        return 2;
    }
    return evaluateFolders(parser, cli);
}
