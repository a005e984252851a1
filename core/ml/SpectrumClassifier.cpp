// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/SpectrumClassifier.h"

#include "model/ModelFile.h"
#include "peaks/NuclideLibrary.h"

#include <QElapsedTimer>
#include <QJsonArray>

namespace photopeak {

namespace {
ClassifierTraining classifierTraining(const ClassifierOptions &o, LearnerMethod method)
{
    ClassifierTraining t;
    t.method = method;
    t.folds = o.folds;
    t.calibration = o.calibration;
    t.seed = o.seed;
    LearnerParams base;
    base.seed = QString::number(o.seed);
    t.candidates = o.searchHyperParameters ? ClassifierTraining::defaultCandidates(method, base)
                                           : std::vector<LearnerParams>{base};
    return t;
}
} // namespace

Result<SpectrumClassifier> SpectrumClassifier::train(const PreparedSet &set, const ClassifierOptions &options,
                                                     const JobControl *job)
{
    QElapsedTimer total;
    total.start();
    SpectrumClassifier c;
    c.m_options = options;
    c.m_grid = set.grid();
    c.m_trainingHash = set.contentHash();
    const QStringList labels = set.singleIsotopes();

    // Measured spectra with a known answer; unlabelled ones teach nothing.
    std::vector<const PreparedSpectrum *> spectra;
    std::vector<int> groups, isSource;
    std::vector<QStringList> isotopes;
    FeatureFitInput fit;
    fit.labels = labels;
    int measuredSources = 0, measuredBackgrounds = 0;
    for (const PreparedItem &it : set.items()) {
        if (!it.background && it.isotopes.isEmpty())
            continue;
        spectra.push_back(&it.prepared);
        groups.push_back(it.group);
        isSource.push_back(it.isotopes.isEmpty() ? 0 : 1);
        isotopes.push_back(it.isotopes);
        (it.isotopes.isEmpty() ? measuredBackgrounds : measuredSources)++;
        if (it.isotopes.isEmpty()) {
            fit.backgrounds.push_back(&it.prepared);
            fit.backgroundGroups.push_back(it.group);
        } else if (it.isotopes.size() == 1) {
            fit.sources.push_back(&it.prepared);
            fit.sourceLabels.push_back(static_cast<int>(labels.indexOf(it.isotopes.front())));
            fit.sourceGroups.push_back(it.group);
        }
    }
    if (measuredBackgrounds == 0)
        return makeError(QStringLiteral("training set"), QStringLiteral("no background spectra (folders named bkg or "
                                                                        "background): detection cannot be trained"));
    if (measuredSources == 0)
        return makeError(QStringLiteral("training set"), QStringLiteral("no source spectra (folders named after isotopes)"));

    QElapsedTimer step;
    step.start();
    std::vector<SyntheticSample> synthetic;
    if (options.augment) {
        SyntheticOptions so = options.synthetic;
        so.seed = options.seed;
        if (!options.augmentMixtures)
            so.mixtures = 0;
        synthetic = SyntheticMixer(set).generate(so, job);
        if (JobControl::cancelled(job))
            return makeError(QStringLiteral("training"), QStringLiteral("cancelled"));
    }
    // The identifier's own synthetic set when its weakest source differs from the detector's.
    std::vector<SyntheticSample> idSynthetic;
    const bool ownIdSet = options.augment && options.identify
        && options.synthetic.identificationMinStrength > 0.0
        && options.synthetic.identificationMinStrength != options.synthetic.minStrength;
    std::vector<const PreparedSpectrum *> idSpectra(spectra);
    std::vector<int> idGroups(groups);
    std::vector<QStringList> idIsotopes(isotopes);
    if (ownIdSet) {
        SyntheticOptions so = options.synthetic;
        so.seed = options.seed;
        so.minStrength = options.synthetic.identificationMinStrength;
        if (!options.augmentMixtures)
            so.mixtures = 0;
        idSynthetic = SyntheticMixer(set).generate(so, job);
        if (JobControl::cancelled(job))
            return makeError(QStringLiteral("training"), QStringLiteral("cancelled"));
    }
    int synthSources = 0;
    for (const SyntheticSample &s : synthetic) {
        spectra.push_back(&s.prepared);
        groups.push_back(s.group);
        isSource.push_back(s.isotopes.isEmpty() ? 0 : 1);
        isotopes.push_back(s.isotopes);
        synthSources += s.isotopes.isEmpty() ? 0 : 1;
    }
    for (const SyntheticSample &s : ownIdSet ? idSynthetic : synthetic) {
        idSpectra.push_back(&s.prepared);
        idGroups.push_back(s.group);
        idIsotopes.push_back(s.isotopes);
    }
    const qint64 synthMs = step.restart();

    QJsonObject report;
    report[QStringLiteral("measuredSources")] = measuredSources;
    report[QStringLiteral("measuredBackgrounds")] = measuredBackgrounds;
    report[QStringLiteral("syntheticSources")] = synthSources;
    report[QStringLiteral("syntheticBackgrounds")] = static_cast<int>(synthetic.size()) - synthSources;
    report[QStringLiteral("skipped")] = static_cast<int>(set.skipped().size());
    report[QStringLiteral("synthesisSeconds")] = synthMs / 1000.0;

    if (!options.sigmaDetection) {
        DetectorTraining dt;
        dt.features = options.detectionFeatures;
        dt.classifier = classifierTraining(options, options.detectionMethod);
        dt.classifier.targetFalsePositiveRate = options.targetFalseAlarm;
        auto d = SourceDetector::train(c.m_grid, fit, spectra, isSource, groups, dt, job);
        if (!d)
            return d.error();
        c.m_detector = std::move(d.value());
        report[QStringLiteral("detection")] = c.m_detector->classifier().validation();
        report[QStringLiteral("detectionSeconds")] = step.restart() / 1000.0;
    }
    if (options.identify && !labels.isEmpty()) {
        IdentifierTraining it;
        it.features = options.identificationFeatures;
        it.classifier = classifierTraining(options, options.identificationMethod);
        auto id = IsotopeIdentifier::train(c.m_grid, fit, idSpectra, idIsotopes, idGroups, labels, it, job);
        if (!id)
            return id.error();
        c.m_identifier = std::move(id.value());
        QJsonObject per;
        for (int l = 0; l < labels.size(); ++l)
            per[labels[l]] = c.m_identifier->classifiers()[static_cast<size_t>(l)].validation();
        report[QStringLiteral("identification")] = per;
        report[QStringLiteral("identificationSets")] = c.m_identifier->validation();
        report[QStringLiteral("identificationSeconds")] = step.restart() / 1000.0;
    }
    // Sigma test against the mean training background (all background live time).
    FeatureExtractor reference(FeatureConfig::detectionDefault(), c.m_grid);
    const Status st = reference.fitReference(fit);
    if (!st)
        return st.error();
    c.m_sigma = SigmaTest(options.sigma, c.m_grid, reference.backgroundRate(), reference.backgroundLiveTime());
    // Domain and the drift-robust excess test (resolution measured on the training spectra).
    std::vector<const Spectrum *> raw;
    std::vector<const PreparedSpectrum *> prepared;
    for (const PreparedItem &it : set.items()) {
        raw.push_back(&it.spectrum);
        prepared.push_back(&it.prepared);
    }
    c.m_domain = ModelDomain::learn(raw, prepared, c.m_grid, options.augment ? options.synthetic.minLiveTime : 0.0,
                                    options.augment ? options.synthetic.maxLiveTime : 0.0);
    c.m_domain.setFwhm662KeV(ModelDomain::measureFwhm662(fit, reference.backgroundRate(), c.m_grid));
    if (!options.sigmaDetection) {
        auto library = NuclideLibrary::loadDefault();
        auto excess = ExcessTest::train(c.m_grid, fit, ModelDomain::resolutionFor(c.m_domain.fwhm662KeV()),
                                        library ? &library.value() : nullptr, ExcessTestOptions());
        if (!excess)
            return excess.error();
        c.m_excess = std::move(excess.value());
        report[QStringLiteral("excessTest")] = QJsonObject{
            {QStringLiteral("templates"), c.m_excess->templateCount()},
            {QStringLiteral("gate"), c.m_excess->gateThreshold()},
            {QStringLiteral("strong"), c.m_excess->strongThreshold()},
            {QStringLiteral("library"), library ? library->path() : QStringLiteral("not loaded: ") + library.error().toString()}};
    }
    report[QStringLiteral("domain")] = c.m_domain.describe();
    report[QStringLiteral("trainingSeconds")] = total.elapsed() / 1000.0;
    c.m_report = report;
    return c;
}

Classification SpectrumClassifier::classify(const PreparedSpectrum &spectrum) const
{
    Classification out;
    out.sigma = m_sigma.test(spectrum);
    if (m_detector) {
        out.sourceProbability = m_detector->probability(spectrum);
        out.learnedSource = *out.sourceProbability >= detectionThreshold();
    } else {
        out.learnedSource = out.sigma.source;
    }
    out.source = out.learnedSource;
    if (m_excess) {
        // The learned detector is trusted where the drift-robust test sees an excess too; a strong excess
        // (unknown isotopes) is a source on its own.
        out.excess = m_excess->test(spectrum);
        out.source = out.excess->strong || (out.learnedSource && out.excess->gate);
    }
    if (m_identifier) {
        out.isotopeProbabilities = m_identifier->probabilities(spectrum);
        if (out.source)
            for (size_t l = 0; l < out.isotopeProbabilities.size(); ++l)
                if (out.isotopeProbabilities[l] >= m_options.decisionThreshold)
                    out.isotopes << m_identifier->labels()[static_cast<int>(l)];
    }
    return out;
}

double SpectrumClassifier::detectionThreshold() const
{
    if (m_detector && m_options.targetFalseAlarm > 0.0)
        return m_detector->classifier().threshold();
    return m_options.decisionThreshold;
}

Status SpectrumClassifier::save(const QString &path) const
{
    ModelDocument doc;
    ModelHeader &h = doc.header;
    h.kind = QString::fromLatin1(Kind);
    h.method = m_options.methodName();
    h.parameters = m_options.toJson();
    QJsonObject features;
    if (m_detector)
        features[QStringLiteral("detection")] = m_detector->features().config().toJson();
    if (m_identifier)
        features[QStringLiteral("identification")] = m_identifier->features().config().toJson();
    h.features = features;
    h.labels = QStringList{QStringLiteral("Source")} + isotopeLabels();
    h.grid = m_grid;
    h.trainingHash = m_trainingHash;
    h.metrics = m_report;
    if (m_detector)
        doc.payload[QStringLiteral("detector")] = m_detector->toJson();
    if (m_identifier)
        doc.payload[QStringLiteral("identifier")] = m_identifier->toJson();
    doc.payload[QStringLiteral("sigma")] = m_sigma.toJson();
    if (m_excess)
        doc.payload[QStringLiteral("excess")] = m_excess->toJson();
    if (m_domain.isKnown())
        doc.payload[QStringLiteral("domain")] = m_domain.toJson();
    return ModelFile::save(path, doc);
}

Result<SpectrumClassifier> SpectrumClassifier::load(const QString &path)
{
    auto doc = ModelFile::load(path, QString::fromLatin1(Kind));
    if (!doc)
        return doc.error();
    const ModelHeader &h = doc->header;
    const QJsonObject &p = doc->payload;
    if (!h.grid.isValid())
        return makeError(path, QStringLiteral("model has no valid energy grid"));
    auto options = ClassifierOptions::fromJson(h.parameters, path);
    if (!options)
        return options.error();
    SpectrumClassifier c;
    c.m_options = *options;
    c.m_grid = h.grid;
    c.m_trainingHash = h.trainingHash;
    c.m_report = h.metrics;
    if (h.method != c.m_options.methodName())
        return makeError(path, QStringLiteral("header method \"%1\" does not match its parameters (\"%2\")")
                                   .arg(h.method, c.m_options.methodName()));
    if (p.contains(QStringLiteral("detector"))) {
        auto d = SourceDetector::fromJson(p.value(QStringLiteral("detector")).toObject(), c.m_grid, path);
        if (!d)
            return d.error();
        if (h.features.value(QStringLiteral("detection")).toObject() != d->features().config().toJson())
            return makeError(path, QStringLiteral("detection feature configuration in the header does not match the "
                                                  "stored detector"));
        c.m_detector = std::move(d.value());
    } else if (!c.m_options.sigmaDetection) {
        return makeError(path, QStringLiteral("model declares a %1 detector but holds none")
                                   .arg(BinaryLearner::methodName(c.m_options.detectionMethod)));
    }
    if (p.contains(QStringLiteral("identifier"))) {
        auto id = IsotopeIdentifier::fromJson(p.value(QStringLiteral("identifier")).toObject(), c.m_grid, path);
        if (!id)
            return id.error();
        if (h.features.value(QStringLiteral("identification")).toObject() != id->features().config().toJson())
            return makeError(path, QStringLiteral("identification feature configuration in the header does not match "
                                                  "the stored identifier"));
        c.m_identifier = std::move(id.value());
    }
    if (h.labels != QStringList{QStringLiteral("Source")} + c.isotopeLabels())
        return makeError(path, QStringLiteral("label order in the header (%1) does not match the stored classifiers (%2)")
                                   .arg(h.labels.join(QLatin1Char(',')),
                                        (QStringList{QStringLiteral("Source")} + c.isotopeLabels()).join(QLatin1Char(','))));
    auto sigma = SigmaTest::fromJson(p.value(QStringLiteral("sigma")).toObject(), c.m_grid, path);
    if (!sigma)
        return sigma.error();
    c.m_sigma = std::move(sigma.value());
    if (p.contains(QStringLiteral("excess"))) {
        auto excess = ExcessTest::fromJson(p.value(QStringLiteral("excess")).toObject(), c.m_grid, path);
        if (!excess)
            return excess.error();
        c.m_excess = std::move(excess.value());
    }
    c.m_domain = ModelDomain::fromJson(p.value(QStringLiteral("domain")).toObject());
    return c;
}

Status SpectrumClassifier::setSessionBackground(const PreparedSpectrum &reference, const QString &source)
{
    auto sigma = SigmaTest::fromReference(m_sigma.options(), m_grid, reference, source);
    if (!sigma)
        return sigma.error();
    if (m_excess) {
        std::vector<double> rate(reference.counts.size());
        for (size_t b = 0; b < rate.size(); ++b)
            rate[b] = reference.counts[b] / reference.liveTime;
        if (const Status st = m_excess->setBackground(rate, reference.liveTime, source); !st)
            return st;
    }
    m_sigma = std::move(sigma.value());
    return Ok{};
}

} // namespace photopeak
