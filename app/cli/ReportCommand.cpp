// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "AnalysisCli.h"
#include "ClassifierCli.h"
#include "CliOutput.h"
#include "Commands.h"
#include "ShardCli.h"

#include "analysis/SpectrumAnalyzer.h"
#include "library/BatchInputs.h"
#include "ml/latent/LatentModel.h"
#include "ml/latent/LatentSpectrumModel.h"
#include "report/ReportExporter.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QRegularExpression>

#include <cstdlib>
#include <memory>

using namespace photopeak;

std::unique_ptr<QCoreApplication> createReportApplication(int &argc, char **argv)
{
    // Reports are drawn with widgets; without a display Qt would abort, so draw offscreen unless the user
    // chose a platform.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QApplication>(argc, argv);
}

int runReport(const QStringList &args)
{
    QCommandLineParser parser;
    ClassifierCli cli;
    AnalysisCli analysisCli;
    cli.addTrainingOptions(parser);
    cli.addTestOptions(parser);
    analysisCli.addOptions(parser);
    const QCommandLineOption out({QStringLiteral("o"), QStringLiteral("output")},
                                 QStringLiteral("Folder for the PNG reports (created when missing)."), QStringLiteral("dir"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Page size in pixels (default 1600x1000)."),
                                  QStringLiteral("WxH"), QStringLiteral("1600x1000"));
    const QCommandLineOption linear(QStringLiteral("linear"), QStringLiteral("Linear count axis (default logarithmic)."));
    const QCommandLineOption channels(QStringLiteral("channels"), QStringLiteral("Channel axis instead of energy."));
    const QCommandLineOption rate(QStringLiteral("count-rate"), QStringLiteral("Counts per second instead of counts."));
    const QCommandLineOption noPeaks(QStringLiteral("no-peaks"), QStringLiteral("Do not search, fit and draw peaks."));
    const QCommandLineOption background(QStringLiteral("background"),
                                        QStringLiteral("Draw this background spectrum on every page, scaled to the live time."),
                                        QStringLiteral("file"));
    const QCommandLineOption markers(QStringLiteral("markers"),
                                     QStringLiteral("Mark the lines of these nuclides, comma separated (e.g. K40,Th232)."),
                                     QStringLiteral("list"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("png (one file per spectrum, default), pdf (one vector PDF: summary table, "
                                                   "then a page per spectrum) or html (one self-contained page to share)."),
                                    QStringLiteral("png|pdf|html"), QStringLiteral("png"));
    parser.addOptions({out, size, linear, channels, rate, noPeaks, background, markers, format, shardOption()});
    parser.addPositionalArgument(QStringLiteral("paths"), QStringLiteral("Files or folders to report on (as -T)."));
    if (const int rc = parseCommandLine(parser, args,
                                        QStringLiteral("PNG report per spectrum (or --format pdf|html: one batch document, summary first): the annotated spectrum (identified isotopes "
                                                       "shaded by probability, fitted peaks), results, header and model. "
                                                       "Runs without a display. Bad files are named and the batch goes on.\n"
                                                       "Example: photopeak-cli report --model model.json -a --efficiency xgd "
                                                       "-o reports folder"));
        rc >= 0)
        return rc;
    const QStringList paths = cli.inputPaths(parser, QStringLiteral("report"), QStringLiteral("report on"));
    if (paths.isEmpty())
        return 2;
    if (!parser.isSet(out)) {
        cliErr() << "photopeak-cli report: give the output folder (-o DIR)\n";
        return 2;
    }
    if (const QFileInfo target(parser.value(out)); target.exists() && !target.isDir()) {
        cliErr() << "photopeak-cli report: " << parser.value(out)
                 << ": is a file, not a folder; refusing to write reports over it; nothing written\n";
        return 2;
    }
    ui::ReportExporter::Options exportOptions;
    exportOptions.outputDir = parser.value(out);
    if (const QString f = parser.value(format).toLower(); f == QLatin1String("pdf"))
        exportOptions.document = ui::ReportDocument::Format::Pdf;
    else if (f == QLatin1String("html"))
        exportOptions.document = ui::ReportDocument::Format::Html;
    else if (f != QLatin1String("png")) {
        cliErr() << "photopeak-cli report: --format needs png, pdf or html\n";
        return 2;
    }
    Shard shard;
    if (const int rc = readShard(parser, QStringLiteral("report"), &shard); rc >= 0)
        return rc;
    if (exportOptions.document && !shard.isWhole()) {
        cliErr() << "photopeak-cli report: --shard makes PNG reports (one file per spectrum, shards write side by side); "
                    "a PDF or HTML batch document is made by one run\n";
        return 2;
    }
    {
        static const QRegularExpression re(QStringLiteral("^(\\d{2,5})[xX](\\d{2,5})$"));
        const auto m = re.match(parser.value(size));
        if (!m.hasMatch() || m.captured(1).toInt() < 400 || m.captured(2).toInt() < 250) {
            cliErr() << "photopeak-cli report: --size needs WIDTHxHEIGHT of at least 400x250 pixels\n";
            return 2;
        }
        exportOptions.render.size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    }
    exportOptions.render.plot.logScale = !parser.isSet(linear);
    exportOptions.render.plot.energyAxis = !parser.isSet(channels);
    exportOptions.render.plot.countRate = parser.isSet(rate);
    exportOptions.fitPeaks = !parser.isSet(noPeaks);
    if (parser.isSet(markers))
        exportOptions.render.markerNuclides = parser.value(markers).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parser.isSet(background)) {
        SpectrumDataset bkg = SpectrumDataset::openFile(parser.value(background));
        if (bkg.size() < 1 || !bkg.entries().front().isUsable()) {
            cliErr() << "photopeak-cli report: " << parser.value(background) << ": "
                     << (bkg.size() < 1 ? QStringLiteral("no spectrum") : bkg.entries().front().problemText()) << "\n";
            return 1;
        }
        exportOptions.background = std::make_shared<const Spectrum>(bkg.entries().front().spectrum);
    }

    int failure = 0;
    const auto analyzerOrNone = analysisCli.makeAnalyzer(parser, cli, QStringLiteral("report"), QStringLiteral("Reports show no activities."), &failure);
    if (!analyzerOrNone)
        return failure;
    const SpectrumAnalyzer &analyzer = *analyzerOrNone;
    for (const auto &model : analyzer.models())  // the latent model's views: beside each spectrum and one model page
        if (const auto *latent = dynamic_cast<const LatentSpectrumModel *>(model.get())) {
            exportOptions.render.latent = latent->latentModel();
            exportOptions.latentName = QFileInfo(analysisCli.latentPath(parser)).fileName();
            break;
        }
    if (const auto &eff = analyzer.options().efficiency; eff && !eff->resolution.isEmpty())
        exportOptions.render.resolution = ResolutionModel::fromString(eff->resolution);

    QElapsedTimer timer;
    timer.start();
    // All inputs in one dataset; entries named "<folder>/<relative path>" (folders) or by their file name,
    // which also makes the report names unique across inputs.
    auto combined = std::make_shared<SpectrumDataset>();
    std::vector<SpectrumAnalysis> analyses;
    int failed = 0;
    for (const BatchInput &input : BatchInputs::select(BatchInputs::list(paths), shard)) {
        const QString &path = input.path;
        const bool isDir = input.isFolder;
        auto opened = BatchInputs::open(input);
        if (!opened) {
            ++failed;
            cliErr() << "photopeak-cli report: " << opened.error().toString() << "\n";
            continue;
        }
        for (DatasetEntry &e : opened->entries()) {
            if (isDir)
                e.relativePath = QDir::cleanPath(QFileInfo(path).fileName() + QLatin1Char('/') + e.relativePath);
            else
                e.relativePath = QFileInfo(e.spectrum.sourcePath.isEmpty() ? path : e.spectrum.sourcePath).fileName();
        }
        std::vector<SpectrumAnalysis> part = analyzer.analyseAll(*opened);
        const int offset = combined->size();
        for (SpectrumAnalysis &a : part) {
            if (a.entryIndex >= 0 && a.entryIndex < opened->size()) {
                const DatasetEntry &e = opened->entries()[static_cast<size_t>(a.entryIndex)];
                const QString name = SpectrumAnalyzer::entryName(e);
                if (a.message.startsWith(a.file + QStringLiteral(": ")))
                    a.message = name + a.message.mid(a.file.size());
                a.file = name;
                a.entryIndex += offset;
            }
            analyses.push_back(std::move(a));
        }
        combined->append(std::move(opened.value()));
    }

    int sources = 0, backgrounds = 0, skipped = 0;
    for (const SpectrumAnalysis &a : analyses) {
        sources += a.decision == SpectrumAnalysis::Decision::Source;
        backgrounds += a.decision == SpectrumAnalysis::Decision::Background;
        if (a.decision == SpectrumAnalysis::Decision::Skipped) {
            // Drawn with the reason on the page; still a bad input for the exit code.
            ++skipped;
            cliErr() << "photopeak-cli report: " << (a.message.isEmpty() ? a.file : a.message) << "\n";
        }
    }
    int written = 0;
    QStringList errors;
    if (!analyses.empty()) {
        ui::ReportExporter exporter;
        QEventLoop loop;
        QObject::connect(&exporter, &ui::ReportExporter::finished, &loop,
                         [&](int count, const QStringList &problems) {
                             written = count;
                             errors = problems;
                             loop.quit();
                         });
        if (const Status st = exporter.start(combined, std::move(analyses), exportOptions); !st) {
            cliErr() << "photopeak-cli report: " << st.error().toString() << "\n";
            return 1;
        }
        loop.exec();
    }
    for (const QString &e : errors)
        cliErr() << "photopeak-cli report: " << e << "\n";
    failed += static_cast<int>(errors.size()) + skipped;
    cliErr() << QStringLiteral("wrote %1 %2 to %3 in %4 s: %5 source, %6 background, %7 skipped or unreadable\n")
                    .arg(written)
                    .arg(exportOptions.document ? QStringLiteral("%1 document").arg(parser.value(format).toUpper())
                                                : written == 1 ? QStringLiteral("report") : QStringLiteral("reports"))
                    .arg(QDir::toNativeSeparators(exportOptions.outputDir))
                    .arg(timer.elapsed() / 1000.0, 0, 'f', 2)
                    .arg(sources)
                    .arg(backgrounds)
                    .arg(skipped + static_cast<int>(errors.size()));
    cliErr().flush();
    return failed > 0 ? 1 : 0;
}
