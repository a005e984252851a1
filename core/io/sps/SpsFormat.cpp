// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/sps/SpsFormat.h"

#include "util/Cp1251.h"

#include <QtEndian>

#include <cmath>
#include <cstring>

namespace photopeak::sps {

namespace {
// Byte offsets of the header fields (methods.md 1.1).
constexpr qsizetype OffChannels = 0, OffDescription = 2, OffStart = 274, OffLiveInt = 301, OffRealInt = 305,
                    OffDistance = 342, OffCalCopy = 356, OffCalSlope = 440, OffCalOffset = 444,
                    OffLiveF64 = 448, OffRealF64 = 456;
constexpr int MaxDescriptionBytes = 63;

template <typename T>
T load(const char *base, qsizetype offset)
{
    T v;
    std::memcpy(&v, base + offset, sizeof v);
    return qFromLittleEndian(v);
}

template <typename T>
void store(char *base, qsizetype offset, T value)
{
    const T le = qToLittleEndian(value);
    std::memcpy(base + offset, &le, sizeof le);
}

unsigned problemBits(SpectrumProblem p) { return static_cast<unsigned>(p); }
} // namespace

namespace {
Status checkSize(QByteArrayView bytes, const QString &path)
{
    if (bytes.size() < HeaderSize)
        return makeError(path, QStringLiteral("truncated: %1 bytes, shorter than the 1024-byte .sps header")
                                   .arg(bytes.size()), problemBits(SpectrumProblem::Truncated));
    const char *p = bytes.data();
    const int channels = load<qint16>(p, OffChannels);
    if (channels <= 0)
        return makeError(path, QStringLiteral("header gives %1 channels (the header is empty or damaged)").arg(channels),
                         problemBits(SpectrumProblem::Unreadable));
    const qsizetype expected = fileSize(channels);
    if (bytes.size() < expected)
        return makeError(path, QStringLiteral("truncated: header gives %1 channels (%2 bytes) but the file has %3 bytes")
                                   .arg(channels).arg(expected).arg(bytes.size()),
                         problemBits(SpectrumProblem::Truncated));
    if (bytes.size() > expected)
        return makeError(path, QStringLiteral("%1 bytes where an .sps with %2 channels has %3: not an .sps file or damaged")
                                   .arg(bytes.size()).arg(channels).arg(expected),
                         problemBits(SpectrumProblem::Unreadable));
    return Ok{};
}

double liveTimeOf(const char *p)
{
    const double liveF = load<double>(p, OffLiveF64);
    return std::isfinite(liveF) && liveF > 0.0 ? liveF : static_cast<double>(load<qint32>(p, OffLiveInt));
}
} // namespace

Result<AnalysisView> parseAnalysisHeader(QByteArrayView bytes, const QString &path)
{
    static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "the batch path reads little-endian counts in place");
    if (auto ok = checkSize(bytes, path); !ok)
        return ok.error();
    const char *p = bytes.data();
    AnalysisView v;
    v.channels = load<qint16>(p, OffChannels);
    v.counts = reinterpret_cast<const qint32 *>(p + HeaderSize);
    v.liveTime = liveTimeOf(p);
    const float slope = load<float>(p, OffCalSlope), offset = load<float>(p, OffCalOffset);
    v.missingCalibration = slope == 0.0f;
    v.calibration = v.missingCalibration ? EnergyCalibration::linear(DefaultSlope, DefaultOffset)
                                         : EnergyCalibration::linear(slope, offset);
    qint32 any = 0;
    for (int i = 0; i < v.channels; ++i)
        any |= v.counts[i];
    v.allZero = any == 0;
    return v;
}

Result<Spectrum> parse(QByteArrayView bytes, const QString &path)
{
    if (auto ok = checkSize(bytes, path); !ok)
        return ok.error();
    const char *p = bytes.data();
    const int channels = load<qint16>(p, OffChannels);

    Spectrum s;
    s.sourcePath = path;
    s.rawHeader = QByteArray(p, HeaderSize);
    const int descLen = std::min<int>(static_cast<unsigned char>(p[OffDescription]), MaxDescriptionBytes);
    s.description = decodeCp1251(QByteArrayView(p + OffDescription + 1, descLen)).trimmed();

    const int year = load<quint16>(p, OffStart), month = load<quint16>(p, OffStart + 2),
              day = load<quint16>(p, OffStart + 4), hour = load<quint16>(p, OffStart + 6),
              minute = load<quint16>(p, OffStart + 8), second = load<quint16>(p, OffStart + 10);
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (date.isValid() && time.isValid())
        s.startTime = QDateTime(date, time);

    const double realF = load<double>(p, OffRealF64);
    const int realI = load<qint32>(p, OffRealInt);
    s.liveTime = liveTimeOf(p);
    s.realTime = std::isfinite(realF) && realF > 0.0 ? realF : static_cast<double>(realI);
    const float distance = load<float>(p, OffDistance);
    s.distanceCm = std::isfinite(distance) ? distance : 0.0;
    if (s.distanceCm == 0.0)
        s.problems.add(SpectrumProblem::UnknownDistance);

    const float slope = load<float>(p, OffCalSlope), offset = load<float>(p, OffCalOffset);
    if (slope == 0.0f) {
        s.calibration = EnergyCalibration::linear(DefaultSlope, DefaultOffset);
        s.problems.add(SpectrumProblem::MissingCalibration);
    } else {
        s.calibration = EnergyCalibration::linear(slope, offset);
    }

    s.counts.resize(static_cast<size_t>(channels));
    const char *c = p + HeaderSize;
    for (int i = 0; i < channels; ++i)
        s.counts[static_cast<size_t>(i)] = load<qint32>(c, 4 * static_cast<qsizetype>(i));
    s.checkValues();
    return s;
}

