// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureExtractor.h"
#include "ml/CalibratedClassifier.h"

namespace photopeak {

struct DetectorTraining {
    FeatureConfig features = FeatureConfig::detectionDefault();
    ClassifierTraining classifier;
};

// "Is any source present?": background-relative features + one calibrated binary classifier.
class SourceDetector {
public:
    // isSource: 1 / 0 per spectrum; groups: acquisition series for grouped cross-validation.
    static Result<SourceDetector> train(const EnergyGrid &grid, const FeatureFitInput &reference,
                                        const std::vector<const PreparedSpectrum *> &spectra,
                                        const std::vector<int> &isSource, const std::vector<int> &groups,
                                        const DetectorTraining &options, const JobControl *job = nullptr);

    double probability(const PreparedSpectrum &spectrum) const;
    double probability(const double *features) const { return m_classifier.probability(features); }
    const FeatureExtractor &features() const { return m_features; }
    const CalibratedClassifier &classifier() const { return m_classifier; }

    QJsonObject toJson() const;
    static Result<SourceDetector> fromJson(const QJsonObject &json, const EnergyGrid &grid, const QString &source);

private:
    FeatureExtractor m_features;
    CalibratedClassifier m_classifier;
};

} // namespace photopeak
