#include "loading/DatasetLoader.h"

#include "app/Logging.h"

#include <QFileInfo>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace photopeak::ui {

DatasetLoader::DatasetLoader(QObject *parent) : QObject(parent) {}

DatasetLoader::~DatasetLoader()
{
    // The worker may still post progress to this object: stop it and wait (reading stops at the next file).
    if (m_job)
        m_job->cancel();
    for (auto *watcher : findChildren<QFutureWatcher<std::shared_ptr<Outcome>> *>())
        if (!watcher->isFinished())
            watcher->waitForFinished();
}

std::shared_ptr<DatasetLoader::Outcome> DatasetLoader::run(const QStringList &paths, const JobControl *job)
{
    auto result = std::make_shared<Outcome>();
    Outcome &out = *result;
    for (const QString &path : paths) {
        if (JobControl::cancelled(job))
            break;
        const QFileInfo info(path);
        if (info.isDir()) {
            auto result = SpectrumDataset::openFolder(info.absoluteFilePath(), job);
            if (!result) {
                out.errors << result.error().toString();
                continue;
            }
            out.dataset.append(std::move(result).value());
        } else if (info.exists()) {
            out.dataset.append(SpectrumDataset::openFile(info.absoluteFilePath()));
        } else {
            out.errors << QObject::tr("%1: no such file or folder").arg(path);
        }
    }
    out.cancelled = JobControl::cancelled(job);
    return result;
}

void DatasetLoader::start(const QStringList &paths)
{
    if (m_job)
        m_job->cancel();  // the previous watcher finishes on its own; its generation is stale
    const quint64 generation = ++m_generation;
    m_paths = paths;
    m_job = std::make_shared<JobControl>();
    QPointer<DatasetLoader> self(this);
    m_job->setProgressCallback([self, generation](qint64 done, qint64 total, const QString &stage) {
        // Called on worker threads: hop to the GUI thread; dropped if the loader is gone or superseded.
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, done, total, stage] {
                if (self && self->m_generation == generation && self->m_busy)
                    emit self->progress(done, total, stage);
            },
            Qt::QueuedConnection);
    });

    auto *watcher = new QFutureWatcher<std::shared_ptr<Outcome>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, generation] { onWatcherFinished(watcher, generation); });
    std::shared_ptr<JobControl> job = m_job;
    watcher->setFuture(QtConcurrent::run([paths, job] { return run(paths, job.get()); }));

    qCDebug(lcLoad) << "load started" << paths << "generation" << generation;
    const bool wasBusy = m_busy;
    m_busy = true;
    emit started(paths);
    if (!wasBusy)
        emit busyChanged(true);
}

void DatasetLoader::cancel()
{
    if (m_job && m_busy)
        m_job->cancel();
}

void DatasetLoader::onWatcherFinished(QFutureWatcher<std::shared_ptr<Outcome>> *watcher, quint64 generation)
{
    watcher->deleteLater();
    qCDebug(lcLoad) << "load finished, generation" << generation << "current" << m_generation;
    if (generation != m_generation)
        return;  // superseded by a newer load
    // The outcome travels by pointer: a dataset of thousands of spectra is never copied.
    Outcome &out = *watcher->result();
    m_busy = false;
    m_job.reset();
    const QStringList paths = m_paths;
    if (out.cancelled)
        emit cancelled(paths);
    else
        emit finished(std::make_shared<const SpectrumDataset>(std::move(out.dataset)), paths, out.errors);
    emit busyChanged(false);
}

} // namespace photopeak::ui
