// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "app/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

namespace photopeak::ui {

namespace {

// The translators installed by the last installTranslations() call (owned by the application).
QList<QPointer<QTranslator>> &installedTranslators()
{
    static QList<QPointer<QTranslator>> list;
    return list;
}

void removeInstalledTranslators()
{
    for (const QPointer<QTranslator> &t : installedTranslators())
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    installedTranslators().clear();
}

} // namespace

QList<UiLanguage> uiLanguages()
{
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("ru"), QStringLiteral("Русский")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")}};
}

bool isKnownLanguageSetting(const QString &setting)
{
    if (setting == QLatin1String("system"))
        return true;
    for (const UiLanguage &l : uiLanguages())
        if (l.code == setting)
            return true;
    return false;
}

QString resolveUiLanguage(const QString &setting, const QLocale &system)
{
    const QList<UiLanguage> languages = uiLanguages();
    for (const UiLanguage &l : languages)
        if (l.code == setting)
            return l.code;
    // "system": the locale's preferred UI languages in order ("de-AT", "ru", "en-US", ...).
    for (const QString &ui : system.uiLanguages()) {
        const QString code = ui.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
        for (const UiLanguage &l : languages)
            if (l.code == code)
                return l.code;
    }
    return QStringLiteral("en");
}

QString appTranslationFile(const QString &code)
{
    if (code.isEmpty() || code == QLatin1String("en"))
        return {};
    return QStringLiteral(":/i18n/photopeak_%1.qm").arg(code);
}

QString installTranslations(const QString &setting)
{
    removeInstalledTranslators();
    const QString code = resolveUiLanguage(setting);
    if (code == QLatin1String("en"))
        return code;
    QCoreApplication *app = QCoreApplication::instance();
    auto *appTranslator = new QTranslator(app);
    if (!appTranslator->load(appTranslationFile(code))) {
        delete appTranslator;
        return QStringLiteral("en");
    }
    // Qt's own texts (standard buttons, command-line help, file dialogs), when Debian's qt6-translations-l10n
    // is installed. Installed first so the application's translator, installed last, is asked first.
    auto *qtTranslator = new QTranslator(app);
    if (qtTranslator->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
        installedTranslators().append(qtTranslator);
    } else {
        delete qtTranslator;
    }
    QCoreApplication::installTranslator(appTranslator);
    installedTranslators().append(appTranslator);
    return code;
}

} // namespace photopeak::ui
