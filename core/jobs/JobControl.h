// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QString>

#include <atomic>
#include <functional>
#include <mutex>

namespace photopeak {

// Progress and cancellation shared by a long computation and whoever watches it (GUI, CLI).
// The computation calls report() and checks isCancelled(); the watcher calls cancel() from any thread.
class JobControl {
public:
    using ProgressCallback = std::function<void(qint64 done, qint64 total, const QString &stage)>;

    void setProgressCallback(ProgressCallback callback) { m_callback = std::move(callback); }
    void report(qint64 done, qint64 total, const QString &stage = {}) const
    {
        if (m_callback) {
            std::lock_guard lock(m_mutex);
            m_callback(done, total, stage);
        }
    }
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

    // Null-safe helpers for functions taking an optional JobControl*.
    static bool cancelled(const JobControl *job) { return job && job->isCancelled(); }
    static void report(const JobControl *job, qint64 done, qint64 total, const QString &stage = {})
    {
        if (job)
            job->report(done, total, stage);
    }

private:
    ProgressCallback m_callback;
    mutable std::mutex m_mutex;
    std::atomic<bool> m_cancelled{false};
};

} // namespace photopeak
