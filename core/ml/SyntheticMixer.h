#pragma once

#include "jobs/JobControl.h"
#include "ml/PreparedSet.h"

#include <QJsonObject>

#include <vector>

namespace photopeak {

struct SyntheticOptions {
    int singles = 2500;        // one isotope at reduced strength (far or weak sources)
    int mixtures = 2500;       // two or three different isotopes
    int backgrounds = 2000;    // background at other live times and levels
    double minLiveTime = 1.0;  // s; live times are drawn log-uniformly
    double maxLiveTime = 300.0;
    double minStrength = 0.01;         // source strength relative to the measured series, log-uniform
    double backgroundLevelSpread = 0.01;  // relative spread of the background level between acquisitions
    // Share of the mixtures whose sources sit together: every component from a series recorded in the same
    // setting (live time and distance folders below the isotope's folder) when one exists, all at one common
    // strength (one distance, one geometry factor). The rest draw series and strengths independently.
    double colocated = 0.5;
    quint64 seed = 20221;

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
// The measured source spectra carry their own background, so the sum has the background of live time T.
class SyntheticMixer {
public:
    explicit SyntheticMixer(const PreparedSet &set);

    std::vector<SyntheticSample> generate(const SyntheticOptions &options, const JobControl *job = nullptr) const;

private:
    const PreparedSet &m_set;
    std::vector<int> m_backgrounds;
    std::vector<std::vector<int>> m_series;  // single-source series: item indices
    std::vector<QString> m_seriesIsotope;
    std::vector<QString> m_seriesSetting;  // folders below the isotope's folder, e.g. "5s/50cm" ("" = unknown)
    QStringList m_isotopes;
};

} // namespace photopeak
