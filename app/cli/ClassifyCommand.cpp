// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "AnalysisCli.h"
#include "ClassifierCli.h"
#include "CliOutput.h"
#include "Commands.h"
#include "ShardCli.h"

#include "analysis/AnalysisTable.h"
#include "analysis/SpectrumAnalyzer.h"
#include "io/AtomicFile.h"
#include "io/OutputGuard.h"
#include "library/BatchInputs.h"
#include "ml/detect/SessionBackground.h"
#include "ml/SpectrumClassifierModel.h"

#include <algorithm>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>
#include <optional>

using namespace photopeak;

namespace {
// Rows of one opened input, named as the user gave it: "<folder>/<relative path>" or the file's display name.
void renameRows(std::vector<SpectrumAnalysis> &rows, const SpectrumDataset &ds, const QString &path, bool isDir)
{
    for (SpectrumAnalysis &r : rows) {
        if (r.entryIndex < 0 || r.entryIndex >= ds.size())
            continue;
        const DatasetEntry &e = ds.entries()[static_cast<size_t>(r.entryIndex)];
        const QString name = isDir ? QFileInfo(path).fileName() + QLatin1Char('/') + SpectrumAnalyzer::entryName(e)
                                   : (e.spectrum.displayName().isEmpty() ? SpectrumAnalyzer::entryName(e) : e.spectrum.displayName());
        if (r.message.startsWith(r.file + QStringLiteral(": ")))
            r.message = name + r.message.mid(r.file.size());
        r.file = name;
    }
}
} // namespace

