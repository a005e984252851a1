// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "live/LiveMonitor.h"

namespace photopeak {

LiveMonitor::LiveMonitor(std::unique_ptr<LiveSource> source, std::shared_ptr<const SpectrumAnalyzer> analyzer,
                         LiveAnalysis::Options options)
    : m_source(std::move(source)), m_analysis(std::move(analyzer), std::move(options))
{
    LiveSource::Callbacks c;
    c.spectrum = [this](const LiveSpectrum &s) {
        const LiveResult r = m_analysis.process(s);
        if (m_callbacks.result)
            m_callbacks.result(r);
    };
    c.problem = [this](const Error &e) {
        if (m_callbacks.problem)
            m_callbacks.problem(e);
    };
    c.finished = [this] {
        if (m_callbacks.finished)
            m_callbacks.finished();
    };
    m_source->setCallbacks(std::move(c));
}

LiveMonitor::~LiveMonitor() { stop(); }

Status LiveMonitor::start() { return m_source->start(); }

void LiveMonitor::stop()
{
    if (m_source)
        m_source->stop();
}

} // namespace photopeak
