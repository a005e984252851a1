// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// photopeak: the desktop application. Everything but argument handling lives in photopeak_ui.

#include "app/Settings.h"
#include "app/Translations.h"
#include "jobs/Parallel.h"
#include "main/MainWindow.h"
#include "session/AnalysisSession.h"
#include "util/SharedResources.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QIcon>
#include <QPixmap>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

// The value of --language CODE or --language=CODE, looked up before the parser runs: the parser's own help
// texts must already be translated. Empty when absent.
static QString languageArgument(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--"))
            break;
        if (a == QLatin1String("--language") && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (a.startsWith(QLatin1String("--language=")))
            return a.section(QLatin1Char('='), 1);
    }
    return {};
}

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Photopeak"));
    QApplication::setOrganizationDomain(QStringLiteral("photopeak.org"));
    QApplication::setApplicationName(QStringLiteral("Photopeak"));
    QApplication::setApplicationDisplayName(QStringLiteral("Photopeak"));
    QApplication::setApplicationVersion(QStringLiteral(PHOTOPEAK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("photopeak"));

    // Translations before the first translated text; --language overrides the saved setting for this run.
    const QString languageOverride = languageArgument(QApplication::arguments());
    photopeak::ui::installTranslations(photopeak::ui::isKnownLanguageSetting(languageOverride)
                                           ? languageOverride
                                           : photopeak::ui::Settings().language());

    photopeak::Parallel::setMaxThreads(photopeak::ui::Settings().maxThreads());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Gamma-ray spectrum workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 QApplication::translate("main", "Spectrum files or folders to open."),
                                 QStringLiteral("[paths...]"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "After the data is loaded and the first spectrum plotted, save the window "
                                        "as PNG to <file> and quit."),
        QStringLiteral("file"));
    const QCommandLineOption timing(QStringLiteral("timing"),
                                    QApplication::translate("main", "Print the time from start to the first plot."));
    const QCommandLineOption model(QStringLiteral("model"),
                                   QApplication::translate("main", "Load a classifier or latent model file at start "
                                                                   "(repeat for both)."),
                                   QStringLiteral("file"));
    const QCommandLineOption classify(QStringLiteral("classify"),
                                      QApplication::translate("main", "Classify every opened spectrum once loaded."));
    const QCommandLineOption tab(QStringLiteral("tab"),
                                 QApplication::translate("main", "Show this view tab (number from 0) before a screenshot."),
                                 QStringLiteral("index"));
    const QCommandLineOption language(
        QStringLiteral("language"),
        QApplication::translate("main", "User interface language for this run: system, en, ru or de "
                                        "(default: the language chosen in Preferences)."),
        QStringLiteral("code"));
    parser.addOption(screenshot);
    parser.addOption(timing);
    parser.addOption(model);
    parser.addOption(classify);
    parser.addOption(tab);
    const QCommandLineOption efficiency(QStringLiteral("efficiency"),
                                        QApplication::translate("main", "Efficiency curve file for activities, or 'xgd' "
                                                                        "for the shipped XGD curve."),
                                        QStringLiteral("file"));
    parser.addOption(efficiency);
    parser.addOption(language);
    parser.process(app);
    if (parser.isSet(language) && !photopeak::ui::isKnownLanguageSetting(parser.value(language))) {
        std::fprintf(stderr, "photopeak: %s\n",
                     qPrintable(QApplication::translate("main", "Unknown language \"%1\": use system, en, ru or de.")
                                    .arg(parser.value(language))));
        return 1;
    }

    photopeak::ui::MainWindow window;
    QApplication::setWindowIcon(window.windowIcon());
    for (const QString &file : parser.values(model))
        if (const QString problem = window.loadModelFile(file); !problem.isEmpty()) {
            std::fprintf(stderr, "photopeak: %s\n", qPrintable(problem));
            return 1;
        }
    if (parser.isSet(efficiency)) {
        const QString given = parser.value(efficiency);
        const QString path = given == QLatin1String("xgd") ? photopeak::findSharedResource(QStringLiteral("efficiency/xgd.json")) : given;
        if (!window.useEfficiencyCurve(path))
            return 1;
    }
    const bool classifyAtStart = parser.isSet(classify);
    const int tabIndex = parser.value(tab).toInt();
    const bool printTiming = parser.isSet(timing);
    const QString screenshotPath = parser.value(screenshot);

    QObject::connect(&window, &photopeak::ui::MainWindow::firstPlotShown, &window, [&](qint64 msSinceOpen) {
        if (printTiming)
            std::printf("photopeak: first plot %lld ms after start (%lld ms after opening)\n",
                        static_cast<long long>(sinceStart.elapsed()), static_cast<long long>(msSinceOpen));
        std::fflush(stdout);
    });
    if (!screenshotPath.isEmpty()) {
        auto grabAndQuit = [&window, screenshotPath, tabIndex] {
            window.tabs()->setCurrentIndex(tabIndex);
            // Let pending layout and paint events settle before grabbing.
            QTimer::singleShot(300, &window, [&window, screenshotPath] {
                const bool ok = window.grab().save(screenshotPath, "PNG");
                std::fprintf(ok ? stdout : stderr, ok ? "photopeak: screenshot saved to %s\n"
                                                      : "photopeak: cannot write screenshot %s\n",
                             qPrintable(QDir::toNativeSeparators(screenshotPath)));
                QApplication::exit(ok ? 0 : 1);
            });
        };
        if (parser.positionalArguments().isEmpty())
            QTimer::singleShot(0, &window, grabAndQuit);
        else if (classifyAtStart)
            QObject::connect(window.session(), &photopeak::ui::AnalysisSession::classificationFinished, &window,
                             grabAndQuit, Qt::SingleShotConnection);
        else
            QObject::connect(&window, &photopeak::ui::MainWindow::loadSettled, &window, grabAndQuit,
                             Qt::SingleShotConnection);
    }
    if (classifyAtStart)
        QObject::connect(&window, &photopeak::ui::MainWindow::loadSettled, &window,
                         [&window] { window.classifyAll(); }, Qt::SingleShotConnection);

    window.show();
    QStringList paths;
    for (const QString &arg : parser.positionalArguments())
        paths << QFileInfo(arg).absoluteFilePath();
    if (!paths.isEmpty())
        window.openPaths(paths);
    return app.exec();
}
