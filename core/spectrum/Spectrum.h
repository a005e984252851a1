// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/EnergyCalibration.h"
#include "spectrum/SpectrumProblem.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

// One measured (or simulated) gamma-ray spectrum with everything known about its acquisition.
// A plain value type: readers fill it, analysis reads it.
struct Spectrum {
    std::vector<double> counts;       // counts per channel, channel 0 first
    double liveTime = 0.0;            // s; 0 when the format has none (see problems)
    double realTime = 0.0;            // s
    QDateTime startTime;              // acquisition start (local time of the instrument); invalid if unknown
    double distanceCm = 0.0;          // source-to-detector distance; 0 = unknown
    QString description;              // operator's text
    QString detector;                 // detector name or id, when the format has one
    EnergyCalibration calibration;
    QString sourcePath;               // file it was read from
    int indexInSource = 0;            // row in a multi-spectrum file (HDF5 table), else 0
    QStringList labels;               // ground-truth labels (isotopes, "background"); empty if unknown
    SpectrumProblems problems;
    // Header bytes of fixed-layout formats (.sps), kept so that writing back preserves fields the project
    // does not interpret. Empty for other sources.
    QByteArray rawHeader;

    int channelCount() const { return static_cast<int>(counts.size()); }
    double totalCounts() const;
    bool hasLiveTime() const { return liveTime > 0.0; }
    // Counts per second per channel; empty when there is no usable live time.
    std::vector<double> countRate() const;
    // Label set as one string in a stable order, e.g. "Co60+Cs137" or "background".
    QString labelKey() const;
    // Re-derive the problem flags that follow from the values (all-zero, NaN, live time, calibration).
    void checkValues();
    // Short display name: file name plus row for multi-spectrum files.
    QString displayName() const;
};

} // namespace photopeak
