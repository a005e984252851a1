// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "io/SpectrumReader.h"

namespace photopeak {

// ORTEC integer SPC spectra, read only (see spc::parse).
class SpcReader final : public SpectrumReader {
public:
    QString formatName() const override { return QStringLiteral("ORTEC SPC"); }
    QStringList fileSuffixes() const override { return {QStringLiteral("spc")}; }
    int confidence(const QString &path, qint64 fileSize, QByteArrayView head) const override;
    Result<std::vector<Spectrum>> read(const QString &path) const override;
    Result<std::vector<Spectrum>> readBytes(QByteArrayView bytes, const QString &name) const override;
};

} // namespace photopeak
