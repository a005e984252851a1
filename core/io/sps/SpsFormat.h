// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/Spectrum.h"
#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace photopeak::sps {

// Binary .sps of the Xenon Gamma-Detector (methods.md 1.1): 1024-byte little-endian header, int32 counts.
inline constexpr qsizetype HeaderSize = 1024;
inline constexpr int MaxChannels = 32767;
// Calibration the old tool substitutes when the file's slope is 0.
inline constexpr double DefaultSlope = 1.317870020866394;
inline constexpr double DefaultOffset = 0.1251399964094162;

// Parse one file's bytes. `path` names the file in error messages and is stored in the spectrum.
Result<Spectrum> parse(QByteArrayView bytes, const QString &path);
// What batch analysis needs of a file, without building a Spectrum: counts point into `bytes`
// (valid while they live). Same validation as parse().
struct AnalysisView {
    int channels = 0;
    const qint32 *counts = nullptr;
    EnergyCalibration calibration;
    double liveTime = 0.0;
    bool allZero = false;
    bool missingCalibration = false;
};
Result<AnalysisView> parseAnalysisHeader(QByteArrayView bytes, const QString &path = {});

// Serialise; keeps rawHeader bytes the format does not interpret. Fails for calibrations of degree > 1,
// counts that are not whole numbers in int32 range, or more than MaxChannels channels.
Result<QByteArray> serialize(const Spectrum &spectrum);
// Size a file with `channels` channels must have.
constexpr qsizetype fileSize(int channels) { return HeaderSize + 4 * static_cast<qsizetype>(channels); }

} // namespace photopeak::sps
