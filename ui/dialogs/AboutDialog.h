// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QDialog>

namespace photopeak::ui {

// Help > About: version, libraries and the attributions the bundled and example data require.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    static QString attributionHtml();  // also for reports and the README
};

} // namespace photopeak::ui
