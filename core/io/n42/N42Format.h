// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/Spectrum.h"
#include "util/Result.h"

#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace photopeak::n42 {

// ANSI N42.42 XML, both editions:
// - N42-2006 (root N42InstrumentData): Measurement / DetectorData / DetectorMeasurement / SpectrumMeasurement /
//   Spectrum with RealTime, LiveTime, Calibration Type="Energy" (Equation Model="Polynomial", Coefficients,
//   EnergyUnits keV or MeV; or a document-level Calibration linked by the spectrum's CalibrationIDs) and
//   ChannelData (Compression="CountedZeroes" or none). Start and real time may come from the enclosing
//   DetectorData / Measurement; ItemToDetectorDistance gives the distance.
// - N42-2012 (root RadInstrumentData): RadMeasurement (StartDateTime, RealTimeDuration, MeasurementClassCode,
//   Remark) / Spectrum (LiveTimeDuration, ChannelData compressionCode="CountedZeroes" or "None",
//   energyCalibrationReference -> document-level EnergyCalibration / CoefficientValues,
//   radDetectorInformationReference -> detector name).
// One Spectrum per <Spectrum> element (detector and measurement), in document order. Elements of other
// namespaces (prefixed, e.g. InterSpec's DHS:InterSpec), DerivedData and AnalysisResults are skipped.
enum class Edition { None, N42_2006, N42_2012 };

inline constexpr qint64 MaxFileSize = qint64(512) << 20;
inline constexpr int MaxChannels = 1 << 20;

// The edition named by the root element of `head` (the first bytes of a file); None if it is not N42.
Edition editionOf(QByteArrayView head);

// ISO 8601 duration as N42 writes it ("PT640.5S", "PT10M", "P1DT2H3M4.5S") in seconds; nullopt if malformed.
std::optional<double> parseDuration(QStringView text);

// Channel values of a ChannelData text; with `countedZeroes` a 0 is followed by the number of zero channels
// it stands for. Returns the values, or an error message (without the file name).
Result<std::vector<double>> decodeChannelData(QStringView text, bool countedZeroes);

// All spectra of one file. `path` names the file in errors and is stored as each spectrum's source.
Result<std::vector<Spectrum>> parse(QByteArrayView bytes, const QString &path);

} // namespace photopeak::n42
