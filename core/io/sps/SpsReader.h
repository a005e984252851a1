// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "io/SpectrumReader.h"
#include "io/SpectrumWriter.h"

namespace photopeak {

class SpsReader final : public SpectrumReader {
public:
    QString formatName() const override { return QStringLiteral("XGD .sps"); }
    QStringList fileSuffixes() const override { return {QStringLiteral("sps")}; }
    int confidence(const QString &path, qint64 fileSize, QByteArrayView head) const override;
    Result<std::vector<Spectrum>> read(const QString &path) const override;
    Result<std::vector<Spectrum>> readBytes(QByteArrayView bytes, const QString &name) const override;
};

class SpsWriter final : public SpectrumWriter {
public:
    QString formatName() const override { return QStringLiteral("XGD .sps"); }
    QStringList fileSuffixes() const override { return {QStringLiteral("sps")}; }
    bool holdsManySpectra() const override { return false; }
    Status write(const QString &path, const std::vector<Spectrum> &spectra) const override;
};

} // namespace photopeak
