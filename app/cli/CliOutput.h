#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

// Shared helpers of the subcommands: stdout/stderr streams and the common parser set-up.
QTextStream &cliOut();
QTextStream &cliErr();
// Parses `args` (subcommand first); prints help and returns 0 for --help, prints the error and returns 2
// for usage errors; returns -1 when the command should go on.
int parseCommandLine(QCommandLineParser &parser, const QStringList &args, const QString &description);
QString formatSeconds(double seconds);
