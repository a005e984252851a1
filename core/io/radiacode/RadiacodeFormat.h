// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/Spectrum.h"
#include "util/Result.h"

#include <QByteArrayView>
#include <QString>

#include <vector>

namespace photopeak::radiacode {

// The XML the RadiaCode app exports (BecqMoni-compatible "ResultDataFile", FormatVersion 120920):
// ResultDataFile / ResultDataList / ResultData* with StartTime, EndTime, DeviceConfigReference/Name and
// EnergySpectrum { NumberOfChannels, SpectrumName, Comment, SerialNumber,
// EnergyCalibration { PolynomialOrder, Coefficients/Coefficient* }, MeasurementTime, LiveTime?, Spectrum/DataPoint* }
// and optionally a BackgroundEnergySpectrum of the same structure. One Spectrum per EnergySpectrum; an embedded
// background becomes a second Spectrum after its measurement, labelled background (its role: SessionBackground
// uses only it from such a file). MeasurementTime (s) is the real time and, without LiveTime, the live time too (the
// device reports no dead time). StartTime: the first one of the ResultData (the measurement's); a StartTime inside
// a spectrum element is that spectrum's. Pulse data are not read.
inline constexpr qint64 MaxFileSize = qint64(256) << 20;
inline constexpr int MaxChannels = 1 << 20;

// True when `head` (the first bytes of a file) has the ResultDataFile root of this format.
bool looksLikeRadiacodeXml(QByteArrayView head);

// `path` names the file in errors and is stored as each spectrum's source.
Result<std::vector<Spectrum>> parse(QByteArrayView bytes, const QString &path);

} // namespace photopeak::radiacode
