// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "io/SpectrumReader.h"

namespace photopeak {

// RadiaCode (BecqMoni-compatible) XML spectra; see radiacode::parse.
class RadiacodeReader final : public SpectrumReader {
public:
    QString formatName() const override { return QStringLiteral("RadiaCode XML"); }
    QStringList fileSuffixes() const override { return {QStringLiteral("xml")}; }
    int confidence(const QString &path, qint64 fileSize, QByteArrayView head) const override;
    Result<std::vector<Spectrum>> read(const QString &path) const override;
    Result<std::vector<Spectrum>> readBytes(QByteArrayView bytes, const QString &name) const override;
};

} // namespace photopeak
