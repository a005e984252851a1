// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "training/TrainingJob.h"

#include "ml/SpectrumClassifier.h"
#include "ml/TrainingReport.h"
#include "ml/latent/LatentModel.h"

#include "jobs/JobRunner.h"

#include <QElapsedTimer>

#include <algorithm>
#include <limits>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#include <cerrno>
#endif

namespace photopeak::ui {

namespace {
// Progress values as ints for QProgressBar, scaled down when a total does not fit.
std::pair<int, int> toInts(qint64 done, qint64 total)
{
    constexpr qint64 limit = std::numeric_limits<int>::max();
    if (total > limit) {
        const qint64 scale = total / limit + 1;
        done /= scale;
        total /= scale;
    }
    return {int(std::clamp<qint64>(done, 0, limit)), int(std::clamp<qint64>(total, 0, limit))};
}

// The training threads yield to the GUI thread: the pool's one thread (and the threads it starts, which
// inherit the value) run at a slightly higher nice value. Linux sets nice values per thread; a pool thread
// is only ever used for training, so it keeps the value.
void yieldToTheGuiThread()
{
#ifdef Q_OS_LINUX
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
    const id_t tid = id_t(gettid());
    errno = 0;
    const int nice = getpriority(PRIO_PROCESS, tid);
    if (errno == 0)
        setpriority(PRIO_PROCESS, tid, std::min(nice + 5, 19));
#endif
}
} // namespace

struct TrainingJob::Outcome {
    std::shared_ptr<TrainingResult> result;
    QString error;
    bool cancelled = false;
};

TrainingJob::TrainingJob(QObject *parent) : QObject(parent), m_runner(new JobRunner(this))
{
    connect(m_runner, &JobRunner::progress, this, [this](qint64 done, qint64 total, const QString &stage) {
        const auto [d, t] = toInts(done, total);
        emit progress(d, t, stage);
    });
    connect(m_runner, &JobRunner::cancelled, this, &TrainingJob::cancelled);
    connect(m_runner, &JobRunner::failed, this, &TrainingJob::failed);
}

TrainingJob::~TrainingJob() = default;

bool TrainingJob::isRunning() const { return m_runner->isBusy(); }

std::shared_ptr<TrainingJob::Outcome> TrainingJob::run(const TrainingRequest &request, const JobControl *job)
{
    yieldToTheGuiThread();
    QElapsedTimer clock;
    clock.start();
    auto outcome = std::make_shared<Outcome>();
    auto result = std::make_shared<TrainingResult>();
    result->task = request.task;
    auto stop = [&](const QString &error) {
        outcome->cancelled = JobControl::cancelled(job);
        if (!outcome->cancelled)
            outcome->error = error;
        return outcome;
    };
    if (JobControl::cancelled(job))
        return stop({});
    JobControl::report(job, 0, request.dataset->size(), QStringLiteral("Selecting spectra"));
    if (request.task == TrainingRequest::Task::Classifier) {
        auto set = TrainingSetBuilder::preparedSet(*request.dataset, request.selection, request.classifierGrid, job);
        if (!set)
            return stop(set.error().toString());
        result->spectra = set->size();
        result->skipped = set->skipped();
        auto model = SpectrumClassifier::train(*set, request.classifier, job);
        if (!model || JobControl::cancelled(job))
            return stop(model ? QString() : model.error().toString());
        result->classifier = std::make_shared<const SpectrumClassifier>(std::move(model).value());
        result->report = TrainingReport::classifier(*result->classifier);
    } else {
        auto spectra = TrainingSetBuilder::spectra(*request.dataset, request.selection, job);
        if (!spectra)
            return stop(spectra.error().toString());
        result->spectra = static_cast<int>(spectra->size());
        auto model = LatentTrainer::train(*spectra, request.latent, job);
        if (!model || JobControl::cancelled(job))
            return stop(model ? QString() : model.error().toString());
        result->latentModel = std::make_shared<const LatentModel>(std::move(model).value());
        result->report = TrainingReport::latent(*result->latentModel);
    }
    result->seconds = clock.elapsed() / 1000.0;
    outcome->result = std::move(result);
    return outcome;
}

bool TrainingJob::start(const TrainingRequest &request)
{
    if (isRunning() || !request.dataset)
        return false;
    // One training at a time: one started after a cancel waits on the runner's thread until the cancelled
    // one has stopped.
    m_runner->start([request](const JobControl *job) { return run(request, job); },
                    [this](std::shared_ptr<Outcome> outcome) {
                        if (outcome->cancelled)
                            emit cancelled();
                        else if (!outcome->result)
                            emit failed(outcome->error);
                        else
                            emit finished(outcome->result);
                    });
    emit started();
    return true;
}

void TrainingJob::cancel() { m_runner->cancel(); }

} // namespace photopeak::ui
