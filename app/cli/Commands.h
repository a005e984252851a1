// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QStringList>

#include <memory>

class QCoreApplication;

// One function per photopeak-cli subcommand. `args` starts with the subcommand name (like argv without
// the program). Each returns the process exit code: 0 ok, 1 some inputs failed, 2 usage error.
int runInfo(const QStringList &args);
int runConvert(const QStringList &args);
int runPeaks(const QStringList &args);
int runCalibrate(const QStringList &args);
int runIdentify(const QStringList &args);
int runActivity(const QStringList &args);
int runTrain(const QStringList &args);
int runClassify(const QStringList &args);
int runEvaluate(const QStringList &args);
int runLatent(const QStringList &args);
int runReport(const QStringList &args);
int runHits(const QStringList &args);
int runTables(const QStringList &args);
int runWatch(const QStringList &args);
int runImages(const QStringList &args);
int runMerge(const QStringList &args);

// The report command draws with widgets: it needs a QApplication (offscreen when there is no display), the
// others a QCoreApplication. Defined in ReportCommand.cpp.
std::unique_ptr<QCoreApplication> createReportApplication(int &argc, char **argv);

struct CliCommand {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &args);
};
