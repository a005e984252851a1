// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "jobs/JobControl.h"
#include "library/SpectrumDataset.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace photopeak::ui {

class JobRunner;

// Opens files and folders through the core (SpectrumDataset) off the GUI thread, reports progress and can
// be cancelled. Knows nothing about formats: whatever the reader registry understands is opened.
// Starting a new load cancels the running one; its result is dropped.
class DatasetLoader : public QObject {
    Q_OBJECT
public:
    struct Outcome {
        SpectrumDataset dataset;
        QStringList errors;  // paths that could not be opened at all (missing folder, ...)
        bool cancelled = false;
    };

    explicit DatasetLoader(QObject *parent = nullptr);
    ~DatasetLoader() override;

    bool isBusy() const;
    const QStringList &currentPaths() const { return m_paths; }

public slots:
    void start(const QStringList &paths);
    void cancel();

signals:
    void started(const QStringList &paths);
    void progress(qint64 done, qint64 total, const QString &stage);
    void finished(std::shared_ptr<const photopeak::SpectrumDataset> dataset, const QStringList &paths,
                  const QStringList &errors);
    void cancelled(const QStringList &paths);
    void busyChanged(bool busy);

private:
    static std::shared_ptr<Outcome> run(const QStringList &paths, const JobControl *job);

    JobRunner *m_runner;
    QStringList m_paths;
};

} // namespace photopeak::ui
