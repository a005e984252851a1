// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "tables/EventTraining.h"

#include <QCommandLineParser>

// Options shared by the `tables` subcommands: which table(s) of a file, and what a training does.
namespace TablesCli {
void addQueryOptions(QCommandLineParser &parser);
void addTrainingOptions(QCommandLineParser &parser);
// False with `error` set on a bad value (usage error, exit code 2).
bool readQuery(const QCommandLineParser &parser, photopeak::TableQuery *query, QString *error);
bool readTraining(const QCommandLineParser &parser, photopeak::EventTrainingSpec *spec, QString *error);
// "a,b, c" -> {"a","b","c"}
QStringList splitList(const QString &text);
} // namespace TablesCli
