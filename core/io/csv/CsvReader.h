// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "io/SpectrumReader.h"

namespace photopeak {

// One spectrum per CSV file: the project's own CSV and channel/energy/counts tables such as the HPGe
// exports of the Gamma Spectrum Database (see csv::parse for the rules).
class CsvReader final : public SpectrumReader {
public:
    QString formatName() const override { return QStringLiteral("Spectrum CSV"); }
    QStringList fileSuffixes() const override { return {QStringLiteral("csv")}; }
    int confidence(const QString &path, qint64 fileSize, QByteArrayView head) const override;
    Result<std::vector<Spectrum>> read(const QString &path) const override;
    Result<std::vector<Spectrum>> readBytes(QByteArrayView bytes, const QString &name) const override;
};

} // namespace photopeak
