// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "app/Settings.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace photopeak::ui {

namespace {
const QString kRecent = QStringLiteral("files/recent");
const QString kLastDir = QStringLiteral("files/lastDirectory");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kLog = QStringLiteral("view/logScale");
const QString kThreads = QStringLiteral("compute/maxThreads");
const QString kRate = QStringLiteral("view/countRate");
const QString kEnergy = QStringLiteral("view/energyAxis");
const QString kLanguage = QStringLiteral("ui/language");
} // namespace

Settings::Settings() = default;

Settings::Settings(const QString &iniFile) : m_settings(iniFile, QSettings::IniFormat) {}

QStringList Settings::recentPaths() const { return m_settings.value(kRecent).toStringList(); }

void Settings::addRecentPath(const QString &path)
{
    const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QStringList list = recentPaths();
    list.removeAll(clean);
    list.prepend(clean);
    while (list.size() > MaxRecentPaths)
        list.removeLast();
    m_settings.setValue(kRecent, list);
}

void Settings::removeRecentPath(const QString &path)
{
    QStringList list = recentPaths();
    list.removeAll(path);
    m_settings.setValue(kRecent, list);
}

void Settings::clearRecentPaths() { m_settings.remove(kRecent); }

QString Settings::lastDirectory() const { return m_settings.value(kLastDir, QDir::homePath()).toString(); }
void Settings::setLastDirectory(const QString &dir) { m_settings.setValue(kLastDir, dir); }

QByteArray Settings::windowGeometry() const { return m_settings.value(kGeometry).toByteArray(); }
void Settings::setWindowGeometry(const QByteArray &geometry) { m_settings.setValue(kGeometry, geometry); }
QByteArray Settings::windowState() const { return m_settings.value(kState).toByteArray(); }
void Settings::setWindowState(const QByteArray &state) { m_settings.setValue(kState, state); }

bool Settings::logScale() const { return m_settings.value(kLog, true).toBool(); }
void Settings::setLogScale(bool on) { m_settings.setValue(kLog, on); }
bool Settings::countRate() const { return m_settings.value(kRate, false).toBool(); }
void Settings::setCountRate(bool on) { m_settings.setValue(kRate, on); }
bool Settings::energyAxis() const { return m_settings.value(kEnergy, true).toBool(); }
void Settings::setEnergyAxis(bool on) { m_settings.setValue(kEnergy, on); }

int Settings::maxThreads() const { return std::max(0, m_settings.value(kThreads, 0).toInt()); }
void Settings::setMaxThreads(int threads) { m_settings.setValue(kThreads, std::max(0, threads)); }

QString Settings::language() const { return m_settings.value(kLanguage, QStringLiteral("system")).toString(); }
void Settings::setLanguage(const QString &language) { m_settings.setValue(kLanguage, language); }

void Settings::sync() { m_settings.sync(); }

} // namespace photopeak::ui
