// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/Spectrum.h"
#include "util/Result.h"

#include <QByteArrayView>
#include <QString>

namespace photopeak::spc {

// ORTEC integer SPC, read only: 128-byte records, little-endian. First record (16-bit words, 0-based):
// w0 = 1 (INFTYP), w1 = 1 (FILTYP integer; 5 = real counts, not read), w5 sample description record,
// w6 detector description record, w17 calibration coefficients record (offset, slope, quadratic as float32 at
// +20, +24, +28), w30 first spectrum record, w31 spectrum record count, w32 channel count;
// double at byte 72 = start (days since 1979-01-01), float32 at byte 90 = real time, at byte 94 = live time (s).
// Counts are uint32 from the first spectrum record. Record pointers count from 1.
// Not read: ROIs, analysis, efficiency and nuclide records, the FWHM calibration, text geolocation.
inline constexpr qint64 MaxFileSize = qint64(64) << 20;
inline constexpr qsizetype RecordSize = 128;

bool looksLikeSpc(QByteArrayView head, qint64 fileSize);
Result<Spectrum> parse(QByteArrayView bytes, const QString &path);

} // namespace photopeak::spc