int runClassify(const QStringList &args)
{
    QCommandLineParser parser;
    ClassifierCli cli;
    AnalysisCli analysisCli;
    cli.addTrainingOptions(parser);
    cli.addTestOptions(parser);
    analysisCli.addOptions(parser);
    const QCommandLineOption csv({QStringLiteral("o"), QStringLiteral("output")},
                                 QStringLiteral("CSV report (a JSON report is written beside it unless -O is given). "
                                                "Without it the CSV goes to standard output."),
                                 QStringLiteral("file"));
    const QCommandLineOption json({QStringLiteral("O"), QStringLiteral("json")}, QStringLiteral("JSON report."),
                                  QStringLiteral("file"));
    const QCommandLineOption session(QStringLiteral("session-background"),
                                     QStringLiteral("Background measured in this session: a file or a folder of background "
                                                    "spectra (a RadiaCode XML with an embedded background gives that). "
                                                    "Detection adapts to its level and shape without retraining."),
                                     QStringLiteral("path"));
    parser.addOptions({csv, json, session, shardOption()});
    parser.addPositionalArgument(QStringLiteral("paths"), QStringLiteral("Files or folders to classify (as -T)."));
    if (const int rc = parseCommandLine(parser, args,
                                        QStringLiteral("Classify spectra: is a source present, which isotopes, and with -a "
                                                       "their activities. One row per spectrum; bad files are reported and "
                                                       "the batch goes on.\n"
                                                       "Example: photopeak-cli classify --model model.json -T folder "
                                                       "-a --efficiency xgd -o report.csv"));
        rc >= 0)
        return rc;
    const QStringList paths = cli.inputPaths(parser, QStringLiteral("classify"), QStringLiteral("classify"));
    if (paths.isEmpty())
        return 2;
    Shard shard;
    if (const int rc = readShard(parser, QStringLiteral("classify"), &shard); rc >= 0)
        return rc;
    // The JSON report goes beside the CSV (R.csv -> R.json) unless -O names it.
    QString jsonPath = parser.value(json);
    if (jsonPath.isEmpty() && parser.isSet(csv))
        jsonPath = QFileInfo(parser.value(csv)).path() + QLatin1Char('/') + QFileInfo(parser.value(csv)).completeBaseName()
                   + QStringLiteral(".json");
    const OutputGuard guard(cli.inputsRead(parser) + analysisCli.inputsRead(parser), cli.forceRetrain(parser));
    if (const int refused = checkOutputs(QStringLiteral("classify"), guard,
                                         {{parser.value(csv), OutputKind::table()}, {jsonPath, OutputKind::report()}});
        refused >= 0)
        return refused;
    int failure = 0;
    const auto analyzerOrNone = analysisCli.makeAnalyzer(parser, cli, QStringLiteral("classify"), QStringLiteral("The activity columns stay empty."), &failure);
    if (!analyzerOrNone)
        return failure;
    std::optional<SpectrumAnalyzer> adapted;
    if (parser.isSet(session)) {
        // The classifier takes the session background (nothing retrained); the other models stay as they are.
        SpectrumAnalyzer::Models models = analyzerOrNone->models();
        SpectrumAnalyzer::Options options = analyzerOrNone->options();
        const auto it = std::find_if(models.begin(), models.end(), [](const auto &m) {
            return dynamic_cast<const SpectrumClassifierModel *>(m.get()) != nullptr;
        });
        if (it == models.end()) {
            cliErr() << "photopeak-cli classify: --session-background needs a classifier model (--model or -S/-B)\n";
            return 2;
        }
        const auto &classifier = *static_cast<const SpectrumClassifierModel &>(**it).classifier();
        auto background = SessionBackground::load(parser.value(session), classifier.grid());
        auto model = std::make_shared<SpectrumClassifier>(classifier);
        const Status st = background ? model->setSessionBackground(background->spectrum(), background->source())
                                     : Status(background.error());
        if (!st) {
            cliErr() << "photopeak-cli classify: " << st.error().toString() << "\n";
            return 1;
        }
        cliErr() << "session background: " << background->describe() << "\n";
        const qsizetype index = it - models.begin();
        *it = std::make_shared<const SpectrumClassifierModel>(std::move(model));
        while (options.modelNames.size() <= index)
            options.modelNames << QString();
        options.modelNames[index] += QStringLiteral("; session background %1").arg(background->describe());
        adapted.emplace(std::move(models), options);
    }
    const SpectrumAnalyzer &analyzer = adapted ? *adapted : *analyzerOrNone;

    QElapsedTimer timer;
    timer.start();
    std::vector<SpectrumAnalysis> rows;
    // A shard records, per input it touched, its rows and entries, so that merge numbers entries as one run.
    QJsonArray shardInputs;
    for (const BatchInput &input : BatchInputs::select(BatchInputs::list(paths), shard)) {
        const QString &path = input.path;
        auto opened = BatchInputs::open(input);
        if (!opened) {
            SpectrumAnalysis r;
            r.file = path;
            r.decision = SpectrumAnalysis::Decision::Error;
            r.message = opened.error().toString();
            r.model = analyzer.modelDescription();
            rows.push_back(std::move(r));
            shardInputs.append(QJsonObject{{QStringLiteral("path"), path}, {QStringLiteral("rows"), 1}, {QStringLiteral("entries"), 0}});
            continue;
        }
        std::vector<SpectrumAnalysis> part = analyzer.analyseAll(*opened);
        renameRows(part, *opened, path, input.isFolder);
        shardInputs.append(QJsonObject{{QStringLiteral("path"), path},
                                       {QStringLiteral("rows"), static_cast<qint64>(part.size())},
                                       {QStringLiteral("entries"), opened->size()}});
        rows.insert(rows.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
    }
    const double seconds = timer.elapsed() / 1000.0;
    int sources = 0, backgrounds = 0, failed = 0, unknown = 0, activities = 0, limits = 0;
    for (const SpectrumAnalysis &r : rows) {
        sources += r.decision == SpectrumAnalysis::Decision::Source;
        backgrounds += r.decision == SpectrumAnalysis::Decision::Background;
        failed += r.decision == SpectrumAnalysis::Decision::Skipped || r.decision == SpectrumAnalysis::Decision::Error;
        unknown += r.unknownIsotope;
        for (const IsotopeFinding &f : r.isotopes) {
            activities += f.activityBq.has_value();
            limits += f.mdaBq.has_value();
        }
    }

    const QByteArray csvText = AnalysisTable::toCsv(rows, analyzer.isotopeLabels());
    if (parser.isSet(csv)) {
        if (const Status st = writeFileAtomically(parser.value(csv), csvText, OutputKind::table()); !st) {
            cliErr() << "photopeak-cli classify: " << st.error().toString() << "\n";
            return 1;
        }
    } else {
        cliOut() << csvText;
        cliOut().flush();
    }
    if (!jsonPath.isEmpty()) {
        QJsonObject header = analyzer.describe();
        if (parser.isSet(QStringLiteral("shard")))
            header[QStringLiteral("shard")] = QJsonObject{{QStringLiteral("index"), shard.index()},
                                                          {QStringLiteral("count"), shard.count()},
                                                          {QStringLiteral("inputs"), shardInputs}};
        const QJsonDocument doc = AnalysisTable::toJson(rows, header);
        if (const Status st = writeFileAtomically(jsonPath, doc.toJson(QJsonDocument::Indented), OutputKind::report()); !st) {
            cliErr() << "photopeak-cli classify: " << st.error().toString() << "\n";
            return 1;
        }
    }
    if (!shard.isWhole())
        cliErr() << "shard " << shard.toString() << ": ";
    cliErr() << QStringLiteral("classified %1 spectra in %2 s: %3 source, %4 background, %5 skipped or unreadable\n")
                    .arg(rows.size()).arg(seconds, 0, 'f', 2).arg(sources).arg(backgrounds).arg(failed);
    if (analyzer.flagsUnknownIsotopes())
        cliErr() << QStringLiteral("latent model: %1 spectra flagged with an isotope unknown to it\n").arg(unknown);
    if (analyzer.activityEnabled())
        cliErr() << QStringLiteral("activity: %1 estimates, %2 detection limits (isotope reported, lines not significant)\n")
                        .arg(activities).arg(limits);
    cliErr().flush();
    return failed > 0 ? 1 : 0;
}
