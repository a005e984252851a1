// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace photopeak {

// One alarm: when it was raised and cleared, which interval started it, what the model named, the evidence.
struct AlarmRecord {
    int id = 0;
    QDateTime raisedAt, clearedAt;  // wall clock of this computer; clearedAt invalid while active
    QDateTime measuredAt;           // start time of the first alarming interval (instrument clock), if known
    QString file;                   // the first alarming interval of the run
    qint64 sequence = 0;            // its number in the monitoring session (1 = first spectrum)
    QStringList isotopes;           // named isotopes with probabilities, e.g. "Cs137 0.99"; empty = unidentified
    QString trigger;                // test that fired: "interval", "sum of 5", "cumulative", "model"
    double sigma = 0.0;             // significance when raised
    double peakSigma = 0.0;         // largest significance while active
    double excessCps = 0.0;         // count-rate excess over the background when raised
    double backgroundCps = 0.0;     // rolling background rate when raised
    int intervals = 0;              // alarming intervals while active

    bool isActive() const { return !clearedAt.isValid(); }
    QString isotopeText() const { return isotopes.isEmpty() ? QStringLiteral("unidentified") : isotopes.join(QStringLiteral(", ")); }
    // "38.2 sigma over background (+297 cps over 320 cps, interval)"
    QString evidence() const
    {
        return QStringLiteral("%1 sigma over background (%2%3 cps over %4 cps, %5)")
            .arg(sigma, 0, 'f', 1).arg(excessCps >= 0 ? QStringLiteral("+") : QString()).arg(excessCps, 0, 'f', 1)
            .arg(backgroundCps, 0, 'f', 1).arg(trigger);
    }
};

} // namespace photopeak
