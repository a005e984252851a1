// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

// Writes RadiaCode spectrogram (.rcspg) text in the layout of the RadiaCode app / radiacode-tools, for tests
// that turn real measured spectra (../shared/data) into a spectrogram: header line, "Spectrum:" line with the
// calibration, one line per interval.

#include "spectrum/Spectrum.h"

#include <QByteArray>
#include <QDateTime>
#include <QtEndian>

#include <cstring>

namespace photopeak::testdata {

// 100 ns ticks since 1601-01-01 UTC.
inline qint64 fileTime(const QDateTime &utc) { return (utc.toMSecsSinceEpoch() + 11644473600000LL) * 10000; }

// Header and calibration line; `start` in UTC, the header's local "Time" `offsetS` ahead of it.
inline QByteArray spectrogramHead(const Spectrum &calibrationOf, const QDateTime &start, int offsetS, int channels)
{
    QByteArray h = "Spectrogram: test\tTime: " + start.addSecs(offsetS).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")).toUtf8()
                   + "\tTimestamp: " + QByteArray::number(fileTime(start)) + "\tAccumulation time: 0\tChannels: "
                   + QByteArray::number(channels) + "\tDevice serial: RC-102-000115\tFlags: 1\tComment: \n";
    QByteArray raw(4 * (4 + channels), '\0');
    const auto &c = calibrationOf.calibration.coefficients();
    for (int i = 0; i < 3; ++i) {
        const float f = float(c[size_t(i)]);
        quint32 bits;
        std::memcpy(&bits, &f, sizeof bits);
        qToLittleEndian(bits, raw.data() + 4 + 4 * i);
    }
    return h + "Spectrum: " + raw.toHex(' ').toUpper() + '\n';
}

// One interval line: counts (trailing zero channels left out, as radiacode-tools does).
inline QByteArray spectrogramLine(const Spectrum &s, const QDateTime &start, int durationS)
{
    qsizetype last = qsizetype(s.counts.size());
    while (last > 0 && s.counts[size_t(last - 1)] == 0.0)
        --last;
    QByteArray line = QByteArray::number(fileTime(start)) + '\t' + QByteArray::number(durationS);
    for (qsizetype i = 0; i < last; ++i)
        line += '\t' + QByteArray::number(qint64(s.counts[size_t(i)]));
    return line + '\n';
}

} // namespace photopeak::testdata
