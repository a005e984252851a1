// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitFeatureCsv.h"

#include "hits/HitFeatureExtractor.h"
#include "io/AtomicFile.h"

namespace photopeak {

namespace {
QString field(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    return QLatin1Char('"') + QString(s).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + QLatin1Char('"');
}
} // namespace

QByteArray HitFeatureCsv::format(const std::vector<Hit> &hits, const FeatureMatrix &features,
                                 const QStringList &extraNames, const FeatureMatrix *extra)
{
    QStringList header{QStringLiteral("id"), QStringLiteral("source"), QStringLiteral("label"), QStringLiteral("device"),
                       QStringLiteral("timestamp_ms"), QStringLiteral("flags"), QStringLiteral("cluster")};
    header << HitFeatureExtractor::names() << extraNames;
    QByteArray out = header.join(QLatin1Char(',')).toUtf8() + '\n';
    for (size_t i = 0; i < hits.size(); ++i) {
        const Hit &h = hits[i];
        QStringList row{field(h.id), field(h.source), field(h.label), field(h.device), QString::number(h.timestampMs),
                        QString::number(h.flags), QString::number(h.cluster)};
        for (int c = 0; c < features.cols; ++c)
            row << QString::number(features.at(int(i), c), 'g', 8);
        if (extra)
            for (int c = 0; c < extra->cols; ++c)
                row << QString::number(extra->at(int(i), c), 'g', 6);
        out += row.join(QLatin1Char(',')).toUtf8() + '\n';
    }
    return out;
}

Status HitFeatureCsv::write(const QString &path, const std::vector<Hit> &hits, const FeatureMatrix &features,
                            const QStringList &extraNames, const FeatureMatrix *extra)
{
    return writeFileAtomically(path, format(hits, features, extraNames, extra));
}

} // namespace photopeak
