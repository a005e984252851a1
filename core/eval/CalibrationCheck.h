// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "peaks/CalibrationPoint.h"
#include "spectrum/EnergyCalibration.h"
#include "util/Result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

class NuclideLibrary;

// Energy-calibration check on a folder of single-source spectra (`photopeak-cli calibrate --check DIR`).
// Every spectrum is calibrated on its own lines; the pooled points of each detector setting give a group
// calibration, and each nuclide is also checked with a calibration fitted WITHOUT its own spectra
// (leave-one-nuclide-out). Series of short spectra of one nuclide are checked once more summed, where the
// centroids are no longer limited by counting statistics.
struct CalibrationCheckRow {
    QString file;           // relative path, or "sum of N Cs137 spectra"
    QString nuclide;
    CalibrationPoint point; // own peak (channel) matched to its true line energy
    double groupEnergyKeV = 0.0;
    double sigmaKeV = 0.0;  // from the centroid's counting uncertainty
    double leaveOutEnergyKeV = 0.0;
    bool hasLeaveOut = false;
    bool checked = false;   // one of the checked lines (Cs137 661.66, Co60 1173.23 / 1332.49 keV)
};

// Within-tolerance count of checked lines, and how many an exact calibration would give from the centroids'
// counting scatter alone (sum of P(|N(0, sigma)| <= tolerance)).
struct CalibrationTally {
    static constexpr double ToleranceKeV = 1.0;
    int within = 0;
    int total = 0;
    double expected = 0.0;
    void add(double deltaKeV, double sigmaKeV);
};

struct CalibrationCheckGroup {
    QString key;            // "<channels> ch, header <calibration>"
    int spectra = 0;
    int nuclides = 0;
    int points = 0;
    QString failure;        // non-empty: the group calibration could not be fitted
    EnergyCalibration calibration;
    double rmsKeV = 0.0;
    std::vector<CalibrationCheckRow> rows;
    std::vector<CalibrationCheckRow> sumRows;
};

struct CalibrationCheckReport {
    static constexpr double LongAcquisitionS = 300.0;
    std::vector<CalibrationCheckGroup> groups;
    QStringList problems;   // "<file>: skipped: <why>", in folder order
    CalibrationTally all, longOnes, shortOnes, sums, leaveOut;
};

// Fails (naming the folder) when the folder cannot be read; no groups: no usable single-source spectrum.
Result<CalibrationCheckReport> checkCalibration(const QString &dir, const NuclideLibrary &library, int degree);

} // namespace photopeak
