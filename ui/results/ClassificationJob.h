// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "analysis/SpectrumAnalysis.h"
#include "analysis/SpectrumAnalyzer.h"
#include "jobs/JobControl.h"
#include "library/SpectrumDataset.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>
#include <vector>

namespace photopeak::ui {

class JobRunner;

// Runs SpectrumAnalyzer over chosen entries of a dataset off the GUI thread through a JobRunner (throttled
// progress, Cancel). Starting a new run supersedes the running one (its result is dropped).
class ClassificationJob : public QObject {
    Q_OBJECT
public:
    explicit ClassificationJob(QObject *parent = nullptr);
    ~ClassificationJob() override;

    bool isBusy() const;

public slots:
    // `entries`: indices into dataset->entries(); empty = every entry.
    void start(std::shared_ptr<const photopeak::SpectrumDataset> dataset,
               std::shared_ptr<const photopeak::SpectrumAnalyzer> analyzer, QList<int> entries = {});
    void cancel();

signals:
    void progress(qint64 done, qint64 total, const QString &stage);
    void finished(std::vector<photopeak::SpectrumAnalysis> results, double seconds);
    void cancelled();
    void busyChanged(bool busy);

private:
    JobRunner *m_runner;
    QElapsedTimer m_clock;
};

} // namespace photopeak::ui
