// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

// Internal to core: the one way core writes a new HDF5 file (H5TableWriter's datasets, TableFileWriter's
// tables). The file is built under a temporary sibling name (io/AtomicFile) and appears at its final path only
// on commit(), recorded in the output ledger; destroyed without commit() it leaves nothing behind. HDF5 types
// are only forward-declared here; callers hold h5::libraryMutex() around file() and commit().

#include "util/Result.h"

#include <QString>

#include <memory>

namespace H5 {
class H5File;
}

namespace photopeak::h5 {

class NewFile {
public:
    explicit NewFile(QString path);
    ~NewFile();
    NewFile(const NewFile &) = delete;
    NewFile &operator=(const NewFile &) = delete;

    const QString &path() const { return m_path; }
    bool isOpen() const { return m_file != nullptr; }
    // The open temporary file, created on first use (the error names the final path).
    Result<H5::H5File *> file();
    // Closes the file and renames it into place as an output of `kind` (OutputKind).
    Status commit(const QString &kind);

private:
    void discard();

    QString m_path;
    QString m_temporary;
    std::unique_ptr<H5::H5File> m_file;
};

} // namespace photopeak::h5
