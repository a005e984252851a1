// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QObject>

class QMenu;
class QWidget;

namespace photopeak::ui {

class AnalysisSession;
class LiveWindow;

// The main window's way into live monitoring: File > Watch Folder… and Replay Folder… open the live view
// (one per main window) with the session's current models.
class LiveActions : public QObject {
    Q_OBJECT
public:
    LiveActions(QWidget *window, AnalysisSession *session);
    void fillMenu(QMenu *menu);
    LiveWindow *liveWindow();

private:
    QWidget *m_window;
    AnalysisSession *m_session;
    LiveWindow *m_live = nullptr;
};

} // namespace photopeak::ui
