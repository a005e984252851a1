// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "live/IntervalSums.h"

#include <algorithm>

namespace photopeak {

IntervalSums::IntervalSums(int sliding) : m_sliding(std::max(0, sliding)) {}

void IntervalSums::setSliding(int intervals)
{
    m_sliding = std::max(0, intervals);
    while (slidingCount() > m_sliding)
        m_window.pop_front();
}

void IntervalSums::reset()
{
    m_window.clear();
    m_cumulative = PreparedSpectrum();
    m_cumulativeRaw.clear();
    m_cumulativeReal = 0.0;
    m_cumulativeCount = 0;
}

void IntervalSums::add(const Spectrum &raw, const PreparedSpectrum &prepared)
{
    const bool sameLayout = m_layout.channelCount() == raw.channelCount()
                            && m_layout.calibration.coefficients() == raw.calibration.coefficients();
    if (!sameLayout || m_cumulative.counts.size() != prepared.counts.size())
        reset();
    m_layout = raw;
    m_layout.counts.clear();
    m_layout.counts.resize(raw.counts.size(), 0.0);

    if (m_sliding > 1) {
        m_window.push_back({raw.counts, raw.realTime, prepared});
        while (slidingCount() > m_sliding)
            m_window.pop_front();
    }
    if (m_cumulative.counts.empty()) {
        m_cumulative.counts.assign(prepared.counts.size(), 0.0);
        m_cumulativeRaw.assign(raw.counts.size(), 0.0);
    }
    for (size_t b = 0; b < prepared.counts.size(); ++b)
        m_cumulative.counts[b] += prepared.counts[b];
    m_cumulative.liveTime += prepared.liveTime;
    for (size_t c = 0; c < raw.counts.size(); ++c)
        m_cumulativeRaw[c] += raw.counts[c];
    m_cumulativeReal += raw.realTime;
    ++m_cumulativeCount;
}

PreparedSpectrum IntervalSums::slidingPrepared() const
{
    PreparedSpectrum out;
    if (m_window.empty())
        return out;
    out.counts.assign(m_window.front().prepared.counts.size(), 0.0);
    for (const Entry &e : m_window) {
        out.liveTime += e.prepared.liveTime;
        for (size_t b = 0; b < out.counts.size(); ++b)
            out.counts[b] += e.prepared.counts[b];
    }
    return out;
}

std::shared_ptr<const Spectrum> IntervalSums::makeSpectrum(const Spectrum &layout, std::vector<double> counts, double live,
                                                          double real, const QString &what)
{
    auto s = std::make_shared<Spectrum>(layout);
    s->counts = std::move(counts);
    s->liveTime = live;
    s->realTime = real;
    s->description = what;
    s->rawHeader.clear();
    s->indexInSource = 0;
    s->checkValues();
    return s;
}

std::shared_ptr<const Spectrum> IntervalSums::slidingSpectrum() const
{
    if (m_window.empty())
        return nullptr;
    std::vector<double> sum(m_window.front().raw.size(), 0.0);
    double live = 0.0, real = 0.0;
    for (const Entry &e : m_window) {
        for (size_t c = 0; c < sum.size(); ++c)
            sum[c] += e.raw[c];
        live += e.prepared.liveTime;
        real += e.realTime;
    }
    return makeSpectrum(m_layout, std::move(sum), live, real,
                        QStringLiteral("sum of the last %1 intervals").arg(slidingCount()));
}

std::shared_ptr<const Spectrum> IntervalSums::cumulativeSpectrum() const
{
    if (m_cumulativeCount == 0)
        return nullptr;
    return makeSpectrum(m_layout, m_cumulativeRaw, m_cumulative.liveTime, m_cumulativeReal,
                        QStringLiteral("sum of %1 intervals").arg(m_cumulativeCount));
}

} // namespace photopeak
