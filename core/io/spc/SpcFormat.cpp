// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/spc/SpcFormat.h"

#include <QDate>
#include <QDateTime>
#include <QtEndian>

#include <cmath>
#include <cstring>

namespace photopeak::spc {

namespace {
constexpr int MaxChannels = 1 << 20;

quint16 word(QByteArrayView b, int index) { return qFromLittleEndian<quint16>(b.data() + 2 * index); }
float float32(QByteArrayView b, qsizetype offset) { return qFromLittleEndian<float>(b.data() + offset); }
double float64(QByteArrayView b, qsizetype offset) { return qFromLittleEndian<double>(b.data() + offset); }

// Byte offset of 1-based record `pointer`.
qsizetype recordOffset(quint16 pointer) { return (static_cast<qsizetype>(pointer) - 1) * RecordSize; }

QString recordText(QByteArrayView b, quint16 pointer)
{
    if (pointer == 0 || recordOffset(pointer) + RecordSize > b.size())
        return {};
    QByteArray s(b.data() + recordOffset(pointer), RecordSize);
    const qsizetype nul = s.indexOf('\0');
    if (nul >= 0)
        s.truncate(nul);
    return QString::fromLatin1(s).simplified();
}

QDateTime fromDays1979(double days)
{
    if (!std::isfinite(days) || days <= 0.0 || days > 200.0 * 366.0)
        return {};
    const qint64 ms = std::llround(days * 86400.0 * 1000.0);
    // Counted in UTC so that no daylight-saving rule applies, then taken as the instrument's local time.
    const QDateTime utc = QDateTime(QDate(1979, 1, 1), QTime(0, 0), Qt::UTC).addMSecs(ms);
    return QDateTime(utc.date(), utc.time());
}
} // namespace

bool looksLikeSpc(QByteArrayView head, qint64 fileSize)
{
    if (head.size() < RecordSize || fileSize < 2 * RecordSize)
        return false;
    const quint16 infoType = word(head, 0), fileType = word(head, 1);
    const quint16 spectrumRecord = word(head, 30), records = word(head, 31), channels = word(head, 32);
    return infoType == 1 && (fileType == 1 || fileType == 5) && spectrumRecord >= 2 && channels > 0
        && records == (static_cast<qsizetype>(channels) * 4 + RecordSize - 1) / RecordSize;
}

Result<Spectrum> parse(QByteArrayView bytes, const QString &path)
{
    if (bytes.size() < RecordSize)
        return makeError(path, QStringLiteral("truncated: %1 bytes, shorter than the 128-byte SPC header record").arg(bytes.size()),
                         unsigned(SpectrumProblem::Truncated));
    const quint16 infoType = word(bytes, 0), fileType = word(bytes, 1);
    if (infoType != 1 || (fileType != 1 && fileType != 5))
        return makeError(path, QStringLiteral("header words %1 %2 are not those of an ORTEC SPC file (1, then 1 or 5)")
                                   .arg(infoType)
                                   .arg(fileType),
                         unsigned(SpectrumProblem::Unreadable) | unsigned(SpectrumProblem::UnknownFormat));
    if (fileType == 5)
        return makeError(path, QStringLiteral("real-valued ORTEC SPC (file type 5) is not supported; only integer SPC is read"),
                         unsigned(SpectrumProblem::Unreadable));
    const quint16 spectrumRecord = word(bytes, 30), records = word(bytes, 31), channels = word(bytes, 32);
    if (spectrumRecord < 2 || channels == 0 || channels > MaxChannels)
        return makeError(path, QStringLiteral("header gives spectrum record %1 and %2 channels (damaged header)")
                                   .arg(spectrumRecord)
                                   .arg(channels),
                         unsigned(SpectrumProblem::Unreadable));
    if (static_cast<qsizetype>(records) * RecordSize < static_cast<qsizetype>(channels) * 4)
        return makeError(path, QStringLiteral("header gives %1 channels in %2 records of 128 bytes: they do not fit")
                                   .arg(channels)
                                   .arg(records),
                         unsigned(SpectrumProblem::Unreadable));
    const qsizetype first = recordOffset(spectrumRecord);
    const qsizetype needed = static_cast<qsizetype>(channels) * 4;
    if (first + needed > bytes.size())
        return makeError(path, QStringLiteral("truncated: %1 channels need bytes %2..%3 but the file has %4 bytes")
                                   .arg(channels)
                                   .arg(first)
                                   .arg(first + needed)
                                   .arg(bytes.size()),
                         unsigned(SpectrumProblem::Truncated));

    Spectrum s;
    s.sourcePath = path;
    s.counts.resize(channels);
    for (int i = 0; i < channels; ++i)
        s.counts[static_cast<size_t>(i)] = qFromLittleEndian<quint32>(bytes.data() + first + 4 * i);

    s.realTime = float32(bytes, 90);
    s.liveTime = float32(bytes, 94);
    s.startTime = fromDays1979(float64(bytes, 72));
    s.description = recordText(bytes, word(bytes, 5));
    s.detector = recordText(bytes, word(bytes, 6));

    const quint16 calibrationRecord = word(bytes, 17);
    const qsizetype cal = recordOffset(calibrationRecord);
    if (calibrationRecord == 0 || cal + 32 > bytes.size()) {
        s.problems.add(SpectrumProblem::MissingCalibration);
    } else {
        s.calibration = EnergyCalibration::quadratic(float32(bytes, cal + 20), float32(bytes, cal + 24), float32(bytes, cal + 28));
        if (s.calibration.degree() == 0)
            s.problems.add(SpectrumProblem::MissingCalibration);
    }
    s.checkValues();
    return s;
}

} // namespace photopeak::spc
