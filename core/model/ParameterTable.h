// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "util/Result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <limits>
#include <vector>

namespace photopeak {

// One option of a method, declared once: the model file's JSON, the CLI's options and the window's forms
// are all generated from these declarations, so they can never disagree on names, defaults or ranges.
struct ParameterSpec {
    enum class Type { Bool, Int, Double, Choice, Text };

    QString key;                 // JSON key and CLI option (--key), e.g. "folds"
    Type type = Type::Double;
    QJsonValue defaultValue;
    double minimum = -std::numeric_limits<double>::infinity();  // Int and Double, inclusive
    double maximum = std::numeric_limits<double>::infinity();
    QStringList choices;         // Choice: the allowed values
    QString unit;                // e.g. "keV", "s", "%" (empty: none)
    const char *label = "";      // short label for forms; translated in ui with context "Parameters"
    const char *help = "";       // one sentence for --help, tooltips and docs; translated likewise
    QString cliAlias;            // optional short or legacy option, e.g. "-f"
    std::vector<const char *> choiceLabels;  // Choice: words for forms, one per choice (translated like label)
    const char *group = "";      // forms: the group box it is shown in (translated like label)
    bool advanced = false;       // forms: shown only when the user asks for every option
};

// The options of one method (a model kind, a finder, a filter): an ordered list of ParameterSpec.
class ParameterTable {
public:
    ParameterTable() = default;
    ParameterTable(QString name, std::vector<ParameterSpec> specs);

    const QString &name() const { return m_name; }
    const std::vector<ParameterSpec> &specs() const { return m_specs; }
    const ParameterSpec *find(const QString &key) const;

    // Every key with its default.
    QJsonObject defaults() const;
    // Fills missing keys with defaults; refuses unknown keys, wrong types (an Int given as 2.5), values out of
    // range and choices not in the list, naming `source` and the key.
    Result<QJsonObject> validate(const QJsonObject &values, const QString &source) const;
    // Reads --key VALUE (and --key / --no-key for Bool) from args, removing what it consumed, starting from
    // `base` (defaults when empty). Other arguments are left in args. The result is validated.
    Result<QJsonObject> parseArguments(QStringList &args, const QJsonObject &base = {}) const;
    // "  --key VALUE   help (unit, range, default)" lines for --help.
    QString argumentHelp() const;
    // "help (choices, range, default)" for --help and tooltips.
    static QString describe(const ParameterSpec &spec);
    // One value formatted for a user, with its unit.
    static QString format(const ParameterSpec &spec, const QJsonValue &value);

private:
    Result<QJsonValue> parseValue(const ParameterSpec &spec, const QString &text) const;
    Status check(const ParameterSpec &spec, const QJsonValue &value, const QString &source) const;

    QString m_name;
    std::vector<ParameterSpec> m_specs;
};

} // namespace photopeak
