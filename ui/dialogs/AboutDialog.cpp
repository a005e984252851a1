// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "dialogs/AboutDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace photopeak::ui {

QString AboutDialog::attributionHtml()
{
    return tr("<h4>Data</h4>"
              "<p><b>XGD spectra</b> (Xenon Gamma-Detector, NRNU MEPhI): MIT licence, "
              "© 2023 Ivan Davydov (XGD-MLC repository).</p>"
              "<p><b>GAMMA_FLOW spectra</b>: Datenlizenz Deutschland – Namensnennung – Version 2.0 "
              "(<a href='https://www.govdata.de/dl-de/by-2-0'>dl-de/by-2-0</a>), provider: "
              "Bundesamt für Strahlenschutz (BfS); converted to HDF5, values unchanged.</p>"
              "<h4>Libraries</h4>"
              "<p>Qt %1 (LGPL-3.0), QCustomPlot by Emanuel Eichhammer (GPL-3.0), Eigen (MPL-2.0), "
              "dlib (Boost Software Licence), HDF5 (BSD-style).</p>")
        .arg(QString::fromLatin1(qVersion()));
}

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("About Photopeak"));
    setObjectName(QStringLiteral("aboutDialog"));
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/photopeak.svg")).pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);
    top->addWidget(icon);
    auto *title = new QLabel(this);
    title->setText(tr("<h2>Photopeak %1</h2><p>Gamma-ray spectrum workstation: browse labelled spectra, "
                      "plot, find peaks, classify.</p>")
                       .arg(QApplication::applicationVersion()));
    title->setWordWrap(true);
    top->addWidget(title, 1);
    layout->addLayout(top);

    auto *text = new QTextBrowser(this);
    text->setOpenExternalLinks(true);
    text->setHtml(attributionHtml());
    text->setMinimumSize(480, 220);
    layout->addWidget(text, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace photopeak::ui
