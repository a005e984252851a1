// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "util/Result.h"

#include <QJsonObject>
#include <QString>

namespace photopeak {

// What a feature vector is made of (methods.md 1.3, with background-relative variants). Stored in every
// model file so that prediction computes exactly what training computed.
enum class FeatureKind {
    Average,      // mean count rate per keV in each segment (old tool's AVERAGE)
    Linfit,       // least-squares slope and intercept of the count rate in each segment (closed form)
    Full,         // every grid bin
    TemplateFit,  // significance of each isotope's net-spectrum template in a non-negative fit
};
// What the per-segment values are relative to.
enum class FeatureReference {
    None,          // count rate as measured
    Excess,        // count rate minus the reference background rate
    Significance,  // excess divided by its standard deviation under the background hypothesis at this live time
};
// Per-isotope line features appended to the identification features (FeatureExtractor::lineFeatures).
enum class LineFeatures {
    None,
    Net,           // net counts in a window around each library line, continuum from side bands, per second
    Significance,  // the same net counts divided by their standard deviation (window and side-band counts)
};
// Value transform applied before the optional standardisation.
enum class FeatureTransform {
    None,
    Log,     // sign(x) * log(1 + |x|)
    Arctan,  // the old tool's scaling
};

struct FeatureConfig {
    FeatureKind kind = FeatureKind::Average;
    double segmentKeV = 25.0;
    FeatureReference reference = FeatureReference::Significance;
    FeatureTransform transform = FeatureTransform::Log;
    bool standardise = true;     // zero mean, unit variance per feature, learned on the training set
    bool smooth = false;         // Savitzky-Golay (5, 2) on the 1-keV rate before segmenting
    int templatesPerLabel = 2;   // TemplateFit: net-spectrum templates per isotope (by source strength)
    double templateSystematic = 0.05;  // TemplateFit: relative uncertainty of a template's shape
    LineFeatures lines = LineFeatures::None;  // per-isotope line features appended (any kind)
    int linesPerLabel = 3;       // strongest library gamma lines per isotope (above kLineMinKeV)

    // Detection preset: 25-keV segments, significance over background, log, standardised.
    static FeatureConfig detectionDefault();
    // Identification preset: 5-keV template fit significances.
    static FeatureConfig identificationDefault();
    // The old tool's AVERAGE + arctan on count rate (for comparison runs).
    static FeatureConfig legacyAverage(double segmentKeV);

    QJsonObject toJson() const;
    static Result<FeatureConfig> fromJson(const QJsonObject &json, const QString &source);
    QString describe() const;

    static QString kindName(FeatureKind k);
    static QString referenceName(FeatureReference r);
    static QString transformName(FeatureTransform t);
    static QString linesName(LineFeatures l);
    static bool parseLines(const QString &name, LineFeatures *out);
    static bool parseKind(const QString &name, FeatureKind *out);
    static bool parseTransform(const QString &name, FeatureTransform *out);
    static bool parseReference(const QString &name, FeatureReference *out);

    bool operator==(const FeatureConfig &) const = default;
};

} // namespace photopeak
