// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QObject>

class QWidget;

namespace photopeak::ui {

// Scrolling a panel with the mouse wheel must not change the combo boxes and spin boxes it passes over: a
// control takes wheel events only when it has the keyboard focus; otherwise the wheel scrolls the panel.
class WheelGuard : public QObject {
    Q_OBJECT
public:
    // Guards every combo box and spin box below `root` (present now), and gives them click-or-tab focus.
    static void install(QWidget *root);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit WheelGuard(QObject *parent) : QObject(parent) {}
};

} // namespace photopeak::ui
