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

// Runs SpectrumAnalyzer over chosen entries of a dataset off the GUI thread, with throttled progress and
// Cancel. Starting a new run cancels the running one (its result is dropped).
class ClassificationJob : public QObject {
    Q_OBJECT
public:
    explicit ClassificationJob(QObject *parent = nullptr);
    ~ClassificationJob() override;

    bool isBusy() const { return m_busy; }

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
    std::shared_ptr<JobControl> m_job;
    quint64 m_generation = 0;
    bool m_busy = false;
    QElapsedTimer m_clock;
};

} // namespace photopeak::ui
