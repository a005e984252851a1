// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

// Helpers of the file-format tests: the bytes of a file, a damaged copy in a temporary folder, the text of a
// read error, and the check that reading leaves a file exactly as it was.

#include "io/ReaderRegistry.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <vector>

inline QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline QString writeCopy(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile out(path);
    if (out.open(QIODevice::WriteOnly))
        out.write(bytes);
    return path;
}

inline QString errorText(const photopeak::Result<std::vector<photopeak::Spectrum>> &r)
{
    return r.ok() ? QString() : r.error().toString();
}

// Empty when the registry read `path` and left its bytes and modification time unchanged; else what went wrong.
inline QString readingChangesFile(const QString &path)
{
    const QByteArray before = QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256);
    const QDateTime modified = QFileInfo(path).lastModified();
    const auto r = photopeak::ReaderRegistry::instance().read(path);
    if (!r.ok())
        return QStringLiteral("%1: not read: %2").arg(path, r.error().toString());
    if (QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256) != before)
        return QStringLiteral("%1: contents changed by reading").arg(path);
    if (QFileInfo(path).lastModified() != modified)
        return QStringLiteral("%1: modification time changed by reading").arg(path);
    return {};
}
