// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "live/AlarmBanner.h"

#include <QFileInfo>
#include <QLocale>

namespace photopeak::ui {

AlarmBanner::AlarmBanner(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setMargin(8);
    setTextFormat(Qt::RichText);
    showQuiet(tr("Not watching."));
}

void AlarmBanner::showAlarm(const AlarmRecord &a)
{
    m_alarm = true;
    setStyleSheet(QStringLiteral("QLabel { background: #c62828; color: white; border-radius: 4px; }"));
    const QString when = QLocale().toString(a.raisedAt.time(), QLocale::LongFormat);
    const QString measured = a.measuredAt.isValid() ? tr(", measured %1").arg(QLocale().toString(a.measuredAt, QLocale::ShortFormat))
                                                    : QString();
    setText(tr("<span style='font-size:15pt; font-weight:600'>ALARM: %1</span><br>since %2 — spectrum #%3 (%4%5)<br>%6")
                .arg(a.isotopeText().toHtmlEscaped(), when).arg(a.sequence)
                .arg(QFileInfo(a.file).fileName().toHtmlEscaped(), measured, a.evidence().toHtmlEscaped()));
}

void AlarmBanner::showQuiet(const QString &text)
{
    m_alarm = false;
    setStyleSheet(QStringLiteral("QLabel { background: #e8f5e9; color: #1b5e20; border-radius: 4px; }"));
    setText(QStringLiteral("<span style='font-size:12pt'>%1</span>").arg(text.toHtmlEscaped()));
}

} // namespace photopeak::ui
