// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "widgets/WheelGuard.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>
#include <QWidget>

namespace photopeak::ui {

void WheelGuard::install(QWidget *root)
{
    auto *guard = root->findChild<WheelGuard *>(QString(), Qt::FindDirectChildrenOnly);
    if (!guard)
        guard = new WheelGuard(root);
    const auto guardOne = [guard](QWidget *w) {
        w->setFocusPolicy(Qt::StrongFocus);  // not Qt::WheelFocus: the wheel must not take the focus either
        w->removeEventFilter(guard);
        w->installEventFilter(guard);
    };
    for (QComboBox *c : root->findChildren<QComboBox *>())
        guardOne(c);
    for (QAbstractSpinBox *s : root->findChildren<QAbstractSpinBox *>())
        guardOne(s);
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Wheel) {
        auto *w = qobject_cast<QWidget *>(watched);
        if (w && !w->hasFocus()) {
            event->ignore();  // not accepted: Qt hands the wheel on to the parent (the scroll area)
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace photopeak::ui
