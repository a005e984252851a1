// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QWidget>

class QListWidget;
class QTextBrowser;

namespace photopeak::ui {

// Help ▸ Manual (F1): the bundled manual (resources/manual/manual.html) in a QTextBrowser, contents on the left.
// Headings come from tr(), so they appear in the window's language; the text is English. Sections are named
// by id ("browser", "live", "cli", ...); F1 opens the section of the panel that has the focus (the panel's
// "manualSection" property, see setManualSection).
class ManualWindow : public QWidget {
    Q_OBJECT
public:
    explicit ManualWindow(QWidget *parent = nullptr);

    // Opens (or raises) the manual of `owner`'s window at `section` (empty: the top).
    static ManualWindow *open(QWidget *owner, const QString &section = {});
    // The section of the panel around `widget` (its own or an ancestor's "manualSection"), else empty.
    static QString sectionFor(const QWidget *widget);
    static void setManualSection(QWidget *panel, const QString &section);

    void showSection(const QString &section);
    QTextBrowser *browser() const { return m_browser; }
    // Section ids in manual order, and the heading of each in the current language.
    QStringList sections() const;
    QString heading(const QString &section) const;

private:
    QString html() const;

    QListWidget *m_contents;
    QTextBrowser *m_browser;
};

} // namespace photopeak::ui
