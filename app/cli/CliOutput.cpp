// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliOutput.h"

#include "io/OutputGuard.h"

QTextStream &cliOut()
{
    static QTextStream out(stdout);
    return out;
}

QTextStream &cliErr()
{
    static QTextStream err(stderr);
    return err;
}

int parseCommandLine(QCommandLineParser &parser, const QStringList &args, const QString &description)
{
    parser.setApplicationDescription(description);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    QStringList withProgram = args;
    withProgram.front() = QStringLiteral("photopeak-cli ") + args.front();
    if (!parser.parse(withProgram)) {
        cliErr() << "photopeak-cli " << args.front() << ": " << parser.errorText() << "\n";
        cliErr().flush();
        return 2;
    }
    if (parser.isSet(help)) {
        cliOut() << parser.helpText();
        cliOut().flush();
        return 0;
    }
    return -1;
}

QString formatSeconds(double seconds)
{
    return seconds > 0 ? QString::number(seconds, 'f', seconds < 100 ? 3 : 1) + QStringLiteral(" s") : QStringLiteral("-");
}

QCommandLineOption forceOutputOption()
{
    return QCommandLineOption(QStringLiteral("force"),
                              QStringLiteral("Replace an existing output file that Photopeak did not write (an input is "
                                             "never replaced)."));
}

int checkOutputs(const QString &command, const photopeak::OutputGuard &guard,
                 const std::vector<std::pair<QString, QString>> &outputsAndKinds)
{
    if (const photopeak::Status st = guard.check(outputsAndKinds); !st) {
        cliErr() << "photopeak-cli " << command << ": " << st.error().toString();
        if (st.error().kind == photopeak::OutputGuard::Overridable)
            cliErr() << " (use --force)";
        cliErr() << "; nothing written\n";
        cliErr().flush();
        return 2;
    }
    for (const auto &[output, kind] : outputsAndKinds) {
        if (output.isEmpty())
            continue;
        for (const QString &t : photopeak::OutputGuard::removeStaleTemporaries(output))
            cliErr() << "photopeak-cli " << command << ": removed " << t << ", a temporary file of " << output
                     << " left by an interrupted run\n";
    }
    cliErr().flush();
    return -1;
}
