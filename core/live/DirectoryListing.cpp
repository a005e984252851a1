// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "live/DirectoryListing.h"

#include <QDir>
#include <QFile>

#ifdef Q_OS_UNIX
#include <dirent.h>
#include <sys/stat.h>
#endif

namespace photopeak {

namespace {
bool hasSuffix(const char *name, qsizetype length, const QSet<QByteArray> &suffixes)
{
    qsizetype dot = length - 1;
    while (dot > 0 && name[dot] != '.')
        --dot;
    const qsizetype n = length - dot - 1;
    if (dot <= 0 || n <= 0 || n > 15)
        return false;
    char lower[16];
    for (qsizetype i = 0; i < n; ++i) {
        const char c = name[dot + 1 + i];
        lower[i] = c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
    }
    return suffixes.contains(QByteArray::fromRawData(lower, n));
}
} // namespace

DirectoryListing DirectoryListing::read(const QString &folder, const QSet<QByteArray> &suffixes, bool withFolders)
{
    DirectoryListing out;
#ifdef Q_OS_UNIX
    const QByteArray encoded = QFile::encodeName(folder);
    DIR *dir = ::opendir(encoded.constData());
    if (!dir)
        return out;
    out.ok = true;
    while (const dirent *e = ::readdir(dir)) {
        if (e->d_name[0] == '.')
            continue;
        const qsizetype length = qsizetype(qstrlen(e->d_name));
        bool isFolder = e->d_type == DT_DIR, isFile = e->d_type == DT_REG;
        if (e->d_type == DT_LNK || e->d_type == DT_UNKNOWN) {  // rare: ask the file system
            struct stat st {};
            const QByteArray path = encoded + '/' + QByteArray(e->d_name, length);
            if (::stat(path.constData(), &st) == 0) {
                isFile = S_ISREG(st.st_mode);
                isFolder = S_ISDIR(st.st_mode) && e->d_type != DT_LNK;
            }
        }
        if (isFile && hasSuffix(e->d_name, length, suffixes))
            out.files.emplace_back(e->d_name, length);
        else if (isFolder && withFolders)
            out.folders.emplace_back(e->d_name, length);
    }
    ::closedir(dir);
#else
    const QDir dir(folder);
    if (!dir.exists())
        return out;
    out.ok = true;
    for (const QString &name : dir.entryList(QDir::Files, QDir::NoSort)) {
        const QByteArray raw = QFile::encodeName(name);
        if (hasSuffix(raw.constData(), raw.size(), suffixes))
            out.files.push_back(raw);
    }
    if (withFolders)
        for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks, QDir::NoSort))
            out.folders.push_back(QFile::encodeName(name));
#endif
    return out;
}

} // namespace photopeak
