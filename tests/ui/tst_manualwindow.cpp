// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Help inside the application (issue 20): Help > Manual (F1) opens the bundled manual with every section of the
// window, the CLI and the file formats; headings in the window's language (ru/de); F1 opens the section of the
// panel that has the focus; the main panels have What's This texts. With PHOTOPEAK_SCREENSHOT_DIR set, the manual
// is saved there as manual-en.png and manual-ru.png.

#include "app/Translations.h"
#include "help/ManualWindow.h"
#include "main/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QListWidget>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTextBrowser>

using namespace photopeak::ui;

class TestManualWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void manualCoversEveryAreaCliAndFormats();
    void f1OpensTheFocusedPanelsSection();
    void headingsTranslated_data();
    void headingsTranslated();
    void mainPanelsHaveWhatsThis();
};

namespace {
QAction *manualAction(MainWindow &w) { return w.findChild<QAction *>(QStringLiteral("manualAction")); }

ManualWindow *openedManual(MainWindow &w) { return w.findChild<ManualWindow *>(QString(), Qt::FindDirectChildrenOnly); }

void saveScreenshot(QWidget *w, const QString &name)
{
    const QByteArray dir = qgetenv("PHOTOPEAK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(100);
    QVERIFY(w->grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(name)));
}
} // namespace

void TestManualWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestManualWindow::cleanup() { installTranslations(QStringLiteral("en")); }

void TestManualWindow::manualCoversEveryAreaCliAndFormats()
{
    MainWindow window;
    window.show();
    QAction *manual = manualAction(window);
    QVERIFY(manual);
    QCOMPARE(manual->shortcut(), QKeySequence(QKeySequence::HelpContents));
    manual->trigger();
    ManualWindow *m = openedManual(window);
    QVERIFY(m && m->isVisible());
    const QString text = m->browser()->toPlainText();
    QVERIFY2(text.size() > 8000, qPrintable(QString::number(text.size())));
    // Every section has its heading and some text; no placeholder is left.
    for (const QString &id : m->sections())
        QVERIFY2(text.contains(m->heading(id)), qPrintable(id));
    QVERIFY(!text.contains(QLatin1String("{{")));
    QCOMPARE(m->findChild<QListWidget *>(QStringLiteral("manualContents"))->count(), int(m->sections().size()));
    // The window areas, every CLI command and every readable format are named.
    for (const char *area : {"Data browser", "Results panel", "Training panel", "Live monitoring", "Loadings", "Confusion Matrix"})
        QVERIFY2(text.contains(QLatin1String(area)), area);
    for (const char *command : {"info FILE", "convert IN OUT", "train -S", "classify --model", "evaluate --xgd", "latent train",
                                "identify", "activity", "report --model", "watch FOLDER", "hits", "images", "tables", "merge -o"})
        QVERIFY2(text.contains(QLatin1String(command)), command);
    for (const char *suffix : {".sps", ".h5", ".csv", ".n42", ".xml", ".rcspg", ".spe", ".cnf", ".spc"})
        QVERIFY2(text.contains(QLatin1String(suffix)), suffix);
    QVERIFY(text.contains(QLatin1String("--shard I/N")));
    // Opening again raises the same window; a section scrolls the text.
    manual->trigger();
    QCOMPARE(window.findChildren<ManualWindow *>(QString(), Qt::FindDirectChildrenOnly).size(), 1);
    m->resize(1040, 760);
    m->showSection(QStringLiteral("formats"));
    QTest::qWait(50);
    QVERIFY(m->browser()->verticalScrollBar()->value() > 0);
    saveScreenshot(m, QStringLiteral("manual-en.png"));
}

void TestManualWindow::f1OpensTheFocusedPanelsSection()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QDockWidget *results = window.findChild<QDockWidget *>(QStringLiteral("resultsDock"));
    QWidget *inside = results ? results->widget() : nullptr;
    QVERIFY(inside);
    results->show();
    inside->setFocus();
    QCOMPARE(ManualWindow::sectionFor(inside), QStringLiteral("results"));
    QCOMPARE(ManualWindow::sectionFor(window.trainingDock()->widget()), QStringLiteral("training"));
    QCOMPARE(ManualWindow::sectionFor(nullptr), QString());
    ManualWindow *m = ManualWindow::open(&window, QStringLiteral("results"));
    QListWidget *contents = m->findChild<QListWidget *>(QStringLiteral("manualContents"));
    QCOMPARE(contents->currentItem()->data(Qt::UserRole).toString(), QStringLiteral("results"));
}

void TestManualWindow::headingsTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("live");
    QTest::addColumn<QString>("menuText");
    QTest::newRow("ru") << "ru" << QStringLiteral("Руководство Photopeak") << QStringLiteral("Мониторинг в реальном времени")
                        << QStringLiteral("&Руководство");
    QTest::newRow("de") << "de" << QStringLiteral("Photopeak-Handbuch") << QStringLiteral("Live-Überwachung") << QStringLiteral("&Handbuch");
}

void TestManualWindow::headingsTranslated()
{
    QFETCH(QString, language);
    QFETCH(QString, title);
    QFETCH(QString, live);
    QFETCH(QString, menuText);
    QCOMPARE(installTranslations(language), language);
    MainWindow window;
    QCOMPARE(manualAction(window)->text(), menuText);
    ManualWindow *m = ManualWindow::open(&window, QStringLiteral("live"));
    QCOMPARE(m->windowTitle(), title);
    QCOMPARE(m->heading(QStringLiteral("live")), live);
    const QString text = m->browser()->toPlainText();
    QVERIFY(text.contains(live));
    QVERIFY(text.contains(m->heading(QStringLiteral("formats"))));
    QVERIFY(m->heading(QStringLiteral("formats")) != QLatin1String("File formats"));
    if (language == QLatin1String("ru"))
        saveScreenshot(m, QStringLiteral("manual-ru.png"));
}

void TestManualWindow::mainPanelsHaveWhatsThis()
{
    MainWindow window;
    for (const char *name : {"resultsDock"}) {
        auto *dock = window.findChild<QDockWidget *>(QLatin1String(name));
        QVERIFY2(dock && dock->whatsThis().contains(QLatin1String("F1")), name);
    }
    QVERIFY(window.trainingDock()->whatsThis().contains(QLatin1String("Training")));
    int described = 0;
    for (QWidget *w : window.findChildren<QWidget *>())
        described += !w->whatsThis().isEmpty() && w->property("manualSection").isValid();
    QVERIFY(described >= 5);
}

QTEST_MAIN(TestManualWindow)
#include "tst_manualwindow.moc"
