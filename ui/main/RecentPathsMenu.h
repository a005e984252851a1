// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QMenu>

namespace photopeak::ui {

class Settings;

// File > Open Recent: files and folders opened before (from Settings), newest first, with Ctrl+Alt+1..9
// shortcuts and "Clear Menu". Missing paths are shown disabled.
class RecentPathsMenu : public QMenu {
    Q_OBJECT
public:
    RecentPathsMenu(Settings &settings, QWidget *parent = nullptr);

    void add(const QString &path);  // remember an opened path
    void rebuild();

signals:
    void openRequested(const QString &path);

private:
    Settings &m_settings;
};

} // namespace photopeak::ui
