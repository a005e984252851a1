// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>

#include <vector>

namespace photopeak {

// The entries of one folder, as cheaply as the platform allows: a watched folder is listed on every change
// notice, and may hold thousands of files. Names stay in the file system's encoding (no QString, no file
// information built per entry); hidden entries (".name") are left out.
struct DirectoryListing {
    bool ok = false;                  // the folder could be read
    std::vector<QByteArray> files;    // names with one of the wanted suffixes
    std::vector<QByteArray> folders;  // subfolder names (symbolic links to folders are not followed)

    // `suffixes`: lower-case, without the dot, in the file system's encoding.
    static DirectoryListing read(const QString &folder, const QSet<QByteArray> &suffixes, bool withFolders);
};

} // namespace photopeak
