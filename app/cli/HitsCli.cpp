// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "HitsCli.h"

#include "CliOutput.h"

#include "hits/HitFeatureExtractor.h"

using namespace photopeak;

HitsCli::HitsCli(QString command)
    : m_command(std::move(command)),
      m_labels(QStringLiteral("labels"), QStringLiteral("Label table (id,class,...) for a folder; default <folder>/labels.csv."), QStringLiteral("CSV")),
      m_threshold(QStringLiteral("threshold"), QStringLiteral("Brightness threshold: otsu (default) or fixed."), QStringLiteral("METHOD"), QStringLiteral("otsu")),
      m_level(QStringLiteral("level"), QStringLiteral("Grey level of the fixed threshold (default 70)."), QStringLiteral("N"), QStringLiteral("70")),
      m_minLevel(QStringLiteral("min-level"), QStringLiteral("Lowest Otsu level (default 20)."), QStringLiteral("N"), QStringLiteral("20")),
      m_size(QStringLiteral("size"), QStringLiteral("Crop size in pixels (default: the first crop's)."), QStringLiteral("N"), QStringLiteral("0"))
{
}

void HitsCli::addCollectionOptions(QCommandLineParser &parser)
{
    parser.addOptions({m_labels, m_threshold, m_level, m_minLevel, m_size});
}

bool HitsCli::readThreshold(const QCommandLineParser &parser, ThresholdOptions *out) const
{
    if (!ThresholdOptions::parseMethod(parser.value(m_threshold), &out->method)) {
        cliErr() << prefix() << "--threshold must be otsu or fixed\n";
        return false;
    }
    bool ok1 = false, ok2 = false;
    out->fixedLevel = parser.value(m_level).toInt(&ok1);
    out->minimumLevel = parser.value(m_minLevel).toInt(&ok2);
    if (!ok1 || !ok2 || out->fixedLevel < 0 || out->fixedLevel > 254 || out->minimumLevel < 0 || out->minimumLevel > 254) {
        cliErr() << prefix() << "--level and --min-level take grey levels 0..254\n";
        return false;
    }
    return true;
}

std::optional<HitCollection> HitsCli::open(const QString &path, const QCommandLineParser &parser)
{
    HitReadOptions o;
    o.labelsCsv = parser.value(m_labels);
    o.expectedSize = parser.value(m_size).toInt();
    auto c = HitCollection::open(path, o);
    if (!c) {
        cliErr() << prefix() << c.error().toString() << "\n";
        cliErr().flush();
        ++m_problems;
        return std::nullopt;
    }
    for (const Error &e : c->problems())
        cliErr() << "skipped " << e.toString() << "\n";
    m_problems += int(c->problems().size());
    cliErr().flush();
    return std::move(*c);
}

FeatureMatrix HitsCli::features(const HitCollection &c, const ThresholdOptions &t) const
{
    return HitFeatureExtractor::table(c.hits(), t);
}
