// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "model/ParameterTable.h"

#include <cmath>

namespace photopeak {

namespace {
QString typeName(ParameterSpec::Type t)
{
    switch (t) {
    case ParameterSpec::Type::Bool: return QStringLiteral("true or false");
    case ParameterSpec::Type::Int: return QStringLiteral("a whole number");
    case ParameterSpec::Type::Double: return QStringLiteral("a number");
    case ParameterSpec::Type::Choice: return QStringLiteral("one of the listed words");
    case ParameterSpec::Type::Text: return QStringLiteral("text");
    }
    return {};
}

QString rangeText(const ParameterSpec &s)
{
    const bool lo = std::isfinite(s.minimum), hi = std::isfinite(s.maximum);
    if (lo && hi)
        return QStringLiteral("%1..%2").arg(s.minimum).arg(s.maximum);
    if (lo)
        return QStringLiteral(">= %1").arg(s.minimum);
    if (hi)
        return QStringLiteral("<= %1").arg(s.maximum);
    return {};
}
} // namespace

ParameterTable::ParameterTable(QString name, std::vector<ParameterSpec> specs)
    : m_name(std::move(name)), m_specs(std::move(specs))
{
}

const ParameterSpec *ParameterTable::find(const QString &key) const
{
    for (const ParameterSpec &s : m_specs)
        if (s.key == key)
            return &s;
    return nullptr;
}

QJsonObject ParameterTable::defaults() const
{
    QJsonObject o;
    for (const ParameterSpec &s : m_specs)
        o.insert(s.key, s.defaultValue);
    return o;
}

Status ParameterTable::check(const ParameterSpec &s, const QJsonValue &v, const QString &source) const
{
    const QString where = QStringLiteral("%1 option '%2'").arg(m_name, s.key);
    auto wrong = [&] {
        return makeError(source, QStringLiteral("%1 must be %2").arg(where, typeName(s.type)));
    };
    switch (s.type) {
    case ParameterSpec::Type::Bool:
        if (!v.isBool())
            return wrong();
        return Ok{};
    case ParameterSpec::Type::Int:
    case ParameterSpec::Type::Double: {
        if (!v.isDouble())
            return wrong();
        const double x = v.toDouble();
        if (!std::isfinite(x) || (s.type == ParameterSpec::Type::Int && x != std::floor(x)))
            return wrong();
        if (x < s.minimum || x > s.maximum)
            return makeError(source, QStringLiteral("%1 is %2, outside %3").arg(where).arg(x).arg(rangeText(s)));
        return Ok{};
    }
    case ParameterSpec::Type::Choice:
        if (!v.isString() || !s.choices.contains(v.toString()))
            return makeError(source, QStringLiteral("%1 is '%2'; allowed: %3")
                                         .arg(where, v.toVariant().toString(), s.choices.join(QStringLiteral(", "))));
        return Ok{};
    case ParameterSpec::Type::Text:
        if (!v.isString())
            return wrong();
        return Ok{};
    }
    return Ok{};
}

Result<QJsonObject> ParameterTable::validate(const QJsonObject &values, const QString &source) const
{
    for (auto it = values.begin(); it != values.end(); ++it)
        if (!find(it.key()))
            return makeError(source, QStringLiteral("%1 has no option '%2'").arg(m_name, it.key()));
    QJsonObject out;
    for (const ParameterSpec &s : m_specs) {
        const QJsonValue v = values.contains(s.key) ? values.value(s.key) : s.defaultValue;
        if (const Status st = check(s, v, source); !st)
            return st.error();
        out.insert(s.key, v);
    }
    return out;
}

Result<QJsonValue> ParameterTable::parseValue(const ParameterSpec &s, const QString &text) const
{
    const QString option = QStringLiteral("--") + s.key;
    switch (s.type) {
    case ParameterSpec::Type::Bool:
        if (text == QLatin1String("true") || text == QLatin1String("1") || text == QLatin1String("yes"))
            return QJsonValue(true);
        if (text == QLatin1String("false") || text == QLatin1String("0") || text == QLatin1String("no"))
            return QJsonValue(false);
        break;
    case ParameterSpec::Type::Int: {
        bool ok = false;
        const qlonglong x = text.toLongLong(&ok);
        if (ok)
            return QJsonValue(static_cast<double>(x));
        break;
    }
    case ParameterSpec::Type::Double: {
        bool ok = false;
        const double x = text.toDouble(&ok);
        if (ok)
            return QJsonValue(x);
        break;
    }
    case ParameterSpec::Type::Choice:
    case ParameterSpec::Type::Text:
        return QJsonValue(text);
    }
    return makeError(option, QStringLiteral("'%1' is not %2").arg(text, typeName(s.type)));
}

Result<QJsonObject> ParameterTable::parseArguments(QStringList &args, const QJsonObject &base) const
{
    QJsonObject values = base.isEmpty() ? defaults() : base;
    QStringList rest;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const ParameterSpec *spec = nullptr;
        bool negated = false;
        QString inlineValue;
        bool hasInline = false;
        if (a.startsWith(QLatin1String("--"))) {
            QString key = a.mid(2);
            if (const qsizetype eq = key.indexOf(QLatin1Char('=')); eq > 0) {
                inlineValue = key.mid(eq + 1);
                key.truncate(eq);
                hasInline = true;
            }
            spec = find(key);
            if (!spec && key.startsWith(QLatin1String("no-"))) {
                spec = find(key.mid(3));
                negated = spec && spec->type == ParameterSpec::Type::Bool && !hasInline;
                if (!negated)
                    spec = nullptr;
            }
        } else {
            for (const ParameterSpec &s : m_specs)
                if (!s.cliAlias.isEmpty() && s.cliAlias == a)
                    spec = &s;
        }
        if (!spec) {
            rest << a;
            continue;
        }
        QJsonValue v;
        if (spec->type == ParameterSpec::Type::Bool && !hasInline) {
            v = !negated;
        } else {
            QString text = inlineValue;
            if (!hasInline) {
                if (i + 1 >= args.size())
                    return makeError(a, QStringLiteral("needs a value (%1)").arg(typeName(spec->type)));
                text = args[++i];
            }
            auto parsed = parseValue(*spec, text);
            if (!parsed)
                return parsed.error();
            v = parsed.value();
        }
        if (const Status st = check(*spec, v, QStringLiteral("--") + spec->key); !st)
            return st.error();
        values.insert(spec->key, v);
    }
    args = rest;
    return validate(values, QStringLiteral("command line"));
}

