// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "util/SharedResources.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace photopeak {

QStringList sharedResourceFolders()
{
    QStringList folders;
    const QByteArray env = qgetenv("PHOTOPEAK_RESOURCES");
    if (!env.isEmpty())
        folders << QString::fromLocal8Bit(env);
    const QString app = QCoreApplication::instance() ? QCoreApplication::applicationDirPath() : QString();
    // Installed: <prefix>/bin/../share/photopeak. Build tree: the top build folder has share/photopeak linking to
    // the source resources (CMakeLists.txt), and executables sit one or two levels below it (app/, tests/bench/).
    if (!app.isEmpty())
        folders << app + QStringLiteral("/../share/photopeak") << app + QStringLiteral("/../../share/photopeak");
    folders << QStringLiteral("/usr/share/photopeak");
    return folders;
}

QString findSharedResource(const QString &relativePath)
{
    if (relativePath.isEmpty())
        return {};
    for (const QString &folder : sharedResourceFolders()) {
        const QString candidate = QDir(folder).filePath(relativePath);
        if (QFileInfo(candidate).isFile())
            return QDir::cleanPath(candidate);
    }
    return {};
}

} // namespace photopeak
