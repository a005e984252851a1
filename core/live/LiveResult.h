// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "analysis/SpectrumAnalysis.h"
#include "live/AlarmLogic.h"
#include "live/AlarmRecord.h"
#include "spectrum/Spectrum.h"

#include <QDateTime>

#include <memory>
#include <optional>

namespace photopeak {

// What monitoring says about one new spectrum: the model's analysis, the gross-count tests against the
// rolling background (interval, sliding sum, cumulative sum), the alarm state and any alarm event.
struct LiveResult {
    qint64 sequence = 0;           // 1 = first spectrum of the session
    QString file;                  // path of the file it came from
    int record = 0;                // record inside that file
    QDateTime measuredAt;          // acquisition start (instrument clock), invalid when the format has none
    QDateTime receivedAt;          // wall clock when it was decided
    SpectrumAnalysis analysis;     // the loaded models' result (SpectrumAnalyzer)
    bool usable = false;           // analysed (not skipped or unreadable)
    double liveTime = 0.0;         // s
    double countRateCps = 0.0;     // whole analysis grid
    double backgroundCps = 0.0;    // rolling background over the same grid (0 while it fills)
    int backgroundIntervals = 0;
    bool backgroundReady = false;
    bool addedToBackground = false;
    std::optional<double> intervalSigma, slidingSigma, cumulativeSigma;  // none while off or not ready
    int slidingCount = 0;          // intervals in the sliding sum
    double sigma = 0.0;            // the strongest test
    double excessCps = 0.0;        // its count-rate excess
    QString trigger;               // its name: "interval", "sum of N", "cumulative", "model"
    bool alarming = false;         // this interval is over a threshold
    bool alarmActive = false;      // after hysteresis
    AlarmLogic::Event event = AlarmLogic::Event::None;
    std::optional<AlarmRecord> alarm;  // the raised or cleared alarm (event != None), or the active one
    QStringList isotopes;          // named isotopes, e.g. "Cs137 0.99" (probability >= the alarm setting)
    std::shared_ptr<const Spectrum> spectrum;    // this interval
    std::shared_ptr<const Spectrum> runningSum;  // sliding sum when on, else cumulative sum
    double decisionMs = 0.0;       // time spent analysing
    double latencyMs = 0.0;        // from "file complete" to this decision
};

} // namespace photopeak
