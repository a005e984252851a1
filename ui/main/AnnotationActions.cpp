// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "main/AnnotationActions.h"

#include <QAction>
#include <QMenu>
#include <QSettings>

namespace photopeak::ui {

namespace {
QAction *toggle(QObject *parent, const QString &text, const QString &tip, const QString &key, bool defaultOn)
{
    auto *a = new QAction(text, parent);
    a->setCheckable(true);
    a->setToolTip(tip);
    a->setChecked(QSettings().value(QStringLiteral("view/annotations/") + key, defaultOn).toBool());
    QObject::connect(a, &QAction::toggled, a, [key](bool on) { QSettings().setValue(QStringLiteral("view/annotations/") + key, on); });
    return a;
}
} // namespace

AnnotationActions::AnnotationActions(QObject *parent)
    : QObject(parent)
    , m_isotopes(toggle(this, tr("Identified &Isotopes"),
                        tr("Shade the lines of each identified isotope with opacity = probability"), QStringLiteral("isotopes"), true))
    , m_infoBox(toggle(this, tr("Header Bo&x"), tr("Channels, times, distance, calibration and start of the spectrum"),
                       QStringLiteral("infoBox"), true))
    , m_peaks(toggle(this, tr("Fitted &Peaks"), tr("Search and fit the peaks of the front spectrum"), QStringLiteral("peaks"), false))
    , m_lines(toggle(this, tr("&Nuclide Lines"), tr("Library lines of the identified isotopes"), QStringLiteral("lines"), false))
    , m_useBackground(new QAction(tr("Use Current Spectrum as &Background"), this))
    , m_clearBackground(new QAction(tr("&Clear Background Overlay"), this))
{
    m_peaks->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_useBackground->setToolTip(tr("Overlay this spectrum, scaled by live time, behind every spectrum shown"));
    m_clearBackground->setEnabled(false);
    for (QAction *a : {m_isotopes, m_infoBox, m_peaks, m_lines})
        connect(a, &QAction::toggled, this, &AnnotationActions::changed);
}

void AnnotationActions::fillMenu(QMenu *menu) const
{
    menu->addAction(m_isotopes);
    menu->addAction(m_lines);
    menu->addAction(m_peaks);
    menu->addAction(m_infoBox);
    menu->addSeparator();
    menu->addAction(m_useBackground);
    menu->addAction(m_clearBackground);
}

} // namespace photopeak::ui
