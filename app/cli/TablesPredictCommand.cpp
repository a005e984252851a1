// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliOutput.h"
#include "TablesCli.h"

#include "io/AtomicFile.h"
#include "io/OutputGuard.h"
#include "tables/EventPrediction.h"

#include <QElapsedTimer>

using namespace photopeak;

namespace {
// The model's table query, with the options given on the command line taking precedence.
bool queryFor(const QCommandLineParser &p, const EventClassifier &model, TableQuery *q, QString *error)
{
    *q = model.definition().query;
    TableQuery given;
    if (!TablesCli::readQuery(p, &given, error))
        return false;
    if (p.isSet(QStringLiteral("table")))
        q->table = given.table;
    if (p.isSet(QStringLiteral("join")))
        q->joins = given.joins;
    if (p.isSet(QStringLiteral("key")))
        q->keys = given.keys;
    if (p.isSet(QStringLiteral("missing")))
        q->missing = given.missing;
    return true;
}

int setUp(QCommandLineParser &p, const QStringList &args, const QString &description, EventClassifier *model, TableQuery *q)
{
    p.addPositionalArgument(QStringLiteral("files"), QStringLiteral("HDF5 files with the events."));
    p.addOption({{QStringLiteral("m"), QStringLiteral("model")}, QStringLiteral("Model file from 'tables train'."), QStringLiteral("model")});
    TablesCli::addQueryOptions(p);
    if (const int code = parseCommandLine(p, args, description); code >= 0)
        return code;
    if (!p.isSet(QStringLiteral("model")) || p.positionalArguments().isEmpty()) {
        cliErr() << "photopeak-cli tables " << args.front() << ": give -m MODEL and at least one input file\n";
        return 2;
    }
    auto loaded = EventClassifier::load(p.value(QStringLiteral("model")));
    if (!loaded) {
        cliErr() << loaded.error().toString() << "\n";
        return 1;
    }
    *model = std::move(loaded).value();
    QString error;
    if (!queryFor(p, *model, q, &error)) {
        cliErr() << "photopeak-cli tables " << args.front() << ": " << error << "\n";
        return 2;
    }
    return -1;
}
} // namespace

int runTablesPredict(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Output file (.csv or .h5) for a single input; "
                                                                                 "default <input>.predictions.csv beside it."),
                 QStringLiteral("file")});
    p.addOption({QStringLiteral("hdf5"), QStringLiteral("Default outputs as HDF5 (<input>.predictions.h5, table /predictions).")});
    p.addOption(forceOutputOption());
    EventClassifier model;
    TableQuery query;
    if (const int code = setUp(p, args, QStringLiteral("Predict the class of every event of table files."), &model, &query); code >= 0)
        return code;
    const QStringList inputs = p.positionalArguments();
    if (p.isSet(QStringLiteral("output")) && inputs.size() > 1) {
        cliErr() << "photopeak-cli tables predict: -o takes a single input file\n";
        return 2;
    }
    // Every output is asked of the guard before any work: never over an input, the model or a foreign file.
    std::vector<std::pair<QString, QString>> outputs;
    for (const QString &input : inputs)
        outputs.push_back({p.isSet(QStringLiteral("output")) ? p.value(QStringLiteral("output"))
                                                             : EventPrediction::defaultOutput(input, p.isSet(QStringLiteral("hdf5"))),
                           OutputKind::table()});
    OutputGuard guard(inputs, p.isSet(QStringLiteral("force")));
    guard.addInput(p.value(QStringLiteral("model")));
    if (const int refused = checkOutputs(QStringLiteral("tables predict"), guard, outputs); refused >= 0)
        return refused;
    int failed = 0;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        const QString &input = inputs[i];
        QElapsedTimer timer;
        timer.start();
        const QString &output = outputs[size_t(i)].first;
        auto s = EventPrediction::run(model, query, input, output);
        if (!s) {
            cliErr() << s.error().toString() << "\n";
            ++failed;
            continue;
        }
        cliOut() << input << ": " << s->rows << " events, " << s->predicted << " predicted (" << (s->rows - s->predicted)
                 << " with a missing feature), " << s->positive << " " << model.definition().positiveName << " -> " << s->output
                 << " (" << formatSeconds(timer.elapsed() / 1000.0) << ")\n";
    }
    cliOut().flush();
    return failed ? 1 : 0;
}

int runTablesEvaluate(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("label"), QStringLiteral("Truth expression (default: the model's label)."), QStringLiteral("expr")});
    p.addOption({QStringLiteral("weight"), QStringLiteral("Event weight column."), QStringLiteral("column")});
    EventClassifier model;
    TableQuery query;
    if (const int code = setUp(p, args, QStringLiteral("Evaluate a model on labelled table files."), &model, &query); code >= 0)
        return code;
    int failed = 0;
    for (const QString &input : p.positionalArguments()) {
        QStringList notes;
        auto e = EventPrediction::evaluate(model, query, input, p.value(QStringLiteral("label")), p.value(QStringLiteral("weight")), &notes);
        if (!e) {
            cliErr() << e.error().toString() << "\n";
            ++failed;
            continue;
        }
        cliOut() << input << ":\n";
        for (const QString &n : notes)
            cliOut() << "  " << n << "\n";
        cliOut() << e->toText(model.definition().negativeName, model.definition().positiveName) << "\n";
    }
    cliOut().flush();
    return failed ? 1 : 0;
}
