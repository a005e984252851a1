// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace photopeak::ui {

// Status-bar strip for one kind of background work (classification, report export): text, progress bar,
// Cancel. Hidden while idle.
class TaskProgressWidget : public QWidget {
    Q_OBJECT
public:
    explicit TaskProgressWidget(QWidget *parent = nullptr);

    QToolButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_bar; }

public slots:
    void begin(const QString &text);
    // `text` uses %1 = done and %2 = total.
    void setProgress(qint64 done, qint64 total);
    void end();

signals:
    void cancelRequested();

private:
    QString m_text;
    QLabel *m_label;
    QProgressBar *m_bar;
    QToolButton *m_cancel;
};

} // namespace photopeak::ui
