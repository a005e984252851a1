#include "CliOutput.h"

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