QString ParameterTable::format(const ParameterSpec &s, const QJsonValue &v)
{
    QString text;
    switch (s.type) {
    case ParameterSpec::Type::Bool: text = v.toBool() ? QStringLiteral("on") : QStringLiteral("off"); break;
    case ParameterSpec::Type::Int: text = QString::number(v.toInteger()); break;
    case ParameterSpec::Type::Double: text = QString::number(v.toDouble(), 'g', 6); break;
    default: text = v.toString(); break;
    }
    return s.unit.isEmpty() ? text : text + QLatin1Char(' ') + s.unit;
}

QString ParameterTable::describe(const ParameterSpec &s)
{
    QStringList extra;
    if (s.type == ParameterSpec::Type::Choice)
        extra << s.choices.join(QLatin1Char('|'));
    if (const QString r = rangeText(s); !r.isEmpty())
        extra << r;
    extra << QStringLiteral("default %1").arg(format(s, s.defaultValue));
    return QStringLiteral("%1 (%2)").arg(QString::fromUtf8(s.help), extra.join(QStringLiteral(", ")));
}

QString ParameterTable::argumentHelp() const
{
    QString out;
    for (const ParameterSpec &s : m_specs) {
        QString name = QStringLiteral("--") + s.key;
        if (s.type == ParameterSpec::Type::Bool)
            name += QStringLiteral(" | --no-") + s.key;
        else
            name += QStringLiteral(" VALUE");
        if (!s.cliAlias.isEmpty())
            name = s.cliAlias + QStringLiteral(", ") + name;
        out += QStringLiteral("  %1\n      %2\n").arg(name, describe(s));
    }
    return out;
}

} // namespace photopeak
