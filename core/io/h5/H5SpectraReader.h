// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "io/SpectrumReader.h"
#include "io/h5/H5DatasetListing.h"
#include "io/h5/H5Layout.h"

namespace photopeak {

// Reads tables of spectra from HDF5 files: the project's own spectral library (recognised by its root
// `format` attribute) and foreign tables whose datasets are found by common names (see H5Layout) or
// named explicitly. One row of the counts table = one Spectrum (indexInSource = row).
class H5SpectraReader final : public SpectrumReader {
public:
    QString formatName() const override { return QStringLiteral("HDF5 spectra table"); }
    QStringList fileSuffixes() const override;
    int confidence(const QString &path, qint64 fileSize, QByteArrayView head) const override;
    Result<std::vector<Spectrum>> read(const QString &path) const override { return read(path, H5Layout{}); }
    // Roles set in `layout` override the names the reader would otherwise look for.
    Result<std::vector<Spectrum>> read(const QString &path, const H5Layout &layout) const;
    // A file image in memory (HDF5 core driver), same checks and limits.
    Result<std::vector<Spectrum>> readBytes(QByteArrayView bytes, const QString &name) const override;

    // Every dataset of any HDF5 file with shape and type (for the CLI `info` command).
    static Result<H5DatasetListing> listDatasets(const QString &path) { return H5DatasetListing::read(path); }
    // The layout the reader would use for a file, without reading the values.
    static Result<H5Layout> detectLayout(const QString &path, const H5Layout &overrides = {});
    // Splits "Co60;background" or "Cs137, Co60" and canonicalises each label with LabelParser; labels the
    // parser does not know (e.g. "UNat") are kept as written.
    static QStringList parseLabels(const QString &text);
};

} // namespace photopeak
