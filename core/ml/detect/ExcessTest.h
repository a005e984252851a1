// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureExtractor.h"
#include "features/PreparedSpectrum.h"
#include "peaks/ResolutionModel.h"
#include "spectrum/EnergyGrid.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace photopeak {

class NuclideLibrary;

struct ExcessTestOptions {
    double segmentKeV = 3.0;      // test resolution (segments of grid bins)
    double lowKeV = 25.0;         // below: detector threshold region, not used
    double maxGain = 0.01;        // background drift searched per spectrum (the tolerated drift): gain 1 +- maxGain
    double gainStep = 0.005;      // in gainStep,
    double maxOffsetKeV = 3.0;    // offset +- maxOffsetKeV in offsetStep
    double offsetStep = 1.0;
    double systematic = 0.02;     // least relative shape uncertainty of the background per segment (quasi-Poisson);
                                  // where the training background series differ more (the threshold edge), their
                                  // measured spread (see ExcessTest::train)
    double gateFalseAlarm = 0.01; // held-out background quantile of the gate threshold
    double peakStepFwhm = 0.5;    // generic peak templates every peakStepFwhm x FWHM(E)
    double minLineIntensity = 0.02;  // library lines used for nuclide templates (photons per decay)
    int refine = 6;               // templates refitted by the full likelihood ratio after the score screen
    // No drift is kept instead of the fitted one when no drift plus the best template explains the spectrum
    // better than the drift plus its best template, by more than sourceChoice x ln(number of templates)
    // (a weak line on a steep part of the background looks like a small shift there); < 0: never (models before).
    double sourceChoice = 0.75;

    QJsonObject toJson() const;
    static ExcessTestOptions fromJson(const QJsonObject &json);
};

// Open-set source test that survives ambient and calibration drift. For each spectrum the background is the
// training (or session) background shape with its level and a small gain/offset drift fitted by Poisson
// likelihood; any excess over it is tested with a Poisson likelihood ratio against matched templates of
// possible sources: the trained isotopes' net spectra, every library nuclide's lines (alone, and with a flat
// Compton continuum up to each line's edge whose area ratio is measured on the Cs137 template) and a generic
// peak at every position, all at the detector's resolution. The statistic is the largest ratio (shrunk by a relative
// background-shape uncertainty, so that long live times do not turn shape noise into sources); its
// thresholds come from held-out training backgrounds (each series tested against the others' mean), per live time.
class ExcessTest {
public:
    struct Outcome {
        double statistic = 0.0;  // largest adjusted 2 ln likelihood ratio over the templates
        QString best;            // template behind it ("Cs137", "lib:Ba133", "peak 356 keV")
        double level = 1.0;      // fitted background level relative to the reference background
        double gain = 1.0, offsetKeV = 0.0;  // fitted background drift
        bool strong = false;     // above the high threshold: a source on its own
        bool gate = false;       // above the gate threshold: confirms the learned detector
        double gateThreshold = 0.0, strongThreshold = 0.0;  // the thresholds at this spectrum's live time
    };

    ExcessTest() = default;
    // backgrounds/sources of `input` (groups, labels) as for the features; library may be null (no nuclide
    // templates); resolution: the detector's FWHM(E).
    static Result<ExcessTest> train(const EnergyGrid &grid, const FeatureFitInput &input, const ResolutionModel &resolution,
                                    const NuclideLibrary *library, const ExcessTestOptions &options);

    bool isValid() const { return !m_segStart.empty() && !m_templates.empty(); }
    Outcome test(const PreparedSpectrum &spectrum) const;
    // Replaces the background shape (session background: rate per grid bin and the live time it was measured
    // for, whose Poisson noise enters the test's variance); thresholds stay.
    Status setBackground(const std::vector<double> &ratePerBin, double liveTime, const QString &source);
    // Over every held-out live time, and at one live time (held-out backgrounds within a factor 2 of it, when
    // there are at least 200 of them; otherwise the former).
    double gateThreshold() const { return m_gate; }
    double strongThreshold() const { return m_strong; }
    double gateThreshold(double liveTime) const;
    double strongThreshold(double liveTime) const;
    int templateCount() const { return static_cast<int>(m_templates.size()); }
    const ExcessTestOptions &options() const { return m_options; }

    QJsonObject toJson() const;
    static Result<ExcessTest> fromJson(const QJsonObject &json, const EnergyGrid &grid, const QString &source);

private:
    struct Template {
        QString name;
        int first = 0;              // first segment
        std::vector<double> shape;  // per segment from `first`, sums to 1
    };
    void buildSegments(const EnergyGrid &grid);
    void buildDriftTables();
    std::vector<double> segmentCounts(const PreparedSpectrum &s) const;
    void addPeakTemplate(const QString &name, const std::vector<std::pair<double, double>> &lines,
                         const ResolutionModel &resolution, double continuumRatio);
    void calibrate(const FeatureFitInput &input);
    void measureShapeSpread(const FeatureFitInput &input);

    ExcessTestOptions m_options;
    EnergyGrid m_grid;
    std::vector<int> m_segStart, m_segEnd;  // grid bins [start, end) per segment
    std::vector<double> m_segLowKeV, m_segHighKeV;
    std::vector<double> m_bkgRate;          // per grid bin
    double m_bkgLive = 0.0;                 // live time behind it (s)
    std::vector<double> m_gains, m_offsets;
    std::vector<std::vector<double>> m_shifted, m_logShifted;  // per drift: background rate per segment
    std::vector<double> m_shiftedTotal;
    std::vector<double> m_spread;           // relative shape uncertainty per segment (>= options.systematic)
    std::vector<Template> m_templates;
    double m_gate = 0.0, m_strong = 0.0;
    std::vector<double> m_tableGate, m_tableStrong;  // at live times 2^(k/2 - 1) s, k = 0, 1, ... (empty: m_gate, m_strong)
    size_t tableIndex(double liveTime) const;
};

} // namespace photopeak
