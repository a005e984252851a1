// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ShardCli.h"

#include "CliOutput.h"

using namespace photopeak;

QCommandLineOption shardOption()
{
    return QCommandLineOption(QStringLiteral("shard"),
                              QStringLiteral("Process only shard I of N (counted from 0) of the inputs in their stable order "
                                             "(a cluster array task); join the shard outputs with 'photopeak-cli merge'."),
                              QStringLiteral("I/N"));
}

int readShard(const QCommandLineParser &parser, const QString &command, Shard *shard)
{
    const QString text = parser.value(QStringLiteral("shard"));
    if (!parser.isSet(QStringLiteral("shard"))) {
        *shard = Shard();
        return -1;
    }
    auto parsed = Shard::parse(text);
    if (!parsed) {
        cliErr() << "photopeak-cli " << command << ": " << parsed.error().toString() << "\n";
        return 2;
    }
    *shard = *parsed;
    return -1;
}
