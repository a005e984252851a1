// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "io/SpectrumReader.h"

namespace photopeak {

// RadiaCode spectrograms (.rcspg, written by the RadiaCode app and radiacode-tools): a time series of spectra.
// Line 1: tab-separated "Key: value" fields (Spectrogram name, Time, Timestamp, Accumulation time, Channels,
// Device serial, Flags, Comment). Line 2: "Spectrum:" and hex bytes of the accumulated spectrum before the
// recording (uint32 seconds, three float32 calibration coefficients, uint32 counts), whose calibration applies
// to every interval. Then one line per interval: Windows FILETIME (100 ns since 1601, UTC), duration in
// seconds, and the counts of that interval (trailing zero channels may be left out). Each interval is one
// spectrum (indexInSource = interval number); the file grows by lines while the instrument records, so a
// watched spectrogram delivers each new interval (docs/live.md).
class RadiacodeSpectrogramReader final : public SpectrumReader {
public:
    static constexpr qint64 MaxFileSize = qint64(1) << 30;

    QString formatName() const override { return QStringLiteral("RadiaCode spectrogram"); }
    QStringList fileSuffixes() const override { return {QStringLiteral("rcspg")}; }
    int confidence(const QString &path, qint64 fileSize, QByteArrayView head) const override;
    Result<std::vector<Spectrum>> read(const QString &path) const override;
    Result<std::vector<Spectrum>> readBytes(QByteArrayView bytes, const QString &name) const override;
    // The same from the file's bytes (`path` names it in messages and in the spectra).
    static Result<std::vector<Spectrum>> parse(const QByteArray &bytes, const QString &path);
};

} // namespace photopeak
