// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "live/AlarmLog.h"

#include "io/AtomicFile.h"

#include <algorithm>

namespace photopeak {

namespace {
QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    QString q = s;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toString(Qt::ISODateWithMs) : QString();
}
} // namespace

int AlarmLog::raise(AlarmRecord record)
{
    record.id = m_records.empty() ? 1 : m_records.back().id + 1;
    record.peakSigma = std::max(record.peakSigma, record.sigma);
    record.intervals = std::max(record.intervals, 1);
    m_records.push_back(std::move(record));
    return m_records.back().id;
}

AlarmRecord *AlarmLog::findMutable(int id)
{
    for (AlarmRecord &r : m_records)
        if (r.id == id)
            return &r;
    return nullptr;
}

const AlarmRecord *AlarmLog::find(int id) const { return const_cast<AlarmLog *>(this)->findMutable(id); }

void AlarmLog::update(int id, double sigma, bool alarming)
{
    if (AlarmRecord *r = findMutable(id)) {
        r->peakSigma = std::max(r->peakSigma, sigma);
        r->intervals += alarming ? 1 : 0;
    }
}

void AlarmLog::clear(int id, const QDateTime &at)
{
    if (AlarmRecord *r = findMutable(id))
        r->clearedAt = at;
}

QByteArray AlarmLog::toCsv() const
{
    QString out = QStringLiteral("id,raised,cleared,measured,file,isotopes,trigger,sigma,peak_sigma,excess_cps,background_cps,intervals\n");
    for (const AlarmRecord &r : m_records)
        out += QStringList{QString::number(r.id), isoTime(r.raisedAt), isoTime(r.clearedAt), isoTime(r.measuredAt),
                           csvField(r.file), csvField(r.isotopes.join(QLatin1Char(';'))), csvField(r.trigger),
                           QString::number(r.sigma, 'f', 2), QString::number(r.peakSigma, 'f', 2),
                           QString::number(r.excessCps, 'f', 2), QString::number(r.backgroundCps, 'f', 2),
                           QString::number(r.intervals)}
                   .join(QLatin1Char(','))
               + QLatin1Char('\n');
    return out.toUtf8();
}

Status AlarmLog::save(const QString &path) const { return writeFileAtomically(path, toCsv(), OutputKind::table()); }

} // namespace photopeak
