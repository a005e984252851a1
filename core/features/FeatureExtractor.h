// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureConfig.h"
#include "features/FeatureMatrix.h"
#include "features/PreparedSpectrum.h"
#include "numerics/WeightedGram.h"
#include "spectrum/EnergyGrid.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace photopeak {

// What the background-relative features learn from a training set: background spectra (grouped by
// acquisition series, for the between-series systematic spread) and single-label source spectra (for the
// net-spectrum templates of FeatureKind::TemplateFit).
struct FeatureFitInput {
    std::vector<const PreparedSpectrum *> backgrounds;
    std::vector<int> backgroundGroups;
    std::vector<const PreparedSpectrum *> sources;
    std::vector<int> sourceLabels;  // index into labels
    std::vector<int> sourceGroups;
    QStringList labels;
};

// Computes one feature vector per spectrum in a single pass over the prepared 1-keV counts.
// The fitted state (reference background, systematic spread, templates, standardisation) is part of the
// model and is saved with it, so prediction repeats training exactly. const methods are thread-safe.
class FeatureExtractor {
public:
    FeatureExtractor() = default;
    FeatureExtractor(FeatureConfig config, EnergyGrid grid);

    const FeatureConfig &config() const { return m_config; }
    const EnergyGrid &grid() const { return m_grid; }
    int dimension() const;
    QStringList featureNames() const;
    int segmentCount() const { return static_cast<int>(m_segStart.size()); }

    // Learns the reference background (count-rate mean over all background live time), the systematic
    // spread between background series, and the templates. Needed unless reference is None and kind is not
    // TemplateFit.
    Status fitReference(const FeatureFitInput &input);
    // Learns the standardisation from features computed with computeUnstandardised() (no-op when off).
    void fitStandardisation(const FeatureMatrix &unstandardised);

    void compute(const PreparedSpectrum &spectrum, double *out) const;
    std::vector<double> compute(const PreparedSpectrum &spectrum) const;
    void computeUnstandardised(const PreparedSpectrum &spectrum, double *out) const;
    void standardiseInPlace(double *values) const;
    // All rows at once, on two threads.
    FeatureMatrix computeAll(const std::vector<const PreparedSpectrum *> &spectra, bool standardised = true) const;

    // Reference background count rate per grid bin and its total live time (for the sigma test).
    const std::vector<double> &backgroundRate() const { return m_bkgRate; }
    // Line features: number of lines, each line's isotope index and energy (empty unless config().lines).
    int lineCount() const { return static_cast<int>(m_lines.size()); }
    int lineLabel(int i) const { return m_lines[static_cast<size_t>(i)].label; }
    double lineEnergyKeV(int i) const { return m_lines[static_cast<size_t>(i)].energyKeV; }
    // XGD detector resolution for the line windows (a peaks/ResolutionModel): FWHM^2 = a + b E
    // (10 keV at 122 keV, 14 keV at 662 keV).
    static double xgdFwhmKeV(double energyKeV);
    double backgroundLiveTime() const { return m_bkgLive; }
    bool hasReference() const { return !m_bkgRate.empty(); }

    QJsonObject stateToJson() const;
    static Result<FeatureExtractor> fromJson(const QJsonObject &config, const QJsonObject &state, const EnergyGrid &grid,
                                             const QString &source);

private:
    void buildSegments();
    void segmentExcess(const PreparedSpectrum &s, std::vector<double> &excess, std::vector<double> &variance) const;
    void templateFeatures(const PreparedSpectrum &s, double *out) const;
    void lineFeatures(const PreparedSpectrum &s, double *out) const;
    Status chooseLines(const QStringList &labels);
    void buildLineWindows();
    int baseDimension() const;
    double transform(double v) const;

    FeatureConfig m_config;
    EnergyGrid m_grid;
    std::vector<int> m_segStart;     // first bin of each segment (plus end sentinel in m_segEnd)
    std::vector<int> m_segEnd;
    std::vector<double> m_bkgRate;   // per bin
    double m_bkgLive = 0.0;
    std::vector<double> m_bkgSeg;    // per segment
    std::vector<double> m_eps;       // relative systematic spread per segment
    QStringList m_labels;            // TemplateFit
    std::vector<double> m_templates; // segments x K, column k contiguous
    std::vector<int> m_templateLabel;  // label index, -1 = nuisance (continuum, background level)
    WeightedGram m_gram;             // m_templates prepared for the per-spectrum normal equations
    std::vector<double> m_mean, m_scale;
    // Line features: one per chosen library line, in label order (stored with the model).
    struct Line {
        int label = -1;
        double energyKeV = 0.0;
        double fwhmKeV = 0.0;
        int w0 = 0, w1 = 0, l0 = 0, l1 = 0, r0 = 0, r1 = 0;  // bins [from, to) of window and side bands
    };
    std::vector<Line> m_lines;
};

} // namespace photopeak
