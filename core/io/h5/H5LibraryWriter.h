// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "io/SpectrumWriter.h"

namespace photopeak {

// Writes spectra as the project's spectral library (docs/spectral-library-format.md): one HDF5 file, one
// row per spectrum, every Spectrum field kept. Written to a temporary sibling and renamed into place.
class H5LibraryWriter final : public SpectrumWriter {
public:
    QString formatName() const override { return QStringLiteral("Photopeak spectral library (HDF5)"); }
    QStringList fileSuffixes() const override { return {QStringLiteral("h5"), QStringLiteral("hdf5")}; }
    bool holdsManySpectra() const override { return true; }
    Status write(const QString &path, const std::vector<Spectrum> &spectra) const override;
    // Two passes over the chunks: the first sizes the file (spectra, channels, labels checked), the second writes
    // each chunk's rows into place; memory holds one chunk.
    Status writeChunks(const QString &path, const Chunks &chunks) const override;
};

} // namespace photopeak
