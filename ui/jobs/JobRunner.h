// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "jobs/JobControl.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

class QThreadPool;

namespace photopeak::ui {

// The one way the window runs long work off the GUI thread (loading, training, classification, export, and
// every workflow's jobs), modelled on Qt Creator's Utils::Async: a generation counter so that a superseded or
// cancelled run's result and late progress are dropped, a photopeak::JobControl for progress and cancel,
// progress throttled to 20 signals per second (the last one always arrives), and the result handed over on
// this object's thread. Runs of one runner execute one after another on its own thread, so a run started
// after a cancel waits until the cancelled one has stopped and two runs never compete for the cores.
class JobRunner : public QObject {
    Q_OBJECT
public:
    explicit JobRunner(QObject *parent = nullptr);
    ~JobRunner() override;  // cancels the running work and waits for its thread

    bool isBusy() const { return m_busy; }

    // Starts work(const JobControl *) -> R on the runner's thread and calls deliver(R &&) here when it ends,
    // unless it was cancelled or superseded by a later start() meanwhile. A running job is superseded.
    template <typename Work, typename Deliver>
    void start(Work work, Deliver deliver)
    {
        using R = std::invoke_result_t<Work &, const JobControl *>;
        auto result = std::make_shared<std::optional<R>>();
        launch([work = std::move(work), result](const JobControl *job) mutable { result->emplace(work(job)); },
               [deliver = std::move(deliver), result]() mutable { deliver(std::move(**result)); });
    }

public slots:
    // Stops the running work at its next cancellation check; emits cancelled() at once and drops the result.
    void cancel();

signals:
    void progress(qint64 done, qint64 total, const QString &stage);
    void busyChanged(bool busy);
    void cancelled();
    // The work threw: the message of the exception.
    void failed(const QString &message);

private:
    void launch(std::function<void(const JobControl *)> work, std::function<void()> deliver);
    void setBusy(bool busy);

    QThreadPool *m_pool;
    std::shared_ptr<JobControl> m_job;
    quint64 m_generation = 0;
    bool m_busy = false;
};

} // namespace photopeak::ui
