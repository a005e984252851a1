// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/Spectrum.h"
#include "util/Result.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace photopeak {

// One file format's writer. Writes go to a temporary file renamed into place, never half-written files.
class SpectrumWriter {
public:
    virtual ~SpectrumWriter() = default;

    virtual QString formatName() const = 0;
    virtual QStringList fileSuffixes() const = 0;
    virtual bool holdsManySpectra() const = 0;
    virtual Status write(const QString &path, const std::vector<Spectrum> &spectra) const = 0;

    // Spectra delivered a chunk at a time, for batches larger than memory: `chunks(take)` calls take() once per
    // chunk, in order, and may be called more than once (a writer may need one pass to size the file); every
    // call must deliver the same spectra. The default gathers everything and calls write(); the HDF5 library
    // writer keeps one chunk in memory.
    using Chunks = std::function<void(const std::function<void(const std::vector<Spectrum> &chunk)> &take)>;
    virtual Status writeChunks(const QString &path, const Chunks &chunks) const
    {
        std::vector<Spectrum> all;
        chunks([&](const std::vector<Spectrum> &chunk) { all.insert(all.end(), chunk.begin(), chunk.end()); });
        return write(path, all);
    }
};

} // namespace photopeak
