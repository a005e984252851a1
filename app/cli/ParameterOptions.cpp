// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ParameterOptions.h"

using namespace photopeak;

namespace ParameterOptions {

namespace {
QStringList names(const ParameterSpec &s)
{
    QStringList n{s.key};
    if (!s.cliAlias.isEmpty())
        n.prepend(QString(s.cliAlias).remove(0, s.cliAlias.startsWith(QLatin1String("--")) ? 2 : 1));
    return n;
}
} // namespace

void add(QCommandLineParser &parser, const ParameterTable &table)
{
    for (const ParameterSpec &s : table.specs()) {
        const QString help = ParameterTable::describe(s);
        if (s.type == ParameterSpec::Type::Bool) {
            parser.addOption(QCommandLineOption(names(s), help));
            parser.addOption(QCommandLineOption(QStringLiteral("no-") + s.key, QStringLiteral("Turns --%1 off.").arg(s.key)));
        } else {
            parser.addOption(QCommandLineOption(names(s), help, s.type == ParameterSpec::Type::Choice ? QStringLiteral("name")
                                                                                                        : QStringLiteral("value")));
        }
    }
}

// The table parses and validates (ParameterTable::parseArguments): the options given are handed to it as arguments.
Result<QJsonObject> values(const QCommandLineParser &parser, const ParameterTable &table, const QJsonObject &base,
                           const ValueMap &map)
{
    QStringList args;
    for (const ParameterSpec &s : table.specs()) {
        if (s.type == ParameterSpec::Type::Bool) {
            if (parser.isSet(QStringLiteral("no-") + s.key))
                args << QStringLiteral("--no-") + s.key;
            else if (parser.isSet(s.key))
                args << QStringLiteral("--") + s.key;
        } else if (parser.isSet(s.key)) {
            args << QStringLiteral("--") + s.key << (map ? map(s.key, parser.value(s.key)) : parser.value(s.key));
        }
    }
    return table.parseArguments(args, base);
}

} // namespace ParameterOptions
