// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Translations: the embedded Russian and German catalogues load and translate known strings (plural forms
// included); the .ts sources have no unfinished entries and keep every placeholder and accelerator of their
// source texts; the language setting resolves and switches; translated menus keep unique accelerators.

#include "app/Settings.h"
#include "app/Translations.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/PreferencesDialog.h"
#include "main/MainWindow.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace photopeak::ui;

namespace {

struct TsMessage {
    QString context;
    QString source;
    bool numerus = false;
    QString type;                // translation type attribute: "", "unfinished", "vanished", "obsolete"
    QStringList translations;    // one text, or the numerus forms
};

// Reads a Qt Linguist .ts file; an empty list and a QFAIL-able message on errors.
QList<TsMessage> readTs(const QString &path, QString *error)
{
    QList<TsMessage> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1").arg(path);
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            TsMessage m;
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            while (!(xml.isEndElement() && xml.name() == QLatin1String("message")) && !xml.atEnd()) {
                xml.readNext();
                if (!xml.isStartElement())
                    continue;
                if (xml.name() == QLatin1String("source")) {
                    m.source = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    m.type = xml.attributes().value(QLatin1String("type")).toString();
                    if (!m.numerus) {
                        m.translations << xml.readElementText(QXmlStreamReader::IncludeChildElements);
                    }
                } else if (xml.name() == QLatin1String("numerusform")) {
                    m.translations << xml.readElementText();
                }
            }
            out << m;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return out;
}

QString tsPath(const QString &code)
{
    return QStringLiteral(PHOTOPEAK_SOURCE_DIR "/translations/photopeak_%1.ts").arg(code);
}

// The placeholders of a text, sorted: %1..%99 and %n (and %L1 forms counted as %1).
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2}|n)"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << QLatin1Char('%') + it.next().captured(1);
    out.sort();
    return out;
}

// The keyboard accelerators of a text: characters after a single '&' ("&&" is a literal ampersand).
QString accelerators(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        out += text.at(i + 1).toLower();
    }
    return out;
}

QString menuAccelerator(const QString &text) { return accelerators(text).left(1); }

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void embeddedCataloguesLoad_data();
    void embeddedCataloguesLoad();
    void knownStringsTranslate_data();
    void knownStringsTranslate();
    void pluralForms();
    void tsFilesComplete_data();
    void tsFilesComplete();
    void placeholdersAndAcceleratorsKept_data();
    void placeholdersAndAcceleratorsKept();
    void languageSettingResolves();
    void installSwitchesLanguage();
    void preferencesDialogStoresLanguage();
    void translatedMenusHaveUniqueAccelerators_data();
    void translatedMenusHaveUniqueAccelerators();
    void screenshotsOnRequest_data();
    void screenshotsOnRequest();
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("PhotopeakTest"));
    QApplication::setApplicationName(QStringLiteral("tst_translations"));
    QSettings().clear();
}

void TestTranslations::cleanup() { installTranslations(QStringLiteral("en")); }

void TestTranslations::embeddedCataloguesLoad_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("ru") << QStringLiteral("ru");
    QTest::newRow("de") << QStringLiteral("de");
}

void TestTranslations::embeddedCataloguesLoad()
{
    QFETCH(QString, code);
    const QString file = appTranslationFile(code);
    QCOMPARE(file, QStringLiteral(":/i18n/photopeak_%1.qm").arg(code));
    QVERIFY2(QFile::exists(file), qPrintable(file + QStringLiteral(" is not embedded")));
    QTranslator translator;
    QVERIFY(translator.load(file));
    QVERIFY(!translator.isEmpty());
    QCOMPARE(translator.language().left(2), code);
}

