// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QObject>

#include <functional>

class QAction;
class QMenu;
class QUndoStack;
class QUndoCommand;

namespace photopeak::ui {

// The window's one undo history and its Edit ▸ Undo / Redo actions (Ctrl+Z / Ctrl+Shift+Z).
// Every edit of the analysis state (peaks, ROIs, calibration, background, distance, labels) is a
// QUndoCommand pushed onto stack(); QUndoStack::push runs the command's redo() at once, so the edit
// is made by pushing it, never before. For a simple edit, pushEdit() with two functions is enough:
//
//   UndoActions::pushEdit(window->undoStack(), tr("Set distance"),
//                         [=] { setDistance(entry, newValue); },   // do / redo
//                         [=] { setDistance(entry, oldValue); });  // undo
//
// Commands with the same non-negative id and mergeWith() collapse into one step (e.g. a dragged value).
class UndoActions : public QObject {
    Q_OBJECT
public:
    explicit UndoActions(QObject *parent = nullptr);

    QUndoStack *stack() const { return m_stack; }
    QAction *undo() const { return m_undo; }
    QAction *redo() const { return m_redo; }
    void fillMenu(QMenu *menu) const;

    // Pushes a command that calls `apply` now and on redo and `revert` on undo.
    static void pushEdit(QUndoStack *stack, const QString &text, std::function<void()> apply,
                         std::function<void()> revert);

private:
    QUndoStack *m_stack;
    QAction *m_undo;
    QAction *m_redo;
};

} // namespace photopeak::ui
