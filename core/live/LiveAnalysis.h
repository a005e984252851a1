// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "analysis/SpectrumAnalyzer.h"
#include "features/SpectrumPreparer.h"
#include "live/AlarmLog.h"
#include "live/AlarmLogic.h"
#include "live/AlarmSettings.h"
#include "live/IntervalSums.h"
#include "live/LiveResult.h"
#include "live/LiveSpectrum.h"
#include "live/RollingBackground.h"

#include <memory>
#include <utility>
#include <vector>

namespace photopeak {

// The running analysis of a monitoring session. Each new spectrum is analysed with the loaded models
// (SpectrumAnalyzer); its gross counts are tested against a rolling background made of the recent
// source-free intervals (so slow ambient drift is followed, not alarmed), and optionally the sliding sum of
// the last N intervals and the cumulative sum are tested too (weak sources). An interval alarms when the
// strongest test exceeds the threshold (or, when asked, when the model names an isotope); the alarm is
// raised and cleared with hysteresis and logged. The first intervals only teach the background (start
// watching without a source; reset() starts learning again). Not thread-safe: one thread feeds it.
class LiveAnalysis {
public:
    struct Options {
        AlarmSettings alarm;
        int backgroundIntervals = 30;     // rolling background: the last N source-free intervals
        int minBackgroundIntervals = 5;   // before that, no gross-count test (the background is being learnt)
        int slidingIntervals = 0;         // > 1: also test the sum of the last N intervals
        bool cumulative = false;          // also test the sum of all intervals since the start or a reset
        std::vector<std::pair<double, double>> windowsKeV;  // gross-count energy windows; empty = whole grid
    };

    explicit LiveAnalysis(std::shared_ptr<const SpectrumAnalyzer> analyzer);
    LiveAnalysis(std::shared_ptr<const SpectrumAnalyzer> analyzer, Options options);

    LiveResult process(const LiveSpectrum &spectrum);

    void setOptions(const Options &options);
    const Options &options() const { return m_options; }
    // Forget background, sums and alarm state (the log stays).
    void reset();
    const AlarmLog &alarmLog() const { return m_log; }
    const SpectrumAnalyzer &analyzer() const { return *m_analyzer; }
    const RollingBackground &background() const { return m_background; }
    qint64 processed() const { return m_sequence; }

private:
    QStringList namedIsotopes(const SpectrumAnalysis &analysis) const;

    std::shared_ptr<const SpectrumAnalyzer> m_analyzer;
    Options m_options;
    SpectrumPreparer m_preparer;
    SigmaTestOptions m_sigmaOptions;
    RollingBackground m_background;
    IntervalSums m_sums;
    AlarmLogic m_logic;
    AlarmLog m_log;
    int m_activeAlarm = 0;
    qint64 m_sequence = 0;
    // First interval of the current alarming run (the alarm names it when raised after k intervals).
    LiveResult m_runStart;
};

} // namespace photopeak