void TestTranslations::knownStringsTranslate_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    const QString mw = QStringLiteral("photopeak::ui::MainWindow");
    const QString rm = QStringLiteral("photopeak::ui::ResultsModel");
    const QString plotter = QStringLiteral("photopeak::ui::SpectrumPlotter");
    const QString info = QStringLiteral("photopeak::ui::SpectrumInfoPanel");
    QTest::newRow("ru &File") << "ru" << mw << "&File" << "&Файл";
    QTest::newRow("de &File") << "de" << mw << "&File" << "&Datei";
    QTest::newRow("ru Open Folder") << "ru" << mw << "Open &Folder…" << "Открыть п&апку…";
    QTest::newRow("de Open Folder") << "de" << mw << "Open &Folder…" << "&Ordner öffnen…";
    QTest::newRow("ru Decision") << "ru" << rm << "Decision" << "Решение";
    QTest::newRow("de Decision") << "de" << rm << "Decision" << "Entscheidung";
    QTest::newRow("ru Live time") << "ru" << info << "Live time" << "Живое время";
    QTest::newRow("de Live time") << "de" << info << "Live time" << "Live-Zeit";
    QTest::newRow("ru count rate") << "ru" << plotter << "Count rate (counts/s per channel)"
                                   << "Скорость счёта (имп/с на канал)";
    QTest::newRow("de count rate") << "de" << plotter << "Count rate (counts/s per channel)"
                                   << "Zählrate (Impulse/s pro Kanal)";
    QTest::newRow("ru dead time") << "ru" << info << " (dead time %1 %)" << " (мёртвое время %1 %)";
    QTest::newRow("de dead time") << "de" << info << " (dead time %1 %)" << " (Totzeit %1 %)";
}

void TestTranslations::knownStringsTranslate()
{
    QFETCH(QString, code);
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, expected);
    QTranslator translator;
    QVERIFY(translator.load(appTranslationFile(code)));
    QCOMPARE(translator.translate(context.toUtf8().constData(), source.toUtf8().constData()), expected);
}

void TestTranslations::pluralForms()
{
    // Russian has three plural forms (1, 21 | 2-4, 22 | 5-20, 11-14), German two.
    QTranslator ru, de;
    QVERIFY(ru.load(appTranslationFile(QStringLiteral("ru"))));
    QVERIFY(de.load(appTranslationFile(QStringLiteral("de"))));
    const char *ctx = "photopeak::ui::MainWindow";
    const char *src = "Wrote %n rows to %1";
    const auto form = [&](QTranslator &t, int n) { return t.translate(ctx, src, nullptr, n); };
    QCOMPARE(form(ru, 1), QStringLiteral("Записана %n строка в %1"));
    QCOMPARE(form(ru, 21), QStringLiteral("Записана %n строка в %1"));
    QCOMPARE(form(ru, 3), QStringLiteral("Записаны %n строки в %1"));
    QCOMPARE(form(ru, 5), QStringLiteral("Записано %n строк в %1"));
    QCOMPARE(form(ru, 12), QStringLiteral("Записано %n строк в %1"));
    QCOMPARE(form(de, 1), QStringLiteral("%n Zeile nach %1 geschrieben"));
    QCOMPARE(form(de, 7), QStringLiteral("%n Zeilen nach %1 geschrieben"));

    // Through the application, with %n filled in.
    installTranslations(QStringLiteral("ru"));
    QCOMPARE(QCoreApplication::translate(ctx, "%n items", nullptr, 22), QStringLiteral("22 элемента"));
    QCOMPARE(QCoreApplication::translate(ctx, "%n items", nullptr, 25), QStringLiteral("25 элементов"));
}

void TestTranslations::tsFilesComplete_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("pluralForms");
    QTest::newRow("ru") << QStringLiteral("ru") << 3;
    QTest::newRow("de") << QStringLiteral("de") << 2;
}

void TestTranslations::tsFilesComplete()
{
    QFETCH(QString, code);
    QFETCH(int, pluralForms);
    QString error;
    const QList<TsMessage> messages = readTs(tsPath(code), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 100);
    QStringList problems;
    for (const TsMessage &m : messages) {
        const QString where = QStringLiteral("[%1] \"%2\"").arg(m.context, m.source);
        if (m.type == QLatin1String("unfinished")) {
            problems << QStringLiteral("unfinished ") + where;
            continue;
        }
        if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete")) {
            if (m.translations.join(QString()).isEmpty())
                problems << QStringLiteral("vanished and untranslated ") + where;
            continue;
        }
        if (m.numerus && m.translations.size() != pluralForms)
            problems << QStringLiteral("%1 plural forms instead of %2: ").arg(m.translations.size()).arg(pluralForms)
                            + where;
        for (const QString &t : m.translations)
            if (t.trimmed().isEmpty())
                problems << QStringLiteral("empty translation ") + where;
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 entries of %2 need work (run the photopeak_lupdate target, then translate):\n")
                            .arg(problems.size())
                            .arg(tsPath(code))
                        + problems.join(QLatin1Char('\n'))));
}

