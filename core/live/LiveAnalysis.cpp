// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "live/LiveAnalysis.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <limits>

namespace photopeak {

namespace {
EnergyGrid gridOf(const SpectrumAnalyzer &a)
{
    return a.isValid() ? a.grid() : EnergyGrid::xgdDefault();
}

bool analysed(const SpectrumAnalysis &a)
{
    return a.decision == SpectrumAnalysis::Decision::Source || a.decision == SpectrumAnalysis::Decision::Background;
}
} // namespace

LiveAnalysis::LiveAnalysis(std::shared_ptr<const SpectrumAnalyzer> analyzer) : LiveAnalysis(std::move(analyzer), Options()) {}

LiveAnalysis::LiveAnalysis(std::shared_ptr<const SpectrumAnalyzer> analyzer, Options options)
    : m_analyzer(std::move(analyzer)), m_preparer(gridOf(*m_analyzer))
{
    setOptions(options);
}

void LiveAnalysis::setOptions(const Options &options)
{
    m_options = options;
    m_sigmaOptions.k = options.alarm.sigma;
    m_sigmaOptions.windowsKeV = options.windowsKeV;
    m_background.setCapacity(options.backgroundIntervals, options.minBackgroundIntervals);
    m_sums.setSliding(options.slidingIntervals);
    m_logic.setHysteresis(options.alarm.raiseAfter, options.alarm.clearAfter);
}

void LiveAnalysis::reset()
{
    m_background.clear();
    m_sums.reset();
    m_logic.reset();
    if (m_activeAlarm)
        m_log.clear(m_activeAlarm, QDateTime::currentDateTime());
    m_activeAlarm = 0;
}

QStringList LiveAnalysis::namedIsotopes(const SpectrumAnalysis &analysis) const
{
    std::vector<const IsotopeFinding *> named;
    for (const IsotopeFinding &f : analysis.isotopes)
        if (f.probability >= m_options.alarm.isotopeProbability)
            named.push_back(&f);
    std::stable_sort(named.begin(), named.end(), [](auto *a, auto *b) { return a->probability > b->probability; });
    QStringList out;
    for (const IsotopeFinding *f : named)
        out << QStringLiteral("%1 %2").arg(f->isotope).arg(f->probability, 0, 'f', 2);
    return out;
}

LiveResult LiveAnalysis::process(const LiveSpectrum &in)
{
    QElapsedTimer timer;
    timer.start();
    LiveResult r;
    r.sequence = ++m_sequence;
    r.file = in.path;
    r.record = in.record;
    r.measuredAt = in.spectrum.startTime;
    r.spectrum = std::make_shared<const Spectrum>(in.spectrum);
    r.liveTime = std::isfinite(in.spectrum.liveTime) ? in.spectrum.liveTime : 0.0;

    DatasetEntry entry;
    entry.spectrum = in.spectrum;
    const QString name = QFileInfo(in.path).fileName() + (in.record > 0 ? QStringLiteral(" #%1").arg(in.record) : QString());
    entry.relativePath = name;
    r.analysis = m_analyzer->analyse(entry, name);
    r.usable = analysed(r.analysis);
    Result<PreparedSpectrum> prepared = r.usable ? m_preparer.prepare(in.spectrum)
                                                 : Result<PreparedSpectrum>(makeError(name, r.analysis.message));
    if (r.usable && !prepared) {
        r.usable = false;
        r.analysis.message = prepared.error().toString();
    }
    r.backgroundReady = m_background.isReady();
    r.backgroundIntervals = m_background.intervals();
    r.backgroundCps = m_background.totalRate();

    if (r.usable) {
        const PreparedSpectrum &p = *prepared;
        r.countRateCps = p.liveTime > 0.0 ? p.totalCounts() / p.liveTime : 0.0;
        m_sums.add(in.spectrum, p);
        r.slidingCount = m_sums.slidingCount();
        double best = -std::numeric_limits<double>::infinity();
        auto consider = [&](const SigmaTest::Outcome &o, const QString &what) {
            if (o.significance > best) {
                best = o.significance;
                r.sigma = o.significance;
                r.excessCps = o.excessCps;
                r.trigger = what;
            }
        };
        if (r.backgroundReady) {
            const SigmaTest test = m_background.test(m_sigmaOptions, m_preparer.grid());
            const SigmaTest::Outcome one = test.test(p);
            r.intervalSigma = one.significance;
            consider(one, QStringLiteral("interval"));
            if (m_options.slidingIntervals > 1 && m_sums.slidingCount() >= 2) {
                const SigmaTest::Outcome sum = test.test(m_sums.slidingPrepared());
                r.slidingSigma = sum.significance;
                consider(sum, QStringLiteral("sum of %1").arg(m_sums.slidingCount()));
            }
            if (m_options.cumulative && m_sums.cumulativeCount() >= 2) {
                const SigmaTest::Outcome sum = test.test(m_sums.cumulativePrepared());
                r.cumulativeSigma = sum.significance;
                consider(sum, QStringLiteral("cumulative"));
            }
        }
        r.isotopes = namedIsotopes(r.analysis);
        const bool gross = r.backgroundReady && r.sigma >= m_options.alarm.sigma;
        const bool model = m_options.alarm.modelAlarms && r.analysis.decision == SpectrumAnalysis::Decision::Source
                           && !r.isotopes.isEmpty();
        r.alarming = gross || model;
        if (!gross && model)
            r.trigger = QStringLiteral("model");
        // A summed alarm: the isotope is named from the summed spectrum (a weak source is clearer there).
        if (gross && r.trigger != QLatin1String("interval")) {
            const auto sum = r.trigger == QLatin1String("cumulative") ? m_sums.cumulativeSpectrum() : m_sums.slidingSpectrum();
            if (sum) {
                DatasetEntry summed;
                summed.spectrum = *sum;
                summed.relativePath = name;
                const QStringList named = namedIsotopes(m_analyzer->analyse(summed, r.trigger));
                if (!named.isEmpty())
                    r.isotopes = named;
            }
        }

        if (r.alarming && m_logic.alarmingRun() == 0) {
            m_runStart.file = r.file;
            m_runStart.sequence = r.sequence;
            m_runStart.measuredAt = r.measuredAt;
        }
        r.event = m_logic.update(r.alarming);
        const QDateTime now = QDateTime::currentDateTime();
        if (r.event == AlarmLogic::Event::Raised) {
            AlarmRecord rec;
            rec.raisedAt = now;
            rec.measuredAt = m_runStart.measuredAt;
            rec.file = m_runStart.file;
            rec.sequence = m_runStart.sequence;
            rec.isotopes = r.isotopes;
            rec.trigger = r.trigger;
            rec.sigma = r.sigma;
            rec.excessCps = r.excessCps;
            rec.backgroundCps = r.backgroundCps;
            rec.intervals = m_logic.alarmingRun();
            m_activeAlarm = m_log.raise(rec);
        } else if (m_activeAlarm) {
            m_log.update(m_activeAlarm, r.sigma, r.alarming);
            if (r.event == AlarmLogic::Event::Cleared)
                m_log.clear(m_activeAlarm, now);
        }
        if (m_activeAlarm)
            r.alarm = *m_log.find(m_activeAlarm);
        if (r.event == AlarmLogic::Event::Cleared)
            m_activeAlarm = 0;
        r.alarmActive = m_logic.isActive();

        // Only quiet intervals outside an alarm teach the background. While it is being learnt (no alarm from
        // it yet), intervals far above what it has learnt so far are kept out: a source that appears then.
        bool quiet = !r.alarming && !r.alarmActive && r.event != AlarmLogic::Event::Cleared;
        if (quiet && !r.backgroundReady && m_background.intervals() >= 2)
            quiet = m_background.test(m_sigmaOptions, m_preparer.grid()).test(p).significance < m_options.alarm.sigma;
        if (quiet) {
            m_background.add(p);
            r.addedToBackground = true;
        }
    } else {
        r.alarmActive = m_logic.isActive();
        if (m_activeAlarm)
            r.alarm = *m_log.find(m_activeAlarm);
    }
    r.runningSum = m_options.slidingIntervals > 1 ? m_sums.slidingSpectrum() : m_sums.cumulativeSpectrum();
    r.receivedAt = QDateTime::currentDateTime();
    r.decisionMs = double(timer.nsecsElapsed()) / 1e6;
    r.latencyMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - in.completeAt).count();
    return r;
}

} // namespace photopeak
