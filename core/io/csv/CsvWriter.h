// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "io/SpectrumWriter.h"

namespace photopeak {

// Writes one spectrum as the project's CSV (header comments with every field, then channel,energy_keV,counts).
class CsvWriter final : public SpectrumWriter {
public:
    QString formatName() const override { return QStringLiteral("Spectrum CSV"); }
    QStringList fileSuffixes() const override { return {QStringLiteral("csv")}; }
    bool holdsManySpectra() const override { return false; }
    Status write(const QString &path, const std::vector<Spectrum> &spectra) const override;
};

} // namespace photopeak
