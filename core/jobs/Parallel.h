// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "jobs/JobControl.h"

#include <QString>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace photopeak {

// The one way core runs work on several threads. One thread cap for the whole program, set from the
// window's settings or the CLI's --threads; every parallel loop in core goes through forEach.
class Parallel {
public:
    // Threads a loop may use, the calling thread included (>= 1).
    static int maxThreads();
    // 0 = as many as the machine has (at most 8); otherwise clamped to [1, 64].
    static void setMaxThreads(int threads);

    // forEachWithState calls body(state, index) for every index in [0, count), handing indices out in increasing order to up
    // to maxThreads() threads (the caller is one of them), each thread with its own state from makeState().
    // At most count / grain threads are started, so tiny loops stay on the caller's thread. After a cancel
    // no new index is handed out. With a non-empty stage, progress is reported through `job` (about 50
    // times per loop, never backwards). The first exception thrown by a body is rethrown after every thread has stopped.
    template <typename MakeState, typename Body>
    static void forEachWithState(qsizetype count, MakeState makeState, Body body, const JobControl *job = nullptr,
                        const QString &stage = {}, qsizetype grain = 1, int threadLimit = 0)
    {
        if (count <= 0)
            return;
        int threads = std::min<qsizetype>(maxThreads(), (count + grain - 1) / std::max<qsizetype>(grain, 1));
        if (threadLimit > 0)
            threads = std::min(threads, threadLimit);
        std::atomic<qsizetype> next{0}, finished{0};
        const qsizetype stride = std::max<qsizetype>(1, count / 50);
        qsizetype lastReported = 0;  // guarded by reportMutex: reports never go backwards
        std::mutex reportMutex;
        std::exception_ptr failure;
        std::mutex failureMutex;
        auto worker = [&] {
            try {
                auto state = makeState();
                for (qsizetype i = next++; i < count; i = next++) {
                    if (JobControl::cancelled(job))
                        return;
                    body(state, i);
                    const qsizetype f = ++finished;
                    if (!stage.isEmpty() && (f % stride == 0 || f == count)) {
                        std::lock_guard lock(reportMutex);
                        if (f > lastReported) {
                            lastReported = f;
                            JobControl::report(job, f, count, stage);
                        }
                    }
                }
            } catch (...) {
                std::lock_guard lock(failureMutex);
                if (!failure)
                    failure = std::current_exception();
            }
        };
        if (!stage.isEmpty())
            JobControl::report(job, 0, count, stage);
        std::vector<std::thread> pool;
        try {
            for (int t = 1; t < threads; ++t)
                pool.emplace_back(worker);
        } catch (...) {
            // No more threads: the ones started and the caller do the rest.
        }
        worker();
        for (auto &t : pool)
            t.join();
        if (failure)
            std::rethrow_exception(failure);
    }

    // forEachWithState without per-thread state.
    template <typename Body>
    static void forEach(qsizetype count, Body body, const JobControl *job = nullptr, const QString &stage = {},
                        qsizetype grain = 1, int threadLimit = 0)
    {
        struct NoState {};
        forEachWithState(count, [] { return NoState{}; }, [&](NoState &, qsizetype i) { body(i); }, job, stage, grain,
                threadLimit);
    }
};

} // namespace photopeak
