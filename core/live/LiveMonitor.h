// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "live/LiveAnalysis.h"
#include "live/LiveSource.h"

#include <functional>
#include <memory>

namespace photopeak {

// A monitoring session: a live source feeding the running analysis. Lives in the thread that starts it (the
// CLI's main thread, a worker thread of the window) and calls its callbacks there.
class LiveMonitor {
public:
    struct Callbacks {
        std::function<void(const LiveResult &)> result;
        std::function<void(const Error &)> problem;
        std::function<void()> finished;  // the source ran out (replay); do not destroy the monitor inside it
    };

    LiveMonitor(std::unique_ptr<LiveSource> source, std::shared_ptr<const SpectrumAnalyzer> analyzer,
                LiveAnalysis::Options options);
    ~LiveMonitor();

    void setCallbacks(Callbacks callbacks) { m_callbacks = std::move(callbacks); }
    Status start();
    void stop();
    bool isRunning() const { return m_source && m_source->isRunning(); }

    LiveSource &source() { return *m_source; }
    LiveAnalysis &analysis() { return m_analysis; }
    const LiveAnalysis &analysis() const { return m_analysis; }

private:
    std::unique_ptr<LiveSource> m_source;
    LiveAnalysis m_analysis;
    Callbacks m_callbacks;
};

} // namespace photopeak
