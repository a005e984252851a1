// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "jobs/JobControl.h"
#include "library/SpectrumDataset.h"
#include "ml/ClassifierOptions.h"
#include "ml/TrainingSetBuilder.h"
#include "ml/latent/LatentTrainer.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace photopeak {
class LatentModel;
class SpectrumClassifier;
}

namespace photopeak::ui {

class JobRunner;

// What to train: the task, the dataset and the selection of its entries, and the task's options.
struct TrainingRequest {
    enum class Task { Classifier, Latent };

    Task task = Task::Classifier;
    std::shared_ptr<const SpectrumDataset> dataset;
    TrainingSelection selection;
    ClassifierOptions classifier;          // Task::Classifier
    EnergyGrid classifierGrid = EnergyGrid::xgdDefault();
    LatentTrainingSpec latent;             // Task::Latent (components, detector filters, options, grid)
};

// What a finished training produced.
struct TrainingResult {
    TrainingRequest::Task task = TrainingRequest::Task::Classifier;
    std::shared_ptr<const SpectrumClassifier> classifier;  // Task::Classifier
    std::shared_ptr<const LatentModel> latentModel;        // Task::Latent
    QString report;           // metrics in words (core TrainingReport)
    int spectra = 0;          // selected usable spectra trained on
    QStringList skipped;      // "path: reason" of selected spectra that could not be prepared
    double seconds = 0.0;     // wall time of the whole job (selection, preparation, training)
};

// Runs one training off the GUI thread (a JobRunner: its own thread, photopeak::JobControl for progress
// and cancellation). The selected spectra are copied and prepared in the worker too: the GUI
// thread only hands over a shared pointer to the dataset. Progress is queued to this object's thread and
// throttled to at most 20 signals per second.
//
// cancel() returns at once: the job emits cancelled() and is no longer running; the worker stops at its next
// cancellation check and its result is dropped. A training started meanwhile waits in the pool until the
// cancelled one has stopped, so two trainings never compete for the cores.
class TrainingJob : public QObject {
    Q_OBJECT
public:
    explicit TrainingJob(QObject *parent = nullptr);
    ~TrainingJob() override;  // cancels the running training and waits for its worker

    bool isRunning() const;

public slots:
    // Starts a training; returns false (and does nothing) when one is already running or the request has
    // no dataset.
    bool start(const photopeak::ui::TrainingRequest &request);
    void cancel();

signals:
    void started();
    void progress(int done, int total, const QString &stage);
    void finished(std::shared_ptr<const photopeak::ui::TrainingResult> result);
    void failed(const QString &message);
    void cancelled();

private:
    struct Outcome;
    static std::shared_ptr<Outcome> run(const TrainingRequest &request, const JobControl *job);

    JobRunner *m_runner;
};

} // namespace photopeak::ui
