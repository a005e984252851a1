#include "results/ClassificationJob.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace photopeak::ui {

namespace {
using Results = std::shared_ptr<std::vector<SpectrumAnalysis>>;

Results analyse(const SpectrumDataset &dataset, const SpectrumAnalyzer &analyzer, const QList<int> &entries,
                const JobControl *job)
{
    auto out = std::make_shared<std::vector<SpectrumAnalysis>>();
    if (entries.isEmpty()) {
        *out = analyzer.analyseAll(dataset, job);
        return out;
    }
    out->reserve(static_cast<size_t>(entries.size()));
    const auto &all = dataset.entries();
    for (int i = 0; i < entries.size(); ++i) {
        if (JobControl::cancelled(job))
            break;
        const int e = entries[i];
        if (e < 0 || e >= static_cast<int>(all.size()))
            continue;
        const DatasetEntry &entry = all[static_cast<size_t>(e)];
        out->push_back(analyzer.analyse(entry, SpectrumAnalyzer::entryName(entry), e));
        JobControl::report(job, i + 1, entries.size(), QObject::tr("Classifying"));
    }
    return out;
}
} // namespace

ClassificationJob::ClassificationJob(QObject *parent) : QObject(parent) {}

ClassificationJob::~ClassificationJob()
{
    if (m_job)
        m_job->cancel();
    for (auto *watcher : findChildren<QFutureWatcher<Results> *>())
        if (!watcher->isFinished())
            watcher->waitForFinished();
}

void ClassificationJob::start(std::shared_ptr<const SpectrumDataset> dataset,
                              std::shared_ptr<const SpectrumAnalyzer> analyzer, QList<int> entries)
{
    if (m_job)
        m_job->cancel();
    const quint64 generation = ++m_generation;
    m_job = std::make_shared<JobControl>();
    m_clock.start();
    QPointer<ClassificationJob> self(this);
    // Worker threads report after every spectrum; the GUI hears at most ~20 of them per second.
    auto lastPost = std::make_shared<std::atomic<qint64>>(-1000);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    m_job->setProgressCallback([self, generation, lastPost, clock](qint64 done, qint64 total, const QString &stage) {
        const qint64 now = clock->elapsed();
        if (done < total && now - lastPost->load() < 50)
            return;
        lastPost->store(now);
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, done, total, stage] {
                if (self && self->m_generation == generation && self->m_busy)
                    emit self->progress(done, total, stage);
            },
            Qt::QueuedConnection);
    });
    auto *watcher = new QFutureWatcher<Results>(this);
    std::shared_ptr<JobControl> job = m_job;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, job] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_busy = false;
        m_job.reset();
        if (job->isCancelled())
            emit cancelled();
        else
            emit finished(std::move(*watcher->result()), m_clock.elapsed() / 1000.0);
        emit busyChanged(false);
    });
    watcher->setFuture(QtConcurrent::run([dataset, analyzer, entries, job] {
        return analyse(*dataset, *analyzer, entries, job.get());
    }));
    const bool wasBusy = m_busy;
    m_busy = true;
    if (!wasBusy)
        emit busyChanged(true);
}

void ClassificationJob::cancel()
{
    if (m_job && m_busy)
        m_job->cancel();
}

} // namespace photopeak::ui
