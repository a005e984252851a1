// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "dialogs/PreferencesDialog.h"

#include "app/Settings.h"
#include "app/Translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <memory>

namespace photopeak::ui {

namespace {
std::unique_ptr<Settings> openSettings(const QString &file)
{
    return file.isEmpty() ? std::make_unique<Settings>() : std::make_unique<Settings>(file);
}
} // namespace

PreferencesDialog::PreferencesDialog(QWidget *parent, const QString &settingsFile)
    : QDialog(parent), m_settingsFile(settingsFile)
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));
    auto *layout = new QVBoxLayout(this);

    auto *form = new QFormLayout;
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    QString systemName;
    const QString systemCode = resolveUiLanguage(QStringLiteral("system"));
    for (const UiLanguage &l : uiLanguages())
        if (l.code == systemCode)
            systemName = l.nativeName;
    m_language->addItem(tr("System language (%1)").arg(systemName), QStringLiteral("system"));
    // Each language named in itself, so a user who cannot read the current one still finds theirs.
    for (const UiLanguage &l : uiLanguages())
        m_language->addItem(l.nativeName, l.code);
    form->addRow(tr("&Language:"), m_language);
    layout->addLayout(form);

    auto *note = new QLabel(tr("A change of language takes effect after a restart of Photopeak."), this);
    note->setObjectName(QStringLiteral("restartNote"));
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    setLanguage(openSettings(m_settingsFile)->language());
}

QString PreferencesDialog::language() const { return m_language->currentData().toString(); }

void PreferencesDialog::setLanguage(const QString &setting)
{
    const int index = m_language->findData(isKnownLanguageSetting(setting) ? setting : QStringLiteral("system"));
    m_language->setCurrentIndex(index < 0 ? 0 : index);
}

void PreferencesDialog::accept()
{
    auto settings = openSettings(m_settingsFile);
    settings->setLanguage(language());
    settings->sync();
    QDialog::accept();
}

} // namespace photopeak::ui
