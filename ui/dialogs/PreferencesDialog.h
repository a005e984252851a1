// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QDialog>

class QComboBox;

namespace photopeak::ui {

// Edit > Preferences: the user interface language ("system", "en", "ru", "de"; languages named in themselves).
// OK stores the choice in Settings; it takes effect at the next start (the note says so).
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    // settingsFile: an INI file instead of the platform store (tests); empty for the application's settings.
    explicit PreferencesDialog(QWidget *parent = nullptr, const QString &settingsFile = {});

    QString language() const;  // the selected setting value
    void setLanguage(const QString &setting);

    QComboBox *languageCombo() const { return m_language; }

public slots:
    void accept() override;  // saves, then closes

private:
    QString m_settingsFile;
    QComboBox *m_language = nullptr;
};

} // namespace photopeak::ui
