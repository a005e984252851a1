// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace photopeak {
class LatentModel;
class SpectrumClassifier;
}

namespace photopeak::ui {

// The training panel's run and results: Train / Cancel, progress, status line, the summary table and the full
// report of the current model, Save / Load model.
class TrainingRunView : public QWidget {
    Q_OBJECT
public:
    explicit TrainingRunView(QWidget *parent = nullptr);

    void setStatus(const QString &text);
    QString status() const;
    void setBusy(bool busy, bool canTrain, bool canSave);
    void setCanTrain(bool canTrain);
    void setCanSave(bool canSave);
    // total <= 0: busy indicator.
    void setProgress(int done, int total);
    void setProgressDone(bool succeeded);
    void clearResults();
    // Out-of-fold figures per learner (classifier) or spectra per component (latent); nullptr = empty table.
    void showClassifier(const photopeak::SpectrumClassifier *model, const QString &report);
    void showLatent(const photopeak::LatentModel *model, const QString &report);
    QString reportText() const;

signals:
    void trainRequested();
    void cancelRequested();
    void saveRequested();
    void loadRequested();

private:
    void addSummaryRow(const QStringList &cells);
    void finishSummary();

    QPushButton *m_train = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QTabWidget *m_resultTabs = nullptr;
    QTreeWidget *m_summary = nullptr;
    QPlainTextEdit *m_report = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_load = nullptr;
};

} // namespace photopeak::ui
