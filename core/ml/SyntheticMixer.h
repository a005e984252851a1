// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "jobs/JobControl.h"
#include "ml/PreparedSet.h"

#include <QJsonObject>

#include <vector>

namespace photopeak {

// What a mixture does with the background that each measured component brings along. A component thinned
// to live time a*T carries a*T of background, so components whose a add up to more than 1 bring more
// background than the spectrum's live time T.
enum class MixtureBackground {
    Surplus,   // keep it: live time T, up to n*T of background (models written before this option)
    LiveTime,  // exact: the spectrum's live time is the background live time it holds, max(T, sum a*T);
               // every component then sits at rate a*T/live time, and the sum is an exact Poisson sample
    Subtract,  // subtract the mean background rate times the surplus live time, clipped at 0 (approximate:
               // the surplus background's Poisson noise stays)
};

struct SyntheticOptions {
    int singles = 2500;        // one isotope at reduced strength (far or weak sources)
    int mixtures = 2500;       // two or three different isotopes
    int backgrounds = 2000;    // background at other live times and levels
    double minLiveTime = 1.0;  // s; live times are drawn log-uniformly
    double maxLiveTime = 300.0;
    double minStrength = 0.01;         // source strength relative to the measured series, log-uniform
    // Weakest synthetic source of the identifier's own synthetic set (same seed and counts); 0 = the identifier
    // trains on the detector's set. Detection needs very weak sources (far distances); identification is
    // taught nothing by sources too weak to show their lines.
    double identificationMinStrength = 0.2;  // chosen by leave-one-setting-out validation (MixtureHoldout)
    double backgroundLevelSpread = 0.01;  // relative spread of the background level between acquisitions
    // Share of the mixtures whose sources sit together: every component from a series recorded in the same
    // setting (live time and distance folders below the isotope's folder) when one exists, all at one common
    // strength (one distance, one geometry factor). The rest draw series and strengths independently.
    double colocated = 0.5;
    MixtureBackground mixtureBackground = MixtureBackground::LiveTime;
    quint64 seed = 20221;

    static QString mixtureBackgroundName(MixtureBackground m);
    static bool parseMixtureBackground(const QString &name, MixtureBackground *out);

    QJsonObject toJson() const;
    static SyntheticOptions fromJson(const QJsonObject &json);
};

struct SyntheticSample {
    PreparedSpectrum prepared;
    QStringList isotopes;
    int group = 0;  // acquisition series of its first component, for grouped cross-validation
};

// Seeded synthetic spectra built only from measured ones, by Poisson thinning (binomial resampling of the
// raw channel counts, which is exact for Poisson data) and summing:
//   source component  = a single-source series thinned to live time a*T (strength a relative to measured),
//   background        = measured backgrounds summed / thinned to the remaining live time (times a level
//                       factor drawn around 1),
//   synthetic spectrum = sum of the components, with live time T.
// The measured source spectra carry their own background; SyntheticOptions::mixtureBackground says what
// happens when the components bring more of it than live time T.
class SyntheticMixer {
public:
    explicit SyntheticMixer(const PreparedSet &set);

    // The folders between an item's isotope folder and the file ("5s/50cm"), "" when unknown or no single isotope.
    static QString settingOf(const PreparedItem &item);

    std::vector<SyntheticSample> generate(const SyntheticOptions &options, const JobControl *job = nullptr) const;

private:
    const PreparedSet &m_set;
    std::vector<int> m_backgrounds;
    std::vector<std::vector<int>> m_series;  // single-source series: item indices
    std::vector<QString> m_seriesIsotope;
    std::vector<QString> m_seriesSetting;  // folders below the isotope's folder, e.g. "5s/50cm" ("" = unknown)
    QStringList m_isotopes;
    std::vector<double> m_backgroundRate;  // mean background counts per second per grid bin
};

} // namespace photopeak
