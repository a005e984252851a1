// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliOutput.h"
#include "TablesCli.h"

#include "io/AtomicFile.h"
#include "io/OutputGuard.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>

using namespace photopeak;

int runTablesTrain(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("file"), QStringLiteral("HDF5 file with the events."));
    p.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Model file to write (.json)."), QStringLiteral("model")});
    p.addOption({QStringLiteral("report"), QStringLiteral("Also write the metrics (ROC curve, confusion, importances) as JSON."),
                 QStringLiteral("json")});
    TablesCli::addQueryOptions(p);
    TablesCli::addTrainingOptions(p);
    p.addOption(forceOutputOption());
    if (const int code = parseCommandLine(p, args, QStringLiteral("Train a two-class event classifier from table columns.")); code >= 0)
        return code;
    if (p.positionalArguments().size() != 1 || !p.isSet(QStringLiteral("output"))) {
        cliErr() << "photopeak-cli tables train: give one input file and -o MODEL\n";
        return 2;
    }
    EventTrainingSpec spec;
    spec.file = p.positionalArguments().front();
    QString error;
    if (!TablesCli::readTraining(p, &spec, &error)) {
        cliErr() << "photopeak-cli tables train: " << error << "\n";
        return 2;
    }
    const QString output = p.value(QStringLiteral("output"));
    if (const int refused = checkOutputs(QStringLiteral("tables train"), OutputGuard({spec.file}, p.isSet(QStringLiteral("force"))),
                                         {{output, OutputKind::other()}, {p.value(QStringLiteral("report")), OutputKind::other()}});
        refused >= 0)
        return refused;
    QElapsedTimer timer;
    timer.start();
    auto result = EventTraining::run(spec);
    if (!result) {
        cliErr() << result.error().toString() << "\n";
        return 1;
    }
    cliOut() << result->toText();
    if (Status saved = result->model.save(output); !saved) {
        cliErr() << saved.error().toString() << "\n";
        return 1;
    }
    if (p.isSet(QStringLiteral("report"))) {
        const QByteArray json = QJsonDocument(result->model.metrics()).toJson(QJsonDocument::Indented);
        if (Status ok = writeFileAtomically(p.value(QStringLiteral("report")), json); !ok) {
            cliErr() << ok.error().toString() << "\n";
            return 1;
        }
    }
    cliOut() << "model written to " << output << " (" << formatSeconds(timer.elapsed() / 1000.0) << ")\n";
    cliOut().flush();
    return 0;
}
