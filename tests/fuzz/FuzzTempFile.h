// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

// Model and efficiency files are loaded by path (their loaders check the size on disk first): the harnesses
// write each input to one file in memory-backed /dev/shm (else the temporary folder) and load that.
#include <QByteArrayView>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

#include <unistd.h>

inline QString fuzzTempFile(const char *suffix)
{
    const QString folder = QFileInfo(QStringLiteral("/dev/shm")).isWritable() ? QStringLiteral("/dev/shm") : QDir::tempPath();
    return QStringLiteral("%1/photopeak-fuzz-%2.%3").arg(folder).arg(::getpid()).arg(QLatin1String(suffix));
}

inline bool writeFuzzInput(const QString &path, QByteArrayView bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes.data(), bytes.size()) == bytes.size();
}
