// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QUndoCommand>

#include <functional>

namespace photopeak::ui {

// A QUndoCommand made of two functions: `apply` on (re)do, `revert` on undo. UndoActions::pushEdit
// builds one; construct it directly to give it a parent command (several edits undone as one step).
class FunctionCommand : public QUndoCommand {
public:
    FunctionCommand(const QString &text, std::function<void()> apply, std::function<void()> revert,
                    QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
        , m_apply(std::move(apply))
        , m_revert(std::move(revert))
    {
    }

    void redo() override
    {
        QUndoCommand::redo();  // children first, in order
        if (m_apply)
            m_apply();
    }
    void undo() override
    {
        if (m_revert)
            m_revert();
        QUndoCommand::undo();
    }

private:
    std::function<void()> m_apply;
    std::function<void()> m_revert;
};

} // namespace photopeak::ui
