// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/h5/H5NewFile.h"

#include "io/AtomicFile.h"
#include "io/h5/H5Access.h"

#include <H5Cpp.h>

#include <QFile>
#include <QMutexLocker>

namespace photopeak::h5 {

NewFile::NewFile(QString path) : m_path(std::move(path)) {}

NewFile::~NewFile()
{
    if (m_file) {
        QMutexLocker lock(&libraryMutex());
        silence();
        discard();
    }
}

void NewFile::discard()
{
    try {
        m_file->close();
    } catch (const H5::Exception &) {
    }
    m_file.reset();
    QFile::remove(m_temporary);
}

Result<H5::H5File *> NewFile::file()
{
    if (m_file)
        return m_file.get();
    m_temporary = temporarySibling(m_path);
    try {
        m_file = std::make_unique<H5::H5File>(QFile::encodeName(m_temporary).constData(), H5F_ACC_TRUNC);
    } catch (const H5::Exception &e) {
        return makeError(m_path, QStringLiteral("cannot be created as HDF5: %1").arg(describe(e)));
    }
    return m_file.get();
}

Status NewFile::commit(const QString &kind)
{
    if (!m_file)
        return makeError(m_path, QStringLiteral("nothing was written"));
    try {
        m_file->close();
    } catch (const H5::Exception &e) {
        discard();
        return makeError(m_path, QStringLiteral("cannot be written as HDF5: %1").arg(describe(e)));
    }
    m_file.reset();
    return commitTemporary(m_temporary, m_path, kind);
}

} // namespace photopeak::h5
