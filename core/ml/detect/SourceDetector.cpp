// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/detect/SourceDetector.h"

namespace photopeak {

Result<SourceDetector> SourceDetector::train(const EnergyGrid &grid, const FeatureFitInput &reference,
                                             const std::vector<const PreparedSpectrum *> &spectra,
                                             const std::vector<int> &isSource, const std::vector<int> &groups,
                                             const DetectorTraining &options, const JobControl *job)
{
    SourceDetector d;
    d.m_features = FeatureExtractor(options.features, grid);
    if (options.features.reference != FeatureReference::None || options.features.kind == FeatureKind::TemplateFit) {
        const Status st = d.m_features.fitReference(reference);
        if (!st)
            return st.error();
    }
    FeatureMatrix x = d.m_features.computeAll(spectra, false);
    d.m_features.fitStandardisation(x);
    for (int r = 0; r < x.rows; ++r)
        d.m_features.standardiseInPlace(x.row(r));
    auto c = CalibratedClassifier::train(x, isSource, groups, options.classifier, job);
    if (!c)
        return c.error();
    d.m_classifier = std::move(c.value());
    return d;
}

double SourceDetector::probability(const PreparedSpectrum &spectrum) const
{
    std::vector<double> f = m_features.compute(spectrum);
    return m_classifier.probability(f.data());
}

QJsonObject SourceDetector::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("features")] = m_features.config().toJson();
    o[QStringLiteral("featureState")] = m_features.stateToJson();
    o[QStringLiteral("classifier")] = m_classifier.toJson();
    return o;
}

Result<SourceDetector> SourceDetector::fromJson(const QJsonObject &o, const EnergyGrid &grid, const QString &source)
{
    auto fx = FeatureExtractor::fromJson(o.value(QStringLiteral("features")).toObject(),
                                         o.value(QStringLiteral("featureState")).toObject(), grid, source);
    if (!fx)
        return fx.error();
    auto c = CalibratedClassifier::fromJson(o.value(QStringLiteral("classifier")).toObject(), fx->dimension(), source);
    if (!c)
        return c.error();
    SourceDetector d;
    d.m_features = std::move(fx.value());
    d.m_classifier = std::move(c.value());
    return d;
}

} // namespace photopeak