void TestTranslations::placeholdersAndAcceleratorsKept_data() { tsFilesComplete_data(); }

void TestTranslations::placeholdersAndAcceleratorsKept()
{
    QFETCH(QString, code);
    QString error;
    const QList<TsMessage> messages = readTs(tsPath(code), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList problems;
    for (const TsMessage &m : messages) {
        if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
            continue;
        const QStringList expected = placeholders(m.source);
        const qsizetype expectedAccelerators = accelerators(m.source).size();
        for (const QString &t : m.translations) {
            if (t.isEmpty())
                continue;  // reported by tsFilesComplete
            if (placeholders(t) != expected)
                problems << QStringLiteral("placeholders %1 instead of %2 in [%3] \"%4\" -> \"%5\"")
                                .arg(placeholders(t).join(QLatin1Char(' ')), expected.join(QLatin1Char(' ')),
                                     m.context, m.source, t);
            if (accelerators(t).size() != expectedAccelerators)
                problems << QStringLiteral("%1 accelerators instead of %2 in [%3] \"%4\" -> \"%5\"")
                                .arg(accelerators(t).size())
                                .arg(expectedAccelerators)
                                .arg(m.context, m.source, t);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::languageSettingResolves()
{
    QCOMPARE(resolveUiLanguage(QStringLiteral("ru"), QLocale(QStringLiteral("de_DE"))), QStringLiteral("ru"));
    QCOMPARE(resolveUiLanguage(QStringLiteral("en"), QLocale(QStringLiteral("ru_RU"))), QStringLiteral("en"));
    QCOMPARE(resolveUiLanguage(QStringLiteral("system"), QLocale(QStringLiteral("de_AT"))), QStringLiteral("de"));
    QCOMPARE(resolveUiLanguage(QStringLiteral("system"), QLocale(QStringLiteral("ru_UA"))), QStringLiteral("ru"));
    QCOMPARE(resolveUiLanguage(QStringLiteral("system"), QLocale(QStringLiteral("fr_FR"))), QStringLiteral("en"));
    QCOMPARE(resolveUiLanguage(QStringLiteral("xx"), QLocale(QStringLiteral("fr_FR"))), QStringLiteral("en"));
    QVERIFY(isKnownLanguageSetting(QStringLiteral("system")));
    QVERIFY(isKnownLanguageSetting(QStringLiteral("de")));
    QVERIFY(!isKnownLanguageSetting(QStringLiteral("fr")));
    QVERIFY(!isKnownLanguageSetting(QString()));
    QCOMPARE(uiLanguages().size(), 3);
    QCOMPARE(uiLanguages().at(1).nativeName, QStringLiteral("Русский"));

    QTemporaryDir dir;
    Settings s(dir.filePath(QStringLiteral("s.ini")));
    QCOMPARE(s.language(), QStringLiteral("system"));
    s.setLanguage(QStringLiteral("de"));
    QCOMPARE(s.language(), QStringLiteral("de"));
}

void TestTranslations::installSwitchesLanguage()
{
    const char *ctx = "photopeak::ui::MainWindow";
    QCOMPARE(installTranslations(QStringLiteral("de")), QStringLiteral("de"));
    QCOMPARE(QCoreApplication::translate(ctx, "&File"), QStringLiteral("&Datei"));
    QCOMPARE(installTranslations(QStringLiteral("ru")), QStringLiteral("ru"));  // replaces German
    QCOMPARE(QCoreApplication::translate(ctx, "&File"), QStringLiteral("&Файл"));
    QCOMPARE(installTranslations(QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate(ctx, "&File"), QStringLiteral("&File"));
}

void TestTranslations::preferencesDialogStoresLanguage()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("prefs.ini"));
    {
        PreferencesDialog dialog(nullptr, ini);
        QCOMPARE(dialog.language(), QStringLiteral("system"));
        QCOMPARE(dialog.languageCombo()->count(), 4);
        QVERIFY(dialog.languageCombo()->findText(QStringLiteral("Deutsch")) >= 0);
        QVERIFY(dialog.languageCombo()->findText(QStringLiteral("Русский")) >= 0);
        dialog.languageCombo()->setCurrentIndex(dialog.languageCombo()->findData(QStringLiteral("ru")));
        dialog.accept();
    }
    QCOMPARE(Settings(ini).language(), QStringLiteral("ru"));
    {
        PreferencesDialog dialog(nullptr, ini);
        QCOMPARE(dialog.language(), QStringLiteral("ru"));
        dialog.setLanguage(QStringLiteral("de"));
        dialog.reject();  // cancel keeps the stored value
    }
    QCOMPARE(Settings(ini).language(), QStringLiteral("ru"));
}

void TestTranslations::translatedMenusHaveUniqueAccelerators_data()
{
    tsFilesComplete_data();
    QTest::newRow("en") << QStringLiteral("en") << 2;
}

void TestTranslations::translatedMenusHaveUniqueAccelerators()
{
    QFETCH(QString, code);
    QCOMPARE(installTranslations(code), code);
    MainWindow window;
    QStringList problems;
    // The menu bar's titles, then every menu and submenu reachable from it.
    QList<QMenu *> menus;
    QHash<QString, QString> seen;
    for (QAction *a : window.menuBar()->actions()) {
        const QString key = menuAccelerator(a->text());
        if (!key.isEmpty() && seen.contains(key))
            problems << QStringLiteral("menu bar: \"%1\" and \"%2\" share &%3").arg(seen.value(key), a->text(), key);
        seen.insert(key, a->text());
        if (a->menu())
            menus << a->menu();
    }
    const QHash<QString, QString> fileMenu{{QStringLiteral("ru"), QStringLiteral("&Файл")},
                                           {QStringLiteral("de"), QStringLiteral("&Datei")},
                                           {QStringLiteral("en"), QStringLiteral("&File")}};
    QCOMPARE(window.menuBar()->actions().first()->text(), fileMenu.value(code));
    while (!menus.isEmpty()) {
        QMenu *menu = menus.takeFirst();
        QHash<QString, QString> inMenu;
        for (QAction *a : menu->actions()) {
            if (a->isSeparator())
                continue;
            if (a->menu())
                menus << a->menu();
            const QString key = menuAccelerator(a->text());
            if (key.isEmpty())
                continue;
            if (inMenu.contains(key))
                problems << QStringLiteral("menu \"%1\": \"%2\" and \"%3\" share &%4")
                                .arg(menu->title(), inMenu.value(key), a->text(), key);
            inMenu.insert(key, a->text());
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::screenshotsOnRequest_data()
{
    QTest::addColumn<QString>("code");
    for (const UiLanguage &l : uiLanguages())
        QTest::newRow(qPrintable(l.code)) << l.code;
}

// For reviewing translations by eye: with PHOTOPEAK_TRANSLATION_SCREENSHOTS=<folder>, saves every menu of the
// main window, the Preferences and the About dialog as <code>_<name>.png there.
void TestTranslations::screenshotsOnRequest()
{
    const QString folder = qEnvironmentVariable("PHOTOPEAK_TRANSLATION_SCREENSHOTS");
    if (folder.isEmpty())
        QSKIP("set PHOTOPEAK_TRANSLATION_SCREENSHOTS=<folder> to save screenshots of menus and dialogs");
    QFETCH(QString, code);
    installTranslations(code);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto save = [&](QWidget *w, const QString &name) {
        QVERIFY(w->grab().save(QStringLiteral("%1/%2_%3.png").arg(folder, code, name)));
    };
    int n = 0;
    QList<QMenu *> menus;
    for (QAction *a : window.menuBar()->actions())
        if (a->menu())
            menus << a->menu();
    while (!menus.isEmpty()) {
        QMenu *menu = menus.takeFirst();
        for (QAction *a : menu->actions())
            if (a->menu())
                menus << a->menu();
        menu->popup(window.mapToGlobal(QPoint(20, 20)));
        QTest::qWait(50);
        save(menu, QStringLiteral("menu%1").arg(n++));
        menu->hide();
    }
    PreferencesDialog preferences(&window, QDir::temp().filePath(QStringLiteral("tst_translations_prefs.ini")));
    preferences.show();
    QTest::qWait(50);
    save(&preferences, QStringLiteral("preferences"));
    preferences.hide();
    AboutDialog about(&window);
    about.show();
    QTest::qWait(50);
    save(&about, QStringLiteral("about"));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
