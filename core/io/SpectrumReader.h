// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/Spectrum.h"
#include "util/Result.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

// One file format's reader. A file may hold many spectra (HDF5 tables). Readers never modify the file.
class SpectrumReader {
public:
    virtual ~SpectrumReader() = default;

    virtual QString formatName() const = 0;
    virtual QStringList fileSuffixes() const = 0;  // lower case, without dot
    // How sure the reader is that it can read the file: 0 (no) .. 100 (certain), judged from the path,
    // the file size and the first bytes (`head`, up to 4 KiB).
    virtual int confidence(const QString &path, qint64 fileSize, QByteArrayView head) const = 0;
    virtual Result<std::vector<Spectrum>> read(const QString &path) const = 0;
    // The same from a file's bytes already in memory (fuzzing, archives); `name` stands for the path in
    // messages and as the spectra's source. Applies the same size limits as read().
    virtual Result<std::vector<Spectrum>> readBytes(QByteArrayView bytes, const QString &name) const = 0;
};

} // namespace photopeak
