// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitCollection.h"

#include "hits/CredoJsonReader.h"
#include "hits/HitFolderReader.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace photopeak {

Result<HitCollection> HitCollection::open(const QString &path, const HitReadOptions &options)
{
    const QFileInfo info(path);
    if (!info.exists())
        return makeError(path, QStringLiteral("does not exist"));
    if (info.isDir())
        return HitFolderReader::read(path, options);
    if (info.suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0)
        return CredoJsonReader::read(path, options);
    return makeError(path, QStringLiteral("not a folder of crops or a CREDO detection export (.json)"));
}

void HitCollection::addCrop(Hit hit, int *size)
{
    const HitImage &im = hit.image;
    if (*size == 0)
        *size = im.width;
    if (im.width != *size || im.height != *size) {
        addProblem(makeError(hit.source, QStringLiteral("crop is %1 x %2 pixels; this collection's crops are %3 x %3")
                                             .arg(im.width).arg(im.height).arg(*size)));
        return;
    }
    m_hits.push_back(std::move(hit));
}

QStringList HitCollection::classNames() const
{
    QSet<QString> seen;
    for (const Hit &h : m_hits)
        if (!h.label.isEmpty())
            seen.insert(h.label);
    QStringList out(seen.begin(), seen.end());
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<int> HitCollection::labelIndices(const QStringList &classes) const
{
    std::vector<int> out;
    out.reserve(m_hits.size());
    for (const Hit &h : m_hits)
        out.push_back(h.label.isEmpty() ? -1 : int(classes.indexOf(h.label)));
    return out;
}

std::vector<int> HitCollection::groups() const
{
    QHash<QString, int> ids;
    std::vector<int> out;
    out.reserve(m_hits.size());
    for (const Hit &h : m_hits) {
        const qint64 day = h.timestampMs >= 0 ? h.timestampMs / 86400000 : -1;
        const QString key = h.deviceKey() + QLatin1Char('|') + QString::number(day);
        auto it = ids.constFind(key);
        if (it == ids.constEnd())
            it = ids.insert(key, int(ids.size()));
        out.push_back(it.value());
    }
    return out;
}

} // namespace photopeak
