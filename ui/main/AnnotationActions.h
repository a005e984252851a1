// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QObject>

class QAction;
class QMenu;

namespace photopeak::ui {

// The View menu's annotation toggles (identified isotopes, header box, fitted peaks, nuclide lines) and
// the background overlay actions; toggles are remembered between sessions.
class AnnotationActions : public QObject {
    Q_OBJECT
public:
    explicit AnnotationActions(QObject *parent = nullptr);

    void fillMenu(QMenu *menu) const;
    QAction *isotopes() const { return m_isotopes; }
    QAction *infoBox() const { return m_infoBox; }
    QAction *peaks() const { return m_peaks; }
    QAction *nuclideLines() const { return m_lines; }
    QAction *useAsBackground() const { return m_useBackground; }
    QAction *clearBackground() const { return m_clearBackground; }

signals:
    void changed();

private:
    QAction *m_isotopes;
    QAction *m_infoBox;
    QAction *m_peaks;
    QAction *m_lines;
    QAction *m_useBackground;
    QAction *m_clearBackground;
};

} // namespace photopeak::ui
