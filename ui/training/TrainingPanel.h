// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "training/TrainingJob.h"

#include <QWidget>

#include <memory>

class QComboBox;

namespace photopeak {
class LatentModel;
class SpectrumClassifier;
class SpectrumDataset;
}

namespace photopeak::ui {

class LatentTrainingPage;
class ParameterForm;
class TrainingDataSelector;
class TrainingRunView;

// Training panel (meant for a dock): trains on the spectra loaded in the window, or the subset chosen by
// label set and folder, either source detection + isotope identification (SpectrumClassifier) or the latent
// decomposition (LatentTrainer). Three parts: the data selection (TrainingDataSelector), the method's form
// (ParameterForm generated from ClassifierParameters, the same table as photopeak-cli's options; or the latent
// page), and the run with its results (TrainingRunView). Training runs in a TrainingJob; models are saved and
// loaded through the core (no parsing here).
class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    enum class Task { Classifier = 0, Latent = 1 };

    explicit TrainingPanel(QWidget *parent = nullptr);
    ~TrainingPanel() override;

    void setDataset(std::shared_ptr<const photopeak::SpectrumDataset> dataset);

    bool isBusy() const;
    Task task() const;
    void setTask(Task task);
    // The selection and options the Train button would use now.
    photopeak::ui::TrainingRequest currentRequest() const;
    // Usable spectra inside the current selection.
    int selectedSpectrumCount() const;
    std::shared_ptr<const photopeak::SpectrumClassifier> classifier() const { return m_classifier; }
    std::shared_ptr<const photopeak::LatentModel> latentModel() const { return m_latentModel; }
    QString metricsText() const;
    TrainingJob *job() const { return m_job; }
    ParameterForm *classifierForm() const { return m_classifierForm; }
    ParameterForm *latentForm() const;

    // Check or uncheck one label set (its key, "" = unlabelled) or folder; false if there is none.
    bool setLabelSetChecked(const QString &key, bool checked);
    bool setFolderChecked(const QString &folder, bool checked);
    QStringList labelSetKeys() const;
    QStringList folderNames() const;

    // Model files of the current task, without dialogs. Errors are shown in a message box and returned false.
    bool saveModelTo(const QString &path);
    bool loadModelFrom(const QString &path);
    // A model the window loaded elsewhere (File ▸ Open Model, --model): shown with its report and options, and
    // saved from here; no signal is emitted (the window has it already).
    void showLoadedClassifier(std::shared_ptr<const photopeak::SpectrumClassifier> model, const QString &path);
    void showLoadedLatentModel(std::shared_ptr<const photopeak::LatentModel> model, const QString &path);

public slots:
    // Starts a training of the current task on the current selection; false if busy or nothing to train on
    // (the reason is shown in the status line).
    bool startTraining();
    void cancelTraining();
    void saveModel();  // file dialog
    void loadModel();  // file dialog

signals:
    void classifierReady(std::shared_ptr<const photopeak::SpectrumClassifier> model);
    void latentModelReady(std::shared_ptr<const photopeak::LatentModel> model);
    void busyChanged(bool busy);

private:
    void onSelectionChanged();
    void updateTaskWidgets();
    void updateFormState();
    void setBusy(bool busy);
    bool hasModelOfTask() const;
    void showError(const QString &title, const QString &message);
    void onProgress(int done, int total, const QString &stage);
    void onFinished(std::shared_ptr<const photopeak::ui::TrainingResult> result);
    void onEnded(const QString &status);
    void showModelReport();
    photopeak::ClassifierOptions classifierOptions() const;

    TrainingJob *m_job;
    std::shared_ptr<const photopeak::SpectrumClassifier> m_classifier;
    std::shared_ptr<const photopeak::LatentModel> m_latentModel;
    QString m_classifierReport, m_latentReport;  // metrics text of the current model of each task

    QWidget *m_settings = nullptr;  // everything disabled while training
    TrainingDataSelector *m_data = nullptr;
    QComboBox *m_task = nullptr;
    ParameterForm *m_classifierForm = nullptr;
    LatentTrainingPage *m_latentPage = nullptr;
    TrainingRunView *m_run = nullptr;
};

} // namespace photopeak::ui
