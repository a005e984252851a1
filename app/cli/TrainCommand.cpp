#include "ClassifierCli.h"
#include "CliOutput.h"
#include "Commands.h"

#include <QElapsedTimer>
#include <QJsonObject>

using namespace photopeak;

namespace {
void printValidation(QTextStream &out, const QString &name, const QJsonObject &v)
{
    out << QStringLiteral("  %1 %2  chosen %3  out-of-fold: accuracy %4 %, recall %5 %, false-positive rate %6 %, "
                          "log-loss %7\n")
               .arg(name, -10)
               .arg(v.value(QStringLiteral("method")).toString(), -13)
               .arg(LearnerParams::fromJson(v.value(QStringLiteral("chosen")).toObject()).describe(
                   [&] {
                       LearnerMethod m = LearnerMethod::Logistic;
                       BinaryLearner::parseMethod(v.value(QStringLiteral("method")).toString(), &m);
                       return m;
                   }()), -22)
               .arg(100.0 * v.value(QStringLiteral("accuracy")).toDouble(), 0, 'f', 1)
               .arg(100.0 * v.value(QStringLiteral("recall")).toDouble(), 0, 'f', 1)
               .arg(100.0 * v.value(QStringLiteral("falsePositiveRate")).toDouble(), 0, 'f', 2)
               .arg(v.value(QStringLiteral("logLoss")).toDouble(), 0, 'f', 4);
}
} // namespace

void printTrainingReport(const SpectrumClassifier &model, QTextStream &out)
{
    const QJsonObject r = model.report();
    out << "model         " << model.options().methodName() << "\n";
    out << "training set  " << r.value(QStringLiteral("measuredSources")).toInt() << " source + "
        << r.value(QStringLiteral("measuredBackgrounds")).toInt() << " background spectra measured, "
        << r.value(QStringLiteral("syntheticSources")).toInt() << " + " << r.value(QStringLiteral("syntheticBackgrounds")).toInt()
        << " synthetic (seed " << model.options().seed << "); " << r.value(QStringLiteral("skipped")).toInt()
        << " files skipped\n";
    out << "training time " << QString::number(r.value(QStringLiteral("trainingSeconds")).toDouble(), 'f', 2) << " s (synthesis "
        << QString::number(r.value(QStringLiteral("synthesisSeconds")).toDouble(), 'f', 2) << " s, detection "
        << QString::number(r.value(QStringLiteral("detectionSeconds")).toDouble(), 'f', 2) << " s, identification "
        << QString::number(r.value(QStringLiteral("identificationSeconds")).toDouble(), 'f', 2) << " s)\n";
    out << "grouped " << model.options().folds << "-fold cross-validation by acquisition series, "
        << ProbabilityCalibrator::methodName(model.options().calibration) << " calibration on held-out folds:\n";
    if (r.contains(QStringLiteral("detection")))
        printValidation(out, QStringLiteral("Source"), r.value(QStringLiteral("detection")).toObject());
    const QJsonObject id = r.value(QStringLiteral("identification")).toObject();
    for (const QString &l : model.isotopeLabels())
        printValidation(out, l, id.value(l).toObject());
    const QJsonObject sets = r.value(QStringLiteral("identificationSets")).toObject();
    if (!sets.isEmpty())
        out << QStringLiteral("  isotope sets out-of-fold: exact match %1 % of %2 spectra, %3 % of %4 with two or more isotopes\n")
                   .arg(100.0 * sets.value(QStringLiteral("exactSetMatch")).toDouble(), 0, 'f', 1)
                   .arg(sets.value(QStringLiteral("outOfFoldRows")).toInt())
                   .arg(100.0 * sets.value(QStringLiteral("mixtureExactSetMatch")).toDouble(), 0, 'f', 1)
                   .arg(sets.value(QStringLiteral("mixtureRows")).toInt());
    if (r.contains(QStringLiteral("detection"))) {
        const QJsonObject d = r.value(QStringLiteral("detection")).toObject();
        out << QStringLiteral("  detection operating point: probability >= %1 (held-out false-alarm rate %2 %, detection rate %3 %)\n")
                   .arg(d.value(QStringLiteral("threshold")).toDouble(), 0, 'f', 4)
                   .arg(100.0 * d.value(QStringLiteral("falsePositiveRateAtThreshold")).toDouble(), 0, 'f', 2)
                   .arg(100.0 * d.value(QStringLiteral("recallAtThreshold")).toDouble(), 0, 'f', 1);
    }
}

int runTrain(const QStringList &args)
{
    QCommandLineParser parser;
    ClassifierCli cli;
    cli.addTrainingOptions(parser);
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Model file to write (default photopeak-model.json)."),
                                    QStringLiteral("file"), QStringLiteral("photopeak-model.json"));
    parser.addOption(output);
    if (const int rc = parseCommandLine(parser, args,
                                        QStringLiteral("Train source detection and isotope identification on labelled "
                                                       "folders (labels from folder names).\nExample: photopeak-cli "
                                                       "train -S data/srcs -S data/Dataset -B data/bkgs -o model.json"));
        rc >= 0)
        return rc;
    if (!cli.hasTrainingFolders(parser)) {
        cliErr() << "photopeak-cli train: give training folders with -S/--sources, -B/--backgrounds or --train\n";
        return 2;
    }
    if (auto o = cli.options(parser); !o) {
        cliErr() << "photopeak-cli train: " << o.error().toString() << "\n";
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    bool reused = false;
    const QString path = parser.value(output);
    auto model = cli.trainOrReuse(parser, path, &reused);
    if (!model) {
        cliErr() << "photopeak-cli train: " << model.error().toString() << "\n";
        return 1;
    }
    if (const Status st = cli.applyReference(parser, *model); !st) {
        cliErr() << "photopeak-cli train: " << st.error().toString() << "\n";
        return 1;
    }
    QTextStream &out = cliOut();
    if (reused) {
        out << path << " is up to date (same configuration and training content hash " << model->trainingHash().left(12)
            << "); use --force to retrain\n";
        return 0;
    }
    printTrainingReport(*model, out);
    if (const Status st = model->save(path); !st) {
        cliErr() << "photopeak-cli train: " << st.error().toString() << "\n";
        return 1;
    }
    out << "wrote " << path << " (" << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s in all)\n";
    return 0;
}
