// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "live/LiveSpectrum.h"
#include "util/Result.h"

#include <functional>

namespace photopeak {

// A source of spectra that arrive while an instrument measures: a watched folder, a growing multi-record file
// or a replay. Lives in the thread that calls start() (it needs that thread's event loop: file-system watcher
// and timers) and calls the callbacks there. Never modifies or deletes the files it watches.
class LiveSource {
public:
    struct Callbacks {
        std::function<void(const LiveSpectrum &)> spectrum;  // one per new record
        std::function<void(const Error &)> problem;          // a file that cannot be read; the source goes on
        std::function<void()> finished;                      // a replay ran out of files (watchers never finish)
    };

    virtual ~LiveSource() = default;
    void setCallbacks(Callbacks callbacks) { m_callbacks = std::move(callbacks); }

    virtual Status start() = 0;
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;
    virtual QString describe() const = 0;

protected:
    void deliver(const LiveSpectrum &s) const
    {
        if (m_callbacks.spectrum)
            m_callbacks.spectrum(s);
    }
    void report(const Error &e) const
    {
        if (m_callbacks.problem)
            m_callbacks.problem(e);
    }
    void finish() const
    {
        if (m_callbacks.finished)
            m_callbacks.finished();
    }

private:
    Callbacks m_callbacks;
};

} // namespace photopeak
