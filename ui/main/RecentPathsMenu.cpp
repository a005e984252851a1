// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "main/RecentPathsMenu.h"

#include "app/Settings.h"

#include <QDir>
#include <QFileInfo>
#include <QIcon>

namespace photopeak::ui {

RecentPathsMenu::RecentPathsMenu(Settings &settings, QWidget *parent)
    : QMenu(tr("Open &Recent"), parent), m_settings(settings)
{
    setObjectName(QStringLiteral("recentMenu"));
    rebuild();
}

void RecentPathsMenu::add(const QString &path)
{
    m_settings.addRecentPath(path);
    rebuild();
}

void RecentPathsMenu::rebuild()
{
    clear();
    const QStringList paths = m_settings.recentPaths();
    int number = 0;
    for (const QString &path : paths) {
        ++number;
        const QFileInfo info(path);
        const QString shown = QDir::toNativeSeparators(path);
        const QString text = number < 10 ? QStringLiteral("&%1  %2").arg(number).arg(shown) : shown;
        QAction *action = addAction(QIcon(info.isDir() ? QStringLiteral(":/icons/open-folder.svg")
                                                       : QStringLiteral(":/icons/open-file.svg")),
                                    text);
        action->setData(path);
        action->setEnabled(info.exists());
        if (!info.exists())
            action->setToolTip(tr("No longer exists"));
        if (number < 10)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key(Qt::Key_0 + number)));
        connect(action, &QAction::triggered, this, [this, path] { emit openRequested(path); });
    }
    if (paths.isEmpty()) {
        addAction(tr("No recent files"))->setEnabled(false);
        return;
    }
    addSeparator();
    connect(addAction(tr("&Clear Menu")), &QAction::triggered, this, [this] {
        m_settings.clearRecentPaths();
        rebuild();
    });
}

} // namespace photopeak::ui
