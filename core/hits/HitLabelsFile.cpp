// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitLabelsFile.h"

#include "io/AtomicFile.h"
#include "io/FileBytes.h"

#include <QStringList>

namespace photopeak {

namespace {
QString unquote(QString s)
{
    s = s.trimmed();
    if (s.size() >= 2 && s.startsWith(QLatin1Char('"')) && s.endsWith(QLatin1Char('"')))
        s = s.mid(1, s.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\""));
    return s;
}

QString quoted(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    return QLatin1Char('"') + QString(s).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + QLatin1Char('"');
}
} // namespace

Result<QHash<QString, HitLabelsFile::Row>> HitLabelsFile::read(const QString &path)
{
    QByteArray bytes;
    const Status st = readFileBytes(path, bytes, 512ll * 1024 * 1024);
    if (!st)
        return st.error();
    const QStringList lines = QString::fromUtf8(bytes).split(QLatin1Char('\n'));
    if (lines.isEmpty() || lines.front().trimmed().isEmpty())
        return makeError(path, QStringLiteral("empty label table (expected a header line with id and class)"));
    QStringList header;
    for (const QString &h : lines.front().split(QLatin1Char(',')))
        header << unquote(h).toLower();
    const int idCol = header.indexOf(QStringLiteral("id"));
    int classCol = header.indexOf(QStringLiteral("class"));
    if (classCol < 0)
        classCol = header.indexOf(QStringLiteral("label"));
    if (idCol < 0)
        return makeError(path, QStringLiteral("no 'id' column in the header '%1'").arg(lines.front().trimmed()));
    const int deviceCol = header.indexOf(QStringLiteral("device_id")) >= 0 ? header.indexOf(QStringLiteral("device_id"))
                                                                            : header.indexOf(QStringLiteral("device"));
    const int fw = header.indexOf(QStringLiteral("frame_width")), fh = header.indexOf(QStringLiteral("frame_height"));
    const int xc = header.indexOf(QStringLiteral("x")), yc = header.indexOf(QStringLiteral("y"));
    int tc = header.indexOf(QStringLiteral("timestamp_ms"));
    if (tc < 0)
        tc = header.indexOf(QStringLiteral("timestamp"));

    QHash<QString, Row> rows;
    for (int i = 1; i < lines.size(); ++i) {
        if (lines[i].trimmed().isEmpty())
            continue;
        QStringList f;
        for (const QString &c : lines[i].split(QLatin1Char(',')))
            f << unquote(c);
        if (f.size() != header.size())
            return makeError(path, QStringLiteral("line %1 has %2 fields, the header %3").arg(i + 1).arg(f.size()).arg(header.size()));
        auto num = [&](int col, qint64 fallback) -> qint64 {
            bool ok = false;
            const qint64 v = col >= 0 ? f[col].toLongLong(&ok) : 0;
            return ok ? v : fallback;
        };
        Row r;
        r.label = classCol >= 0 ? f[classCol] : QString();
        r.device = deviceCol >= 0 ? f[deviceCol] : QString();
        r.timestampMs = num(tc, -1);
        r.frameX = int(num(xc, -1));
        r.frameY = int(num(yc, -1));
        r.frameWidth = int(num(fw, 0));
        r.frameHeight = int(num(fh, 0));
        rows.insert(f[idCol], r);
    }
    return rows;
}

void HitLabelsFile::apply(const Row &row, Hit &hit)
{
    if (!row.label.isEmpty())
        hit.label = row.label;
    if (!row.device.isEmpty())
        hit.device = row.device;
    if (row.timestampMs >= 0)
        hit.timestampMs = row.timestampMs;
    if (row.frameX >= 0)
        hit.frameX = row.frameX;
    if (row.frameY >= 0)
        hit.frameY = row.frameY;
    if (row.frameWidth > 0) {
        hit.frameWidth = row.frameWidth;
        hit.frameHeight = row.frameHeight;
    }
}

Status HitLabelsFile::writeLabels(const QString &path, const std::vector<Hit> &hits)
{
    QByteArray out = "id,class\n";
    for (const Hit &h : hits)
        if (!h.label.isEmpty())
            out += (quoted(h.id) + QLatin1Char(',') + quoted(h.label) + QLatin1Char('\n')).toUtf8();
    return writeFileAtomically(path, out);
}

} // namespace photopeak
