// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace photopeak::ui {

// Typed facade over QSettings: every persistent GUI preference has one getter/setter with its default,
// so keys and defaults are never spelled twice. Uses the application's organisation/name.
class Settings {
public:
    Settings();
    // For tests: an explicit INI file instead of the platform store.
    explicit Settings(const QString &iniFile);

    static constexpr int MaxRecentPaths = 10;

    QStringList recentPaths() const;
    void addRecentPath(const QString &path);  // moves it to the front, drops missing duplicates
    void removeRecentPath(const QString &path);
    void clearRecentPaths();

    QString lastDirectory() const;
    void setLastDirectory(const QString &dir);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    bool logScale() const;  // default true: spectra span decades
    void setLogScale(bool on);
    bool countRate() const;  // default false
    void setCountRate(bool on);
    bool energyAxis() const;  // default true (channel axis otherwise)
    void setEnergyAxis(bool on);

    // User interface language: "system" (default: the locale's language when translated, else English),
    // "en", "ru" or "de". Read once at start (ui::installTranslations); changes take effect after a restart.
    QString language() const;
    void setLanguage(const QString &language);

    // Threads for parallel work in core (0 = every core, at most 8); applied at start (Parallel::setMaxThreads).
    int maxThreads() const;
    void setMaxThreads(int threads);

    void sync();

private:
    mutable QSettings m_settings;
};

} // namespace photopeak::ui
