// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureExtractor.h"
#include "ml/CalibratedClassifier.h"

#include <QStringList>

namespace photopeak {

struct IdentifierTraining {
    FeatureConfig features = FeatureConfig::identificationDefault();
    ClassifierTraining classifier;
};

// "Which isotopes?": one calibrated one-vs-rest classifier per isotope over shared features. No hand-set
// multipliers: each probability is calibrated on held-out acquisition series.
class IsotopeIdentifier {
public:
    static Result<IsotopeIdentifier> train(const EnergyGrid &grid, const FeatureFitInput &reference,
                                           const std::vector<const PreparedSpectrum *> &spectra,
                                           const std::vector<QStringList> &isotopes, const std::vector<int> &groups,
                                           const QStringList &labels, const IdentifierTraining &options,
                                           const JobControl *job = nullptr);

    const QStringList &labels() const { return m_labels; }
    std::vector<double> probabilities(const PreparedSpectrum &spectrum) const;
    std::vector<double> probabilitiesFromFeatures(const double *features) const;
    const FeatureExtractor &features() const { return m_features; }
    const std::vector<CalibratedClassifier> &classifiers() const { return m_classifiers; }
    // Out-of-fold exact-set match over all training rows and over the rows with two or more isotopes.
    const QJsonObject &validation() const { return m_validation; }

    QJsonObject toJson() const;
    static Result<IsotopeIdentifier> fromJson(const QJsonObject &json, const EnergyGrid &grid, const QString &source);

private:
    QStringList m_labels;
    FeatureExtractor m_features;
    std::vector<CalibratedClassifier> m_classifiers;
    QJsonObject m_validation;
};

} // namespace photopeak
