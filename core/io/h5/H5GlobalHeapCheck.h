// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QHash>
#include <QIODevice>
#include <QString>

namespace photopeak {

// Variable-length data (strings) of an HDF5 file live in "global heap collections", reached through
// descriptors (length, collection address, object index) stored in the dataset. HDF5 1.10 trusts both:
// damaged sizes or descriptors make it copy past its buffers or loop forever instead of failing. scan()
// walks every collection the way HDF5 will and checkDescriptors() checks a dataset's descriptors against
// what was found, so that damage becomes an error before HDF5 reads a string. Plain file I/O only.
class H5GlobalHeapCheck {
public:
    // Files larger than this are not scanned (the check is a defence for ordinary files, not a fsck).
    static constexpr qint64 MaxScannedBytes = qint64(1) << 30;

    // An error if a collection is damaged. Files without a readable superblock give an empty index.
    static Result<H5GlobalHeapCheck> scan(const QString &path);
    // The same over a file image in memory (kept for checkDescriptors); `path` names it in messages.
    static Result<H5GlobalHeapCheck> scanImage(const QByteArray &image, const QString &path);

    // `count` descriptors of a dataset stored contiguously at `address` (as HDF5 reports it, relative to
    // the superblock). Ok when every non-empty descriptor names an object of a sound collection.
    Status checkDescriptors(const QString &path, const QString &datasetPath, quint64 address, qint64 count) const;
    bool isScanned() const { return m_scanned; }

private:
    static Result<H5GlobalHeapCheck> scanDevice(QIODevice &file, const QString &path);
    QByteArray m_image;  // the file's bytes when it was opened from memory
    bool m_scanned = false;
    int m_sizeOfOffsets = 8;
    int m_sizeOfLengths = 8;
    qint64 m_base = 0;
    QHash<quint64, QHash<quint16, quint64>> m_objects;  // collection address -> object index -> size
};

} // namespace photopeak
