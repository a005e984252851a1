// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "Commands.h"

#include "jobs/Parallel.h"

#include <QCoreApplication>
#include <QTextStream>

#include <array>
#include <memory>
#include <cstdio>

namespace {
// Add a subcommand: declare it in Commands.h, implement it in <Name>Command.cpp, add one row here.
const CliCommand kCommands[] = {
    {"info", "header fields, totals and flags of a file; labels and problem files of a folder", runInfo},
    {"convert", "convert between .sps, the Photopeak HDF5 library (.h5) and CSV", runConvert},
    {"peaks", "search and fit peaks; resolution model; nuclides matching the peaks", runPeaks},
    {"calibrate", "energy calibration from peaks (automatic or manual); --check on a folder", runCalibrate},
    {"identify", "classical identification from peaks: ranked nuclides; --truth-from-path evaluates", runIdentify},
    {"activity", "activity in Bq with uncertainty and MDA; --evaluate on reference series", runActivity},
    {"train", "train source detection and isotope identification on labelled folders", runTrain},
    {"classify", "classify spectra (source? which isotopes?) into CSV and JSON reports", runClassify},
    {"evaluate", "detection and identification metrics per folder; --xgd runs the XGD protocol", runEvaluate},
    {"latent", "GAMMA_FLOW latent decomposition (loadings + NNLS): train, classify, evaluate", runLatent},
    {"hits", "cosmic-ray hit crops: features, filter, cluster, train, classify, evaluate", runHits},
    {"tables", "event tables (HDF5/pandas): track/shower classification: info, train, predict, evaluate", runTables},
    {"images", "detector images: Bragg-peak candidates, learned peak probability, synthetic stacks", runImages},
    {"report", "reports: PNG per spectrum, or one vector PDF / HTML batch with a summary (no display needed)", runReport},
    {"merge", "join the outputs of the shards of one batch (--shard I/N) into one CSV, JSON or HDF5 file", runMerge},
    {"watch", "follow a detector: analyse each new spectrum in a folder, rolling background, alarms", runWatch},
};

void printUsage(QTextStream &out)
{
    out << "Usage: photopeak-cli <command> [options]\n\n"
           "Photopeak batch tool: the analysis pipeline of the Photopeak workstation without a window.\n\n"
           "Commands:\n";
    for (const auto &c : kCommands)
        out << QStringLiteral("  %1  %2\n").arg(QString::fromLatin1(c.name), -10).arg(QString::fromLatin1(c.summary));
    out << "\nRun 'photopeak-cli <command> --help' for the options of one command.\n"
           "Options: --help, --version, --threads N (threads of parallel work; 0 = every core)\n";
}
} // namespace

int main(int argc, char **argv)
{
    // Only the report command needs widgets (and then an offscreen platform without a display).
    const std::unique_ptr<QCoreApplication> app = argc > 1 && qstrcmp(argv[1], "report") == 0
                                                      ? createReportApplication(argc, argv)
                                                      : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("photopeak-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PHOTOPEAK_VERSION));
    QTextStream out(stdout), err(stderr);
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    // --threads N (any command): the one thread cap of every parallel loop in core.
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] != QLatin1String("--threads"))
            continue;
        bool ok = false;
        const int threads = i + 1 < args.size() ? args[i + 1].toInt(&ok) : 0;
        if (!ok || threads < 0) {
            err << "photopeak-cli: --threads needs a whole number >= 0 (0 = every core)\n";
            return 2;
        }
        photopeak::Parallel::setMaxThreads(threads);
        args.remove(i, 2);
        break;
    }
    if (args.isEmpty() || args.front() == QLatin1String("--help") || args.front() == QLatin1String("-h")
        || args.front() == QLatin1String("help")) {
        printUsage(out);
        return args.isEmpty() ? 2 : 0;
    }
    if (args.front() == QLatin1String("--version")) {
        out << "photopeak-cli " << PHOTOPEAK_VERSION << "\n";
        return 0;
    }
    for (const auto &c : kCommands)
        if (args.front() == QLatin1String(c.name))
            return c.run(args);
    err << "photopeak-cli: unknown command '" << args.front() << "'\n\n";
    err.flush();
    printUsage(err);
    return 2;
}
