// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "peaks/EfficiencyCurve.h"
#include "peaks/EnergyCalibrator.h"
#include "peaks/Nuclide.h"
#include "peaks/ResolutionModel.h"
#include "peaks/SourceCertificate.h"
#include "spectrum/Spectrum.h"
#include "util/Result.h"

#include <QString>

#include <vector>

namespace photopeak {

// A series of spectra of one source at one distance with one detector setting (a folder such as
// srcs/Cs137/60s/15cm). Summed, the series gives a calibration and resolution good enough for each of its
// short spectra; with a certificate it gives efficiency points.
class SourceSeries {
public:
    QString key;              // folder path relative to the dataset root
    const Nuclide *nuclide = nullptr;
    double distanceCm = 0.0;  // from the folder name, not from the header (wrong in some XGD folders)
    std::vector<Spectrum> spectra;
    Spectrum sum;
    EnergyCalibrator::Fit calibration;
    QString calibrationNote;

    // Sums counts and times of spectra with the same channel count (others are refused).
    Status buildSum();
    // Calibrates the sum against the nuclide's lines: refines the header calibration when it is valid,
    // searches without prior otherwise; then applies the result to every spectrum of the series.
    Status calibrate(const EnergyCalibrator &calibrator);
    // Resolution points (keV) of the sum's clear peaks that match the nuclide's lines.
    std::vector<ResolutionModel::Point> resolutionPoints() const;
    // Efficiency at referenceCm from the sum's net areas and the decay-corrected certificate.
    Result<std::vector<EfficiencyCurve::Point>> efficiencyPoints(const SourceCertificate &certificate,
                                                                 const ResolutionModel &resolution, double referenceCm,
                                                                 double radiusCm) const;

    // "50cm" anywhere in a path -> 50; 0 when none.
    static double distanceFromPath(const QString &path);
};

} // namespace photopeak
