// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

#include <utility>
#include <vector>

namespace photopeak {
class OutputGuard;
}

// Shared helpers of the subcommands: stdout/stderr streams and the common parser set-up.
QTextStream &cliOut();
QTextStream &cliErr();
// Parses `args` (subcommand first); prints help and returns 0 for --help, prints the error and returns 2
// for usage errors; returns -1 when the command should go on.
int parseCommandLine(QCommandLineParser &parser, const QStringList &args, const QString &description);
QString formatSeconds(double seconds);

// --force of the writing commands: replace an output file Photopeak did not write (never an input).
QCommandLineOption forceOutputOption();
// Asks `guard` whether the outputs (path, OutputKind) of a run may be written; call it before any work. When
// one may not: prints "photopeak-cli COMMAND: FILE: why" (adding "use --force" when that would help) and returns
// 2. Otherwise removes stale temporaries of the outputs left by killed runs, says so, and returns -1.
int checkOutputs(const QString &command, const photopeak::OutputGuard &guard,
                 const std::vector<std::pair<QString, QString>> &outputsAndKinds);
