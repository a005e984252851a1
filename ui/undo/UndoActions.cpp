// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "undo/UndoActions.h"

#include "undo/FunctionCommand.h"

#include <QAction>
#include <QMenu>
#include <QUndoStack>

namespace photopeak::ui {

UndoActions::UndoActions(QObject *parent)
    : QObject(parent)
    , m_stack(new QUndoStack(this))
    , m_undo(new QAction(tr("&Undo"), this))
    , m_redo(new QAction(tr("&Redo"), this))
{
    m_stack->setObjectName(QStringLiteral("undoStack"));
    m_undo->setObjectName(QStringLiteral("undoAction"));
    m_redo->setObjectName(QStringLiteral("redoAction"));
    m_undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    // Ctrl+Shift+Z everywhere, plus the platform's own redo key (Ctrl+Y on Windows).
    QList<QKeySequence> redoKeys{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)};
    for (const QKeySequence &k : QKeySequence::keyBindings(QKeySequence::Redo))
        if (!redoKeys.contains(k))
            redoKeys << k;
    m_redo->setShortcuts(redoKeys);
    m_undo->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
    m_redo->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo")));

    const auto update = [this] {
        const QString u = m_stack->undoText(), r = m_stack->redoText();
        m_undo->setText(u.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(u));
        m_redo->setText(r.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(r));
        m_undo->setEnabled(m_stack->canUndo());
        m_redo->setEnabled(m_stack->canRedo());
    };
    connect(m_stack, &QUndoStack::indexChanged, this, update);
    connect(m_stack, &QUndoStack::cleanChanged, this, update);
    update();
    connect(m_undo, &QAction::triggered, m_stack, &QUndoStack::undo);
    connect(m_redo, &QAction::triggered, m_stack, &QUndoStack::redo);
}

void UndoActions::fillMenu(QMenu *menu) const
{
    menu->addAction(m_undo);
    menu->addAction(m_redo);
}

void UndoActions::pushEdit(QUndoStack *stack, const QString &text, std::function<void()> apply,
                           std::function<void()> revert)
{
    stack->push(new FunctionCommand(text, std::move(apply), std::move(revert)));
}

} // namespace photopeak::ui
