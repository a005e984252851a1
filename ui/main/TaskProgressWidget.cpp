// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "main/TaskProgressWidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

namespace photopeak::ui {

TaskProgressWidget::TaskProgressWidget(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    m_bar->setFixedWidth(180);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAutoRaise(true);
    connect(m_cancel, &QToolButton::clicked, this, &TaskProgressWidget::cancelRequested);
    setVisible(false);
}

void TaskProgressWidget::begin(const QString &text)
{
    m_text = text;
    m_label->setText(text.arg(0).arg(QStringLiteral("…")));
    m_bar->setRange(0, 0);
    setVisible(true);
}

void TaskProgressWidget::setProgress(qint64 done, qint64 total)
{
    const QLocale locale;
    m_label->setText(m_text.arg(locale.toString(done), locale.toString(total)));
    if (total > 0) {
        m_bar->setRange(0, 1000);
        m_bar->setValue(static_cast<int>(1000 * done / total));
    }
}

void TaskProgressWidget::end()
{
    setVisible(false);
}

} // namespace photopeak::ui
