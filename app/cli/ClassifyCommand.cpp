#include "ClassifierCli.h"
#include "CliOutput.h"
#include "Commands.h"

#include "features/SpectrumPreparer.h"
#include "io/AtomicFile.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace photopeak;

namespace {
QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    QString q = s;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString number(double v, int decimals = 4) { return QString::number(v, 'f', decimals); }
} // namespace

int runClassify(const QStringList &args)
{
    QCommandLineParser parser;
    ClassifierCli cli;
    cli.addTrainingOptions(parser);
    cli.addTestOptions(parser);
    const QCommandLineOption csv({QStringLiteral("o"), QStringLiteral("output")},
                                 QStringLiteral("CSV report (a JSON report is written beside it unless -O is given). "
                                                "Without it the CSV goes to standard output."),
                                 QStringLiteral("file"));
    const QCommandLineOption json({QStringLiteral("O"), QStringLiteral("json")}, QStringLiteral("JSON report."),
                                  QStringLiteral("file"));
    parser.addOptions({csv, json});
    parser.addPositionalArgument(QStringLiteral("paths"), QStringLiteral("Files or folders to classify (as -T)."));
    if (const int rc = parseCommandLine(parser, args,
                                        QStringLiteral("Classify spectra: is a source present, which isotopes. One row "
                                                       "per spectrum; bad files are reported and the batch goes on.\n"
                                                       "Example: photopeak-cli classify --model model.json -T folder "
                                                       "-o report.csv"));
        rc >= 0)
        return rc;
    const QStringList paths = cli.testFolders(parser) + parser.positionalArguments();
    if (paths.isEmpty()) {
        cliErr() << "photopeak-cli classify: give files or folders to classify (-T PATH)\n";
        return 2;
    }
    auto model = cli.modelFor(parser);
    if (!model) {
        cliErr() << "photopeak-cli classify: " << model.error().toString() << "\n";
        return 1;
    }
    const QStringList isotopes = model->isotopeLabels();
    QStringList header{QStringLiteral("file"), QStringLiteral("decision"), QStringLiteral("source_probability"),
                       QStringLiteral("sigma_significance"), QStringLiteral("sigma_source"), QStringLiteral("isotopes")};
    for (const QString &i : isotopes)
        header << QStringLiteral("p_") + i;
    header << QStringLiteral("activity_bq") << QStringLiteral("live_time_s") << QStringLiteral("flags")
           << QStringLiteral("message");
    QStringList lines{header.join(QLatin1Char(','))};
    QJsonArray rows;
    int failed = 0, sources = 0, total = 0;
    QElapsedTimer timer;
    timer.start();
    SpectrumPreparer preparer(model->grid());
    for (const QString &path : paths) {
        const bool isDir = QFileInfo(path).isDir();
        auto opened = isDir ? SpectrumDataset::openFolder(path) : Result<SpectrumDataset>(SpectrumDataset::openFile(path));
        if (!opened) {
            ++failed;
            ++total;
            lines << csvField(path) + QStringLiteral(",error") + QString(header.size() - 3, QLatin1Char(','))
                         + csvField(opened.error().message);
            rows.append(QJsonObject{{QStringLiteral("file"), path}, {QStringLiteral("decision"), QStringLiteral("error")},
                                    {QStringLiteral("message"), opened.error().message}});
            continue;
        }
        for (const DatasetEntry &e : opened->entries()) {
            ++total;
            const QString file = e.spectrum.displayName().isEmpty() ? e.relativePath
                                 : isDir ? QFileInfo(path).fileName() + QLatin1Char('/') + e.relativePath
                                         : e.spectrum.displayName();
            QJsonObject row{{QStringLiteral("file"), file}};
            const QString flags = e.spectrum.problems.names().join(QLatin1Char(';'));
            row[QStringLiteral("flags")] = QJsonArray::fromStringList(e.spectrum.problems.names());
            row[QStringLiteral("liveTime")] = e.spectrum.liveTime;
            Result<PreparedSpectrum> prepared = e.isReadable() ? preparer.prepare(e.spectrum)
                                                               : Result<PreparedSpectrum>(makeError(file, e.message));
            if (!prepared) {
                ++failed;
                row[QStringLiteral("decision")] = QStringLiteral("skipped");
                row[QStringLiteral("message")] = prepared.error().message;
                QStringList f{csvField(file), QStringLiteral("skipped")};
                while (f.size() < header.size() - 3)
                    f << QString();
                f << number(e.spectrum.liveTime, 3) << csvField(flags) << csvField(prepared.error().message);
                lines << f.join(QLatin1Char(','));
                rows.append(row);
                continue;
            }
            const Classification c = model->classify(*prepared);
            sources += c.source ? 1 : 0;
            const QString decision = c.source ? QStringLiteral("Source") : QStringLiteral("Background");
            QStringList f{csvField(file), decision,
                          c.sourceProbability ? number(*c.sourceProbability) : QString(), number(c.sigma.significance, 2),
                          c.sigma.source ? QStringLiteral("1") : QStringLiteral("0"), c.isotopes.join(QLatin1Char('+'))};
            QJsonObject probs;
            for (int i = 0; i < isotopes.size(); ++i) {
                const double p = static_cast<size_t>(i) < c.isotopeProbabilities.size() ? c.isotopeProbabilities[static_cast<size_t>(i)] : 0.0;
                f << number(p);
                probs[isotopes[i]] = p;
            }
            f << QString() << number(prepared->liveTime, 3) << csvField(flags) << QString();
            lines << f.join(QLatin1Char(','));
            row[QStringLiteral("decision")] = decision;
            if (c.sourceProbability)
                row[QStringLiteral("sourceProbability")] = *c.sourceProbability;
            row[QStringLiteral("sigma")] = QJsonObject{{QStringLiteral("significance"), c.sigma.significance},
                                                       {QStringLiteral("excessCps"), c.sigma.excessCps},
                                                       {QStringLiteral("source"), c.sigma.source}};
            row[QStringLiteral("isotopes")] = QJsonArray::fromStringList(c.isotopes);
            row[QStringLiteral("isotopeProbabilities")] = probs;
            row[QStringLiteral("activity")] = QJsonValue::Null;
            rows.append(row);
        }
    }
    const double seconds = timer.elapsed() / 1000.0;
    const QByteArray csvText = (lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
    QString jsonPath = parser.value(json);
    if (jsonPath.isEmpty() && parser.isSet(csv))
        jsonPath = QFileInfo(parser.value(csv)).path() + QLatin1Char('/') + QFileInfo(parser.value(csv)).completeBaseName()
                   + QStringLiteral(".json");
    if (parser.isSet(csv)) {
        if (const Status st = writeFileAtomically(parser.value(csv), csvText); !st) {
            cliErr() << "photopeak-cli classify: " << st.error().toString() << "\n";
            return 1;
        }
    } else {
        cliOut() << csvText;
    }
    if (!jsonPath.isEmpty()) {
        QJsonObject doc{{QStringLiteral("model"), model->options().methodName()},
                        {QStringLiteral("isotopes"), QJsonArray::fromStringList(isotopes)},
                        {QStringLiteral("threshold"), model->options().decisionThreshold},
                        {QStringLiteral("activity"), cli.activityRequested(parser)
                                                         ? QStringLiteral("not available in this build")
                                                         : QStringLiteral("not requested")},
                        {QStringLiteral("spectra"), rows}};
        if (const Status st = writeFileAtomically(jsonPath, QJsonDocument(doc).toJson(QJsonDocument::Indented)); !st) {
            cliErr() << "photopeak-cli classify: " << st.error().toString() << "\n";
            return 1;
        }
    }
    if (cli.activityRequested(parser))
        cliErr() << "photopeak-cli classify: activity (-a) is not available in this build; the column stays empty\n";
    cliErr() << QStringLiteral("classified %1 spectra in %2 s: %3 source, %4 background, %5 skipped or unreadable\n")
                    .arg(total).arg(seconds, 0, 'f', 2).arg(sources).arg(total - sources - failed).arg(failed);
    cliErr().flush();
    return failed > 0 ? 1 : 0;
}
