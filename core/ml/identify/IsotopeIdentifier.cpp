// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/identify/IsotopeIdentifier.h"

#include <QJsonArray>

#include <cmath>

namespace photopeak {

Result<IsotopeIdentifier> IsotopeIdentifier::train(const EnergyGrid &grid, const FeatureFitInput &reference,
                                                   const std::vector<const PreparedSpectrum *> &spectra,
                                                   const std::vector<QStringList> &isotopes,
                                                   const std::vector<int> &groups, const QStringList &labels,
                                                   const IdentifierTraining &options, const JobControl *job)
{
    if (labels.isEmpty())
        return makeError(QStringLiteral("training set"), QStringLiteral("no single-source spectra: nothing to identify"));
    IsotopeIdentifier id;
    id.m_labels = labels;
    id.m_features = FeatureExtractor(options.features, grid);
    if (options.features.reference != FeatureReference::None || options.features.kind == FeatureKind::TemplateFit) {
        const Status st = id.m_features.fitReference(reference);
        if (!st)
            return st.error();
    }
    FeatureMatrix x = id.m_features.computeAll(spectra, false);
    id.m_features.fitStandardisation(x);
    for (int r = 0; r < x.rows; ++r)
        id.m_features.standardiseInPlace(x.row(r));
    for (int l = 0; l < labels.size(); ++l) {
        if (JobControl::cancelled(job))
            return makeError(QStringLiteral("training"), QStringLiteral("cancelled"));
        JobControl::report(job, l, labels.size(), QStringLiteral("Training %1 classifier").arg(labels[l]));
        std::vector<int> y(isotopes.size());
        for (size_t i = 0; i < isotopes.size(); ++i)
            y[i] = isotopes[i].contains(labels[l]) ? 1 : 0;
        ClassifierTraining opt = options.classifier;
        opt.seed += static_cast<quint64>(l);
        auto c = CalibratedClassifier::train(x, y, groups, opt, nullptr);
        if (!c)
            return makeError(labels[l], c.error().message);
        id.m_classifiers.push_back(std::move(c.value()));
    }
    // Held-out label sets: every classifier's out-of-fold probability at 0.5.
    int all = 0, allExact = 0, mixed = 0, mixedExact = 0;
    for (size_t i = 0; i < isotopes.size(); ++i) {
        bool exact = true, scored = true;
        for (int l = 0; l < labels.size(); ++l) {
            const double p = id.m_classifiers[static_cast<size_t>(l)].outOfFoldProbabilities()[i];
            scored = scored && !std::isnan(p);
            exact = exact && ((p >= 0.5) == isotopes[i].contains(labels[l]));
        }
        if (!scored)
            continue;
        ++all;
        allExact += exact ? 1 : 0;
        if (isotopes[i].size() >= 2) {
            ++mixed;
            mixedExact += exact ? 1 : 0;
        }
    }
    id.m_validation[QStringLiteral("outOfFoldRows")] = all;
    id.m_validation[QStringLiteral("exactSetMatch")] = all ? double(allExact) / all : -1.0;
    id.m_validation[QStringLiteral("mixtureRows")] = mixed;
    id.m_validation[QStringLiteral("mixtureExactSetMatch")] = mixed ? double(mixedExact) / mixed : -1.0;
    return id;
}

std::vector<double> IsotopeIdentifier::probabilitiesFromFeatures(const double *f) const
{
    std::vector<double> p(m_classifiers.size());
    for (size_t l = 0; l < m_classifiers.size(); ++l)
        p[l] = m_classifiers[l].probability(f);
    return p;
}

std::vector<double> IsotopeIdentifier::probabilities(const PreparedSpectrum &spectrum) const
{
    const std::vector<double> f = m_features.compute(spectrum);
    return probabilitiesFromFeatures(f.data());
}

QJsonObject IsotopeIdentifier::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("labels")] = QJsonArray::fromStringList(m_labels);
    o[QStringLiteral("features")] = m_features.config().toJson();
    o[QStringLiteral("featureState")] = m_features.stateToJson();
    QJsonArray cs;
    for (const CalibratedClassifier &c : m_classifiers)
        cs.append(c.toJson());
    o[QStringLiteral("classifiers")] = cs;
    return o;
}

Result<IsotopeIdentifier> IsotopeIdentifier::fromJson(const QJsonObject &o, const EnergyGrid &grid, const QString &source)
{
    IsotopeIdentifier id;
    for (const auto &v : o.value(QStringLiteral("labels")).toArray())
        id.m_labels << v.toString();
    auto fx = FeatureExtractor::fromJson(o.value(QStringLiteral("features")).toObject(),
                                         o.value(QStringLiteral("featureState")).toObject(), grid, source);
    if (!fx)
        return fx.error();
    id.m_features = std::move(fx.value());
    const QJsonArray cs = o.value(QStringLiteral("classifiers")).toArray();
    if (cs.size() != id.m_labels.size() || id.m_labels.isEmpty())
        return makeError(source, QStringLiteral("identifier has %1 labels but %2 classifiers").arg(id.m_labels.size()).arg(cs.size()));
    for (const auto &v : cs) {
        auto c = CalibratedClassifier::fromJson(v.toObject(), id.m_features.dimension(), source);
        if (!c)
            return c.error();
        id.m_classifiers.push_back(std::move(c.value()));
    }
    return id;
}

} // namespace photopeak
