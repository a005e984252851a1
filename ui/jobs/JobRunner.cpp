// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "jobs/JobRunner.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QPointer>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <exception>

namespace photopeak::ui {

namespace {
constexpr qint64 kProgressIntervalMs = 50;

struct Outcome {
    bool ok = false;
    QString error;
};
} // namespace

JobRunner::JobRunner(QObject *parent) : QObject(parent), m_pool(new QThreadPool(this))
{
    m_pool->setMaxThreadCount(1);
}

JobRunner::~JobRunner()
{
    if (m_job)
        m_job->cancel();
    // The worker posts progress to this object: it must be gone before we are.
    m_pool->waitForDone();
}

void JobRunner::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

void JobRunner::launch(std::function<void(const JobControl *)> work, std::function<void()> deliver)
{
    if (m_job)
        m_job->cancel();  // superseded: its result is dropped by the generation check
    const quint64 generation = ++m_generation;
    auto job = std::make_shared<JobControl>();
    m_job = job;
    QPointer<JobRunner> self(this);
    auto lastPost = std::make_shared<std::atomic<qint64>>(-kProgressIntervalMs);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    job->setProgressCallback([self, generation, lastPost, clock](qint64 done, qint64 total, const QString &stage) {
        const qint64 now = clock->elapsed();
        if (done < total && now - lastPost->load() < kProgressIntervalMs)
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
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, deliver = std::move(deliver)] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;  // superseded or cancelled: already reported
        const Outcome outcome = watcher->result();
        m_job.reset();
        setBusy(false);
        if (outcome.ok)
            deliver();
        else
            emit failed(outcome.error);
    });
    watcher->setFuture(QtConcurrent::run(m_pool, [work = std::move(work), job]() mutable {
        Outcome out;
        try {
            work(job.get());
            out.ok = true;
        } catch (const std::exception &e) {
            out.error = QString::fromLocal8Bit(e.what());
        } catch (...) {
            out.error = QStringLiteral("unexpected error");
        }
        return out;
    }));
    setBusy(true);
}

void JobRunner::cancel()
{
    if (!m_busy)
        return;
    m_job->cancel();
    m_job.reset();
    ++m_generation;
    setBusy(false);
    emit cancelled();
}

} // namespace photopeak::ui
