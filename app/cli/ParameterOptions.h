// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "model/ParameterTable.h"

#include <QCommandLineParser>

#include <functional>

// Command-line options generated from a ParameterTable (core/model): `--key VALUE` (and the spec's short alias)
// for values, `--key` / `--no-key` for switches; help text with unit, range and default from the table.
namespace ParameterOptions {

void add(QCommandLineParser &parser, const photopeak::ParameterTable &table);
// Maps a value as typed to the table's spelling (e.g. the old tool's method names); identity when empty.
using ValueMap = std::function<QString(const QString &key, const QString &value)>;

// The values given on the command line over `base` (the table's defaults when empty), validated by the table;
// errors name the option.
photopeak::Result<QJsonObject> values(const QCommandLineParser &parser, const photopeak::ParameterTable &table,
                                      const QJsonObject &base = {}, const ValueMap &map = {});

} // namespace ParameterOptions