Result<QByteArray> serialize(const Spectrum &s)
{
    const QString name = s.sourcePath.isEmpty() ? QStringLiteral("spectrum") : s.sourcePath;
    const int channels = s.channelCount();
    if (channels <= 0 || channels > MaxChannels)
        return makeError(name, QStringLiteral(".sps holds 1..%1 channels, the spectrum has %2").arg(MaxChannels).arg(channels));
    if (s.calibration.degree() > 1)
        return makeError(name, QStringLiteral(".sps stores a linear calibration only; this one is %1")
                                   .arg(s.calibration.toString()));
    for (double v : s.counts)
        if (!std::isfinite(v) || v != std::round(v) || std::abs(v) > 2147483647.0)
            return makeError(name, QStringLiteral(".sps stores whole counts in int32; found %1").arg(v));

    QByteArray out(fileSize(channels), '\0');
    char *p = out.data();
    if (s.rawHeader.size() == HeaderSize)
        std::memcpy(p, s.rawHeader.constData(), HeaderSize);
    store<qint16>(p, OffChannels, static_cast<qint16>(channels));

    // Bytes after the string's length are left-overs of earlier descriptions in real files: keep them when
    // the description is unchanged, so that a copy is byte-identical.
    const bool descriptionUnchanged = s.rawHeader.size() == HeaderSize
        && decodeCp1251(QByteArrayView(p + OffDescription + 1,
                                       std::min<int>(static_cast<unsigned char>(p[OffDescription]), MaxDescriptionBytes)))
                   .trimmed() == s.description;
    if (!descriptionUnchanged) {
        const QByteArray desc = encodeCp1251(s.description).left(MaxDescriptionBytes);
        std::memset(p + OffDescription, 0, MaxDescriptionBytes + 1);
        p[OffDescription] = static_cast<char>(desc.size());
        std::memcpy(p + OffDescription + 1, desc.constData(), static_cast<size_t>(desc.size()));
    }

    const QDate d = s.startTime.date();
    const QTime t = s.startTime.time();
    const bool hasStart = s.startTime.isValid();
    const quint16 fields[6] = {quint16(hasStart ? d.year() : 0), quint16(hasStart ? d.month() : 0),
                               quint16(hasStart ? d.day() : 0),  quint16(hasStart ? t.hour() : 0),
                               quint16(hasStart ? t.minute() : 0), quint16(hasStart ? t.second() : 0)};
    for (int i = 0; i < 6; ++i)
        store<quint16>(p, OffStart + 2 * i, fields[i]);

    store<qint32>(p, OffLiveInt, static_cast<qint32>(std::llround(s.liveTime)));
    store<qint32>(p, OffRealInt, static_cast<qint32>(std::llround(s.realTime)));
    store<double>(p, OffLiveF64, s.liveTime);
    store<double>(p, OffRealF64, s.realTime);
    store<float>(p, OffDistance, static_cast<float>(s.distanceCm));

    // A file read with slope 0 got the default calibration substituted: write the slope 0 back.
    const bool keepMissing = s.problems.has(SpectrumProblem::MissingCalibration)
        && s.calibration == EnergyCalibration::linear(DefaultSlope, DefaultOffset);
    const float slope = keepMissing ? 0.0f : static_cast<float>(s.calibration.slope());
    const float offset = keepMissing && s.rawHeader.size() == HeaderSize
        ? load<float>(s.rawHeader.constData(), OffCalOffset)
        : (keepMissing ? 0.0f : static_cast<float>(s.calibration.offset()));
    for (qsizetype off : {OffCalCopy, OffCalSlope}) {
        store<float>(p, off, slope);
        store<float>(p, off + 4, offset);
    }
    char *c = p + HeaderSize;
    for (int i = 0; i < channels; ++i)
        store<qint32>(c, 4 * static_cast<qsizetype>(i), static_cast<qint32>(s.counts[static_cast<size_t>(i)]));
    return out;
}

} // namespace photopeak::sps
