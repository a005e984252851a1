// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ClassifierCli.h"
#include "CliOutput.h"
#include "Commands.h"

#include "io/AtomicFile.h"
#include "io/OutputGuard.h"
#include "ml/TrainingReport.h"

#include <QElapsedTimer>

using namespace photopeak;

void printTrainingReport(const SpectrumClassifier &model, QTextStream &out)
{
    out << TrainingReport::classifier(model);
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
    const QString path = parser.value(output);
    const OutputGuard guard(cli.inputsRead(parser), cli.forceRetrain(parser));
    if (const int refused = checkOutputs(QStringLiteral("train"), guard,
                                         {{path, OutputKind::model(QString::fromLatin1(SpectrumClassifier::Kind))}});
        refused >= 0)
        return refused;
    QElapsedTimer timer;
    timer.start();
    bool reused = false;
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
