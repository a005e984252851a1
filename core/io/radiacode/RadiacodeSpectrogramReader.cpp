// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/radiacode/RadiacodeSpectrogramReader.h"

#include "io/FileBytes.h"

#include <QFileInfo>
#include <QMap>
#include <QtEndian>

#include <cmath>
#include <cstring>

namespace photopeak {

namespace {
// Seconds between 1601-01-01 (FILETIME) and 1970-01-01.
constexpr qint64 FileTimeEpochOffsetS = 11644473600LL;
constexpr int MaxChannels = 65536;

QMap<QString, QString> headerFields(const QByteArray &line)
{
    QMap<QString, QString> fields;
    for (const QByteArray &part : line.split('\t')) {
        const qsizetype colon = part.indexOf(": ");
        const qsizetype bare = part.endsWith(':') ? part.size() - 1 : -1;  // "Comment:" with nothing after it
        if (colon > 0)
            fields.insert(QString::fromUtf8(part.left(colon)).trimmed(), QString::fromUtf8(part.mid(colon + 2)).trimmed());
        else if (bare > 0)
            fields.insert(QString::fromUtf8(part.left(bare)).trimmed(), QString());
    }
    return fields;
}

QDateTime fromFileTime(qint64 fileTime, int offsetSeconds)
{
    const qint64 ms = fileTime / 10000 - FileTimeEpochOffsetS * 1000;
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::OffsetFromUTC, offsetSeconds);
}
} // namespace

int RadiacodeSpectrogramReader::confidence(const QString &path, qint64 fileSize, QByteArrayView head) const
{
    if (fileSize > MaxFileSize)
        return 0;
    const bool magic = head.startsWith("Spectrogram:");
    const bool suffix = QFileInfo(path).suffix().compare(QLatin1String("rcspg"), Qt::CaseInsensitive) == 0;
    return magic ? (suffix ? 100 : 90) : 0;
}

Result<std::vector<Spectrum>> RadiacodeSpectrogramReader::read(const QString &path) const
{
    QByteArray bytes;
    if (auto ok = readFileBytes(path, bytes, MaxFileSize); !ok)
        return ok.error();
    return parse(bytes, path);
}

Result<std::vector<Spectrum>> RadiacodeSpectrogramReader::readBytes(QByteArrayView bytes, const QString &name) const
{
    if (bytes.size() > MaxFileSize)
        return makeError(name, QStringLiteral("larger than %1 MiB: not read").arg(MaxFileSize >> 20));
    return parse(bytes.toByteArray(), name);
}

Result<std::vector<Spectrum>> RadiacodeSpectrogramReader::parse(const QByteArray &bytes, const QString &path)
{
    const QList<QByteArray> lines = bytes.split('\n');
    if (lines.size() < 2 || !lines[0].startsWith("Spectrogram:"))
        return makeError(path, QStringLiteral("not a RadiaCode spectrogram (no \"Spectrogram:\" header line)"));
    const QMap<QString, QString> header = headerFields(lines[0].trimmed());
    bool ok = false;
    const int channels = header.value(QStringLiteral("Channels")).toInt(&ok);
    if (!ok || channels <= 0 || channels > MaxChannels)
        return makeError(path, QStringLiteral("header: \"Channels\" missing or not a channel count"));
    const qint64 startFileTime = header.value(QStringLiteral("Timestamp")).toLongLong();
    // The header's "Time" is the instrument's local time of the same instant as "Timestamp" (UTC): their
    // difference, to the quarter hour, is the instrument's time zone.
    int offsetSeconds = 0;
    const QDateTime local = QDateTime::fromString(header.value(QStringLiteral("Time")), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (local.isValid() && startFileTime > 0) {
        QDateTime asUtc = local;
        asUtc.setTimeSpec(Qt::UTC);
        const qint64 diff = asUtc.toSecsSinceEpoch() - (startFileTime / 10000000 - FileTimeEpochOffsetS);
        offsetSeconds = int(std::lround(double(diff) / 900.0) * 900);
        if (std::abs(offsetSeconds) > 14 * 3600)
            offsetSeconds = 0;
    }

    // Line 2: the accumulated spectrum before the recording; only its calibration is used.
    const QByteArray spectrumLine = lines[1].trimmed();
    if (!spectrumLine.startsWith("Spectrum:"))
        return makeError(path, QStringLiteral("line 2: \"Spectrum:\" line with the calibration missing"));
    const QByteArray raw = QByteArray::fromHex(spectrumLine.mid(9).replace(' ', QByteArray()));
    if (raw.size() < 16)
        return makeError(path, QStringLiteral("line 2: too short for the energy calibration"));
    float coefficients[3];
    for (int i = 0; i < 3; ++i) {
        const quint32 bits = qFromLittleEndian<quint32>(raw.constData() + 4 + 4 * i);
        std::memcpy(&coefficients[i], &bits, sizeof bits);
        if (!std::isfinite(coefficients[i]))
            return makeError(path, QStringLiteral("line 2: energy calibration coefficient %1 is not a number").arg(i));
    }
    const EnergyCalibration calibration = EnergyCalibration::quadratic(coefficients[0], coefficients[1], coefficients[2]);
    const QString name = header.value(QStringLiteral("Spectrogram"));
    const QString comment = header.value(QStringLiteral("Comment"));

    std::vector<Spectrum> out;
    for (qsizetype l = 2; l < lines.size(); ++l) {
        const QByteArray line = lines[l].trimmed();
        if (line.isEmpty())
            continue;
        const QList<QByteArray> fields = line.split('\t');
        const auto bad = [&](const QString &what) {
            return makeError(path, QStringLiteral("line %1 (interval %2): %3").arg(l + 1).arg(out.size()).arg(what));
        };
        if (fields.size() < 2)
            return bad(QStringLiteral("no time and duration"));
        bool okTime = false, okDuration = false;
        const qint64 fileTime = fields[0].toLongLong(&okTime);
        const double duration = fields[1].toDouble(&okDuration);
        if (!okTime || !okDuration || !(duration >= 0.0) || !std::isfinite(duration))
            return bad(QStringLiteral("time or duration is not a number"));
        if (fields.size() - 2 > channels)
            return bad(QStringLiteral("%1 counts for %2 channels").arg(fields.size() - 2).arg(channels));
        Spectrum s;
        s.counts.assign(size_t(channels), 0.0);
        for (qsizetype c = 2; c < fields.size(); ++c) {
            bool okCount = false;
            const qlonglong v = fields[c].toLongLong(&okCount);
            if (!okCount || v < 0)
                return bad(QStringLiteral("count of channel %1 is not a whole number >= 0").arg(c - 2));
            s.counts[size_t(c - 2)] = double(v);
        }
        s.liveTime = s.realTime = duration;
        s.startTime = fromFileTime(fileTime, offsetSeconds);
        s.calibration = calibration;
        s.detector = header.value(QStringLiteral("Device serial"));
        s.description = comment.isEmpty() ? name : name + QStringLiteral(" — ") + comment;
        s.sourcePath = path;
        s.indexInSource = static_cast<int>(out.size());
        s.checkValues();
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace photopeak
