// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureExtractor.h"
#include "features/PreparedSpectrum.h"
#include "peaks/ResolutionModel.h"
#include "spectrum/EnergyGrid.h"
#include "spectrum/Spectrum.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <vector>

namespace photopeak {

// Whether one spectrum lies inside what a model was trained for.
struct DomainCheck {
    bool inside = true;
    QStringList reasons;  // one sentence per violated property, empty when inside
    QString reason() const { return reasons.join(QStringLiteral("; ")); }
};

// What a model was trained for, stored with it: detector, channel counts, energy scale and range, resolution
// at 662 keV, live-time and count-rate range. A spectrum outside it gets "unknown (out of domain)" instead of
// a confident answer. Ranges are widened by fixed factors (below) so that ordinary spread stays inside; what
// falls outside is another instrument, another calibration regime or another counting regime.
class ModelDomain {
public:
    // Allowed factors beyond the trained ranges.
    static constexpr double KevPerChannelFactor = 1.5;  // keV per channel (mid range) within [min/1.5, max*1.5]
    static constexpr double LiveTimeLowFactor = 0.5, LiveTimeHighFactor = 10.0;
    static constexpr double RateLowFactor = 0.5, RateHighFactor = 3.0;
    static constexpr double ResolutionFactor = 1.6;     // FWHM at 662 keV within [r/1.6, r*1.6]

    // Learns the domain from the measured training spectra (raw, for channels and calibration) and their
    // prepared counts on the model's grid (count rates); syntheticLiveTimes extends the live-time range.
    static ModelDomain learn(const std::vector<const Spectrum *> &spectra,
                             const std::vector<const PreparedSpectrum *> &prepared, const EnergyGrid &grid,
                             double minSyntheticLiveTime, double maxSyntheticLiveTime);

    bool isKnown() const { return !m_channels.empty(); }
    // Inside or not, with reasons. `fwhm662KeV` (when a peak fit measured it) is checked against the stored
    // resolution. Runs on any spectrum, also ones that cannot be analysed (the reasons then say why).
    DomainCheck check(const Spectrum &spectrum, std::optional<double> fwhm662KeV = std::nullopt) const;

    // FWHM (keV) of the 661.7 keV line in the summed net Cs137 single-source spectra of `input` (background
    // rate per bin subtracted), by half-maximum crossings over a linear continuum; 0 without Cs137.
    static double measureFwhm662(const FeatureFitInput &input, const std::vector<double> &backgroundRate,
                                 const EnergyGrid &grid);
    // FWHM(E) of the XGD form (FWHM^2 = a + b E, 10 keV at 122, 14 keV at 662) scaled through the measured
    // value at 662 keV (unscaled when none was measured).
    static ResolutionModel resolutionFor(double fwhm662KeV);
    // Resolution measured from the training spectra at 662 keV (FWHM keV); 0 when it could not be measured.
    double fwhm662KeV() const { return m_fwhm662; }
    void setFwhm662KeV(double v) { m_fwhm662 = v; }
    QString describe() const;  // one line for tables and reports

    QJsonObject toJson() const;
    static ModelDomain fromJson(const QJsonObject &json);  // empty object = unknown domain (older models)

private:
    QStringList m_detectors;     // detector names/ids of the training files (empty when the files have none)
    std::vector<int> m_channels; // channel counts seen
    double m_kevPerChannelMin = 0.0, m_kevPerChannelMax = 0.0;
    double m_gridLowKeV = 0.0, m_gridHighKeV = 0.0;  // energy range analysed (the model's grid)
    double m_fwhm662 = 0.0;
    double m_liveMin = 0.0, m_liveMax = 0.0;
    double m_rateMin = 0.0, m_rateMax = 0.0;  // total counts per second on the grid, measured spectra
};

} // namespace photopeak
