// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QList>
#include <QLocale>
#include <QString>

namespace photopeak::ui {

// User interface languages. English is the source language; the others are compiled from
// translations/photopeak_<code>.ts and embedded under :/i18n/ (see translations/CMakeLists.txt).
struct UiLanguage {
    QString code;        // "en", "ru", "de"
    QString nativeName;  // the language's name in itself: "English", "Русский", "Deutsch"
};

// English first, then the translations, in a fixed order (for menus and the preferences dialog).
QList<UiLanguage> uiLanguages();

// True for "system" and every code of uiLanguages().
bool isKnownLanguageSetting(const QString &setting);

// The language a setting stands for: "en", "ru" or "de" unchanged; "system" (or anything unknown) becomes the
// first of the locale's UI languages that is translated, or English.
QString resolveUiLanguage(const QString &setting, const QLocale &system = QLocale::system());

// Resource path of the application's compiled translation for a language code (":/i18n/photopeak_ru.qm");
// empty for English.
QString appTranslationFile(const QString &code);

// Installs, on the running QCoreApplication, the application's translator and Qt's own translations
// (qtbase_<code>.qm from QLibraryInfo::TranslationsPath, when present) for the resolved language, replacing
// translators an earlier call installed. Call before any widget is built: texts are translated when set.
// Returns the language code now in effect ("en" when the application's translation could not be loaded).
QString installTranslations(const QString &setting);

} // namespace photopeak::ui
