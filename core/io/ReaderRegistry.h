// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "io/SpectrumReader.h"
#include "io/SpectrumWriter.h"

#include <memory>
#include <vector>

namespace photopeak {

// All known formats. Picks the reader most confident about a file; picks writers by file suffix.
class ReaderRegistry {
public:
    ReaderRegistry();  // empty registry
    static const ReaderRegistry &instance();  // with every built-in format

    void addReader(std::unique_ptr<SpectrumReader> reader);
    void addWriter(std::unique_ptr<SpectrumWriter> writer);

    const SpectrumReader *readerFor(const QString &path) const;  // nullptr if nobody understands it
    const SpectrumWriter *writerFor(const QString &path) const;  // by suffix
    Result<std::vector<Spectrum>> read(const QString &path) const;
    Status write(const QString &path, const std::vector<Spectrum> &spectra) const;
    // The same for batches larger than memory (SpectrumWriter::writeChunks).
    Status writeChunks(const QString &path, const SpectrumWriter::Chunks &chunks) const;

    // Suffixes any reader claims, for folder scans and file dialogs.
    QStringList readableSuffixes() const;
    QStringList writableSuffixes() const;

private:
    std::vector<std::unique_ptr<SpectrumReader>> m_readers;
    std::vector<std::unique_ptr<SpectrumWriter>> m_writers;
};

} // namespace photopeak
