// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Undo: the main window owns one QUndoStack behind Edit ▸ Undo / Redo (Ctrl+Z / Ctrl+Shift+Z); a pushed
// edit is applied at once, undone and redone by the keys, named in the menu text, and the history is
// dropped when other data is opened.

#include "main/MainWindow.h"
#include "undo/FunctionCommand.h"
#include "undo/UndoActions.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace photopeak::ui;

class TestUndoActions : public QObject {
    Q_OBJECT
private slots:
    void editMenuHasUndoRedo();
    void keysUndoAndRedo();
    void parentCommandUndoesAsOne();
};

void TestUndoActions::editMenuHasUndoRedo()
{
    MainWindow window;
    QMenu *edit = nullptr;
    for (QAction *a : window.menuBar()->actions())
        if (a->menu() && a->text() == QStringLiteral("&Edit"))
            edit = a->menu();
    QVERIFY(edit);
    QVERIFY(edit->actions().contains(window.undoActions()->undo()));
    QVERIFY(edit->actions().contains(window.undoActions()->redo()));
    QCOMPARE(window.undoActions()->undo()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Z));
    QVERIFY(window.undoActions()->redo()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
    QVERIFY(!window.undoActions()->undo()->isEnabled());
}

void TestUndoActions::keysUndoAndRedo()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    int value = 1;
    UndoActions::pushEdit(window.undoStack(), QStringLiteral("set value"), [&] { value = 2; }, [&] { value = 1; });
    QCOMPARE(value, 2);
    QVERIFY(window.undoActions()->undo()->isEnabled());
    QVERIFY(window.undoActions()->undo()->text().contains(QStringLiteral("set value")));

    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(value, 1);
    QVERIFY(window.undoActions()->redo()->isEnabled());
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(value, 2);

    window.openPaths({QStringLiteral("/nonexistent/photopeak-undo-test")});
    QSignalSpy settled(&window, &MainWindow::loadSettled);
    QVERIFY(settled.wait(10000) || settled.count() > 0);
    QVERIFY(!window.undoStack()->canUndo());
    QCOMPARE(value, 2);
}

void TestUndoActions::parentCommandUndoesAsOne()
{
    QUndoStack stack;
    QStringList log;
    auto *parent = new FunctionCommand(QStringLiteral("both"), nullptr, nullptr);
    new FunctionCommand(QStringLiteral("a"), [&] { log << QStringLiteral("+a"); }, [&] { log << QStringLiteral("-a"); }, parent);
    new FunctionCommand(QStringLiteral("b"), [&] { log << QStringLiteral("+b"); }, [&] { log << QStringLiteral("-b"); }, parent);
    stack.push(parent);
    stack.undo();
    QCOMPARE(log, (QStringList{"+a", "+b", "-b", "-a"}));
    QCOMPARE(stack.count(), 1);
}

QTEST_MAIN(TestUndoActions)
#include "tst_undoactions.moc"
