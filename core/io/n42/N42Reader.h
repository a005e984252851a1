// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "io/SpectrumReader.h"

namespace photopeak {

// ANSI N42.42 XML (N42-2006 and N42-2012): one spectrum per detector and measurement (see n42::parse).
class N42Reader final : public SpectrumReader {
public:
    QString formatName() const override { return QStringLiteral("ANSI N42.42 XML"); }
    QStringList fileSuffixes() const override { return {QStringLiteral("n42"), QStringLiteral("xml")}; }
    int confidence(const QString &path, qint64 fileSize, QByteArrayView head) const override;
    Result<std::vector<Spectrum>> read(const QString &path) const override;
    Result<std::vector<Spectrum>> readBytes(QByteArrayView bytes, const QString &name) const override;
};

} // namespace photopeak
