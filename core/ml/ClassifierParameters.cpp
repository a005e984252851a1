// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/ClassifierParameters.h"

namespace photopeak {

namespace {

using Type = ParameterSpec::Type;

const QStringList kLearners{QStringLiteral("logistic"), QStringLiteral("rbf-svm"), QStringLiteral("linear-svm"),
                            QStringLiteral("random-forest")};

ParameterSpec spec(const char *key, Type type, QJsonValue def, const char *label, const char *help)
{
    ParameterSpec s;
    s.key = QString::fromLatin1(key);
    s.type = type;
    s.defaultValue = std::move(def);
    s.label = label;
    s.help = help;
    return s;
}

ParameterSpec choice(const char *key, QStringList choices, const char *label, const char *help, QString alias = {})
{
    ParameterSpec s = spec(key, Type::Choice, choices.front(), label, help);
    s.choices = std::move(choices);
    s.cliAlias = std::move(alias);
    return s;
}

ParameterSpec number(const char *key, Type type, double def, double min, double max, const char *label, const char *help,
                     QString unit = {})
{
    ParameterSpec s = spec(key, type, def, label, help);
    s.minimum = min;
    s.maximum = max;
    s.unit = std::move(unit);
    return s;
}

ParameterSpec alias(ParameterSpec s, QString cliAlias)
{
    s.cliAlias = std::move(cliAlias);
    return s;
}

ParameterSpec in(const char *group, ParameterSpec s, bool advanced = false)
{
    s.group = group;
    s.advanced = advanced;
    return s;
}

ParameterSpec labelled(ParameterSpec s, std::vector<const char *> choiceLabels)
{
    s.choiceLabels = std::move(choiceLabels);
    return s;
}

const char *const kMethod = QT_TRANSLATE_NOOP("Parameters", "Method and features");
const char *const kSynthetic = QT_TRANSLATE_NOOP("Parameters", "Synthetic spectra");
const char *const kValidation = QT_TRANSLATE_NOOP("Parameters", "Validation and calibration");
const std::vector<const char *> kLearnerLabels{QT_TRANSLATE_NOOP("Parameters", "Logistic regression"),
                                               QT_TRANSLATE_NOOP("Parameters", "RBF SVM"),
                                               QT_TRANSLATE_NOOP("Parameters", "Linear SVM"),
                                               QT_TRANSLATE_NOOP("Parameters", "Random forest")};

ParameterTable makeTable()
{
    const ClassifierOptions d;
    std::vector<const char *> detectionLabels = kLearnerLabels;
    detectionLabels.push_back(QT_TRANSLATE_NOOP("Parameters", "Sigma test (no learning)"));
    return ParameterTable(QStringLiteral("spectrum classifier"), {
        in(kMethod, labelled(choice("detection", kLearners + QStringList{QStringLiteral("sigma")}, QT_TRANSLATE_NOOP("Parameters", "Detection"),
               QT_TRANSLATE_NOOP("Parameters", "How a spectrum is called a source: a calibrated learner, or the sigma test (counts above the mean training background by more than k standard deviations, no learning)."),
               QStringLiteral("-m")), detectionLabels)),
        in(kMethod, alias(spec("identify", Type::Bool, d.identify, QT_TRANSLATE_NOOP("Parameters", "Identify isotopes"),
               QT_TRANSLATE_NOOP("Parameters", "Train one calibrated one-vs-rest classifier per isotope (off: detection only).")), QStringLiteral("-c"))),
        in(kMethod, labelled(choice("identification", kLearners, QT_TRANSLATE_NOOP("Parameters", "Identification"),
               QT_TRANSLATE_NOOP("Parameters", "Learner of the isotope classifiers; an isotope is reported when the spectrum is a source and its probability reaches the threshold."),
               QStringLiteral("-M")), kLearnerLabels)),
        in(kMethod, labelled(choice("detection-features", {QStringLiteral("average"), QStringLiteral("linfit"), QStringLiteral("full")},
               QT_TRANSLATE_NOOP("Parameters", "Detection features"),
               QT_TRANSLATE_NOOP("Parameters", "Significance over the training background of the mean count rate (AVERAGE) or of slope and level (LINFIT) in 25-keV segments, or of every 1-keV bin."),
               QStringLiteral("-f")), {QT_TRANSLATE_NOOP("Parameters", "AVERAGE, 25 keV"), QT_TRANSLATE_NOOP("Parameters", "LINFIT, 25 keV"),
                                       QT_TRANSLATE_NOOP("Parameters", "Full spectrum, 1 keV")})),
        in(kMethod, labelled(choice("identification-features", {QStringLiteral("template-fit"), QStringLiteral("average"), QStringLiteral("linfit"), QStringLiteral("full")},
               QT_TRANSLATE_NOOP("Parameters", "Identification features"),
               QT_TRANSLATE_NOOP("Parameters", "Template fit: per isotope, the significance of its net-spectrum templates in a non-negative fit of 5-keV segments; carries over to mixtures never measured."),
               QStringLiteral("-F")), {QT_TRANSLATE_NOOP("Parameters", "Template fit, 5 keV"), QT_TRANSLATE_NOOP("Parameters", "AVERAGE, 5 keV"),
                                       QT_TRANSLATE_NOOP("Parameters", "LINFIT, 5 keV"), QT_TRANSLATE_NOOP("Parameters", "Full spectrum, 1 keV")})),
        in(kMethod, labelled(choice("transform", {QStringLiteral("log"), QStringLiteral("arctan"), QStringLiteral("none")},
               QT_TRANSLATE_NOOP("Parameters", "Feature transform"),
               QT_TRANSLATE_NOOP("Parameters", "Transform of the feature values before standardisation: sign(x)·log(1+|x|), the old tool's arctan scaling, or none.")),
               {QT_TRANSLATE_NOOP("Parameters", "Signed log"), QT_TRANSLATE_NOOP("Parameters", "Arctan (old tool)"), QT_TRANSLATE_NOOP("Parameters", "None")})),
        in(kMethod, spec("standardise", Type::Bool, true, QT_TRANSLATE_NOOP("Parameters", "Standardise features"),
               QT_TRANSLATE_NOOP("Parameters", "Zero mean and unit variance per feature, learned on the training set.")), true),
        in(kMethod, number("template-systematic", Type::Double, d.identificationFeatures.templateSystematic, 0.0, 1.0,
               QT_TRANSLATE_NOOP("Parameters", "Template shape uncertainty"),
               QT_TRANSLATE_NOOP("Parameters", "Relative shape uncertainty of the isotope templates (template-fit features).")), true),
        in(kMethod, labelled(choice("line-features", {QStringLiteral("none"), QStringLiteral("net"), QStringLiteral("significance")},
               QT_TRANSLATE_NOOP("Parameters", "Line features"),
               QT_TRANSLATE_NOOP("Parameters", "Per-isotope features from the strongest library lines: net count rate, or its significance.")),
               {QT_TRANSLATE_NOOP("Parameters", "None"), QT_TRANSLATE_NOOP("Parameters", "Net count rate"), QT_TRANSLATE_NOOP("Parameters", "Significance")}), true),
        in(kMethod, number("lines-per-isotope", Type::Int, d.identificationFeatures.linesPerLabel, 1, 20,
               QT_TRANSLATE_NOOP("Parameters", "Lines per isotope"),
               QT_TRANSLATE_NOOP("Parameters", "Strongest library gamma lines per isotope for the line features.")), true),
        in(kSynthetic, spec("synthetic", Type::Bool, d.augment, QT_TRANSLATE_NOOP("Parameters", "Weak sources and backgrounds"),
               QT_TRANSLATE_NOOP("Parameters", "Add seeded synthetic spectra made from the measured ones by Poisson thinning; without them the learners never see weak, distant sources."))),
        in(kSynthetic, spec("mixtures", Type::Bool, d.augmentMixtures, QT_TRANSLATE_NOOP("Parameters", "Mixtures of 2 or 3 isotopes"),
               QT_TRANSLATE_NOOP("Parameters", "Add synthetic mixtures of measured isotopes, so that combinations never measured can be identified."))),
        in(kSynthetic, number("synthetic-singles", Type::Int, d.synthetic.singles, 0, 1000000, QT_TRANSLATE_NOOP("Parameters", "Weak single sources"),
               QT_TRANSLATE_NOOP("Parameters", "Synthetic spectra of one isotope at reduced strength.")), true),
        in(kSynthetic, number("synthetic-mixtures", Type::Int, d.synthetic.mixtures, 0, 1000000, QT_TRANSLATE_NOOP("Parameters", "Mixtures"),
               QT_TRANSLATE_NOOP("Parameters", "Synthetic spectra of two or three isotopes.")), true),
        in(kSynthetic, number("synthetic-backgrounds", Type::Int, d.synthetic.backgrounds, 0, 1000000, QT_TRANSLATE_NOOP("Parameters", "Backgrounds"),
               QT_TRANSLATE_NOOP("Parameters", "Synthetic backgrounds at other live times and levels.")), true),
        in(kSynthetic, number("min-strength", Type::Double, d.synthetic.minStrength, 1e-4, 1.0, QT_TRANSLATE_NOOP("Parameters", "Weakest source"),
               QT_TRANSLATE_NOOP("Parameters", "Weakest synthetic source relative to the measured one.")), true),
        in(kSynthetic, number("identification-min-strength", Type::Double, d.synthetic.identificationMinStrength, 0.0, 1.0,
               QT_TRANSLATE_NOOP("Parameters", "Weakest source for identification"),
               QT_TRANSLATE_NOOP("Parameters", "Weakest synthetic source the identifiers train on, relative to the measured one (0: as for detection).")), true),
        in(kSynthetic, labelled(choice("mixture-background", {QStringLiteral("live-time"), QStringLiteral("subtract"), QStringLiteral("surplus")},
               QT_TRANSLATE_NOOP("Parameters", "Mixture background"),
               QT_TRANSLATE_NOOP("Parameters", "Background that strong mixture components bring: counted in the live time, subtracted, or kept.")),
               {QT_TRANSLATE_NOOP("Parameters", "In the live time"), QT_TRANSLATE_NOOP("Parameters", "Subtracted"), QT_TRANSLATE_NOOP("Parameters", "Kept")}), true),
        in(kSynthetic, number("seed", Type::Int, double(d.seed), 0, 2147483647.0, QT_TRANSLATE_NOOP("Parameters", "Seed"),
               QT_TRANSLATE_NOOP("Parameters", "Seed of the synthetic spectra and of the folds: the same seed and data give the same model."))),
        in(kValidation, number("folds", Type::Int, d.folds, 2, 20, QT_TRANSLATE_NOOP("Parameters", "Cross-validation folds"),
               QT_TRANSLATE_NOOP("Parameters", "Grouped k-fold cross-validation: spectra of one acquisition series stay in one fold."))),
        in(kValidation, spec("search", Type::Bool, d.searchHyperParameters, QT_TRANSLATE_NOOP("Parameters", "Search hyper-parameters"),
               QT_TRANSLATE_NOOP("Parameters", "Choose C, gamma or lambda by the out-of-fold log-loss (off: the learner's defaults)."))),
        in(kValidation, labelled(choice("calibration", {QStringLiteral("platt"), QStringLiteral("isotonic")}, QT_TRANSLATE_NOOP("Parameters", "Calibration"),
               QT_TRANSLATE_NOOP("Parameters", "How scores become probabilities, fitted on the held-out folds' scores.")),
               {QT_TRANSLATE_NOOP("Parameters", "Platt scaling"), QT_TRANSLATE_NOOP("Parameters", "Isotonic")})),
        in(kValidation, number("target-false-alarm", Type::Double, d.targetFalseAlarm, 0.0, 0.49, QT_TRANSLATE_NOOP("Parameters", "Target false alarms"),
               QT_TRANSLATE_NOOP("Parameters", "Detection operating point: the threshold that calls this share of held-out backgrounds a source (0: probability 0.5)."))),
        in(kValidation, number("threshold", Type::Double, d.decisionThreshold, 0.01, 0.99, QT_TRANSLATE_NOOP("Parameters", "Decision threshold"),
               QT_TRANSLATE_NOOP("Parameters", "Calibrated probability at which an isotope is reported."))),
        in(kValidation, number("k", Type::Double, d.sigma.k, 0.5, 20.0, QT_TRANSLATE_NOOP("Parameters", "Sigma test k"),
               QT_TRANSLATE_NOOP("Parameters", "Sigma test: a source when the count rate exceeds the reference background by more than k combined standard deviations."))),
        in(kValidation, spec("window", Type::Text, QString(), QT_TRANSLATE_NOOP("Parameters", "Sigma test windows"),
               QT_TRANSLATE_NOOP("Parameters", "Energy windows of the sigma test, LOW:HIGH keV, comma-separated (empty: the whole grid).")), true),
    });
}

QString windowsText(const SigmaTestOptions &sigma)
{
    QStringList parts;
    for (const auto &[lo, hi] : sigma.windowsKeV)
        parts << QStringLiteral("%1:%2").arg(lo).arg(hi);
    return parts.join(QLatin1Char(','));
}

Status parseWindows(const QString &text, SigmaTestOptions &sigma, const QString &source)
{
    sigma.windowsKeV.clear();
    for (const QString &w : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList parts = w.trimmed().split(QLatin1Char(':'));
        bool a = false, b = false;
        const double lo = parts.value(0).toDouble(&a), hi = parts.value(1).toDouble(&b);
        if (parts.size() != 2 || !a || !b || !(hi > lo) || lo < 0.0)
            return makeError(source, QStringLiteral("window needs LOW:HIGH keV with 0 <= LOW < HIGH, got '%1'").arg(w));
        sigma.windowsKeV.emplace_back(lo, hi);
    }
    return Ok{};
}

} // namespace

const ParameterTable &ClassifierParameters::table()
{
    static const ParameterTable t = makeTable();
    return t;
}

QJsonObject ClassifierParameters::values(const ClassifierOptions &o)
{
    QJsonObject v;
    v[QStringLiteral("detection")] = o.sigmaDetection ? QStringLiteral("sigma") : BinaryLearner::methodName(o.detectionMethod);
    v[QStringLiteral("identification")] = BinaryLearner::methodName(o.identificationMethod);
    v[QStringLiteral("identify")] = o.identify;
    v[QStringLiteral("detection-features")] = FeatureConfig::kindName(o.detectionFeatures.kind);
    v[QStringLiteral("identification-features")] = FeatureConfig::kindName(o.identificationFeatures.kind);
    v[QStringLiteral("transform")] = FeatureConfig::transformName(o.detectionFeatures.transform);
    v[QStringLiteral("standardise")] = o.detectionFeatures.standardise;
    v[QStringLiteral("template-systematic")] = o.identificationFeatures.templateSystematic;
    v[QStringLiteral("line-features")] = FeatureConfig::linesName(o.identificationFeatures.lines);
    v[QStringLiteral("lines-per-isotope")] = o.identificationFeatures.linesPerLabel;
    v[QStringLiteral("synthetic")] = o.augment;
    v[QStringLiteral("mixtures")] = o.augmentMixtures;
    v[QStringLiteral("synthetic-singles")] = o.synthetic.singles;
    v[QStringLiteral("synthetic-mixtures")] = o.synthetic.mixtures;
    v[QStringLiteral("synthetic-backgrounds")] = o.synthetic.backgrounds;
    v[QStringLiteral("min-strength")] = o.synthetic.minStrength;
    v[QStringLiteral("identification-min-strength")] = o.synthetic.identificationMinStrength;
    v[QStringLiteral("mixture-background")] = SyntheticOptions::mixtureBackgroundName(o.synthetic.mixtureBackground);
    v[QStringLiteral("folds")] = o.folds;
    v[QStringLiteral("search")] = o.searchHyperParameters;
    v[QStringLiteral("calibration")] = ProbabilityCalibrator::methodName(o.calibration);
    v[QStringLiteral("threshold")] = o.decisionThreshold;
    v[QStringLiteral("target-false-alarm")] = o.targetFalseAlarm;
    v[QStringLiteral("k")] = o.sigma.k;
    v[QStringLiteral("window")] = windowsText(o.sigma);
    v[QStringLiteral("seed")] = double(o.seed);
    return v;
}

Result<ClassifierOptions> ClassifierParameters::options(const QJsonObject &input, const QString &source)
{
    auto checked = table().validate(input, source);
    if (!checked)
        return checked.error();
    const QJsonObject &v = *checked;
    const auto text = [&](const char *key) { return v.value(QLatin1String(key)).toString(); };
    const auto real = [&](const char *key) { return v.value(QLatin1String(key)).toDouble(); };
    const auto integer = [&](const char *key) { return int(v.value(QLatin1String(key)).toInteger()); };
    const auto flag = [&](const char *key) { return v.value(QLatin1String(key)).toBool(); };

    ClassifierOptions o;  // the table's choices are exactly the names these parsers accept
    o.sigmaDetection = text("detection") == QLatin1String("sigma");
    if (!o.sigmaDetection)
        BinaryLearner::parseMethod(text("detection"), &o.detectionMethod);
    BinaryLearner::parseMethod(text("identification"), &o.identificationMethod);
    o.identify = flag("identify");
    FeatureConfig::parseKind(text("detection-features"), &o.detectionFeatures.kind);
    FeatureKind idKind = FeatureKind::TemplateFit;
    FeatureConfig::parseKind(text("identification-features"), &idKind);
    if (idKind != FeatureKind::TemplateFit) {
        o.identificationFeatures = FeatureConfig::detectionDefault();
        o.identificationFeatures.segmentKeV = 5.0;
    }
    o.identificationFeatures.kind = idKind;
    FeatureTransform transform = FeatureTransform::Log;
    FeatureConfig::parseTransform(text("transform"), &transform);
    o.detectionFeatures.transform = o.identificationFeatures.transform = transform;
    o.detectionFeatures.standardise = o.identificationFeatures.standardise = flag("standardise");
    o.identificationFeatures.templateSystematic = real("template-systematic");
    FeatureConfig::parseLines(text("line-features"), &o.identificationFeatures.lines);
    o.identificationFeatures.linesPerLabel = integer("lines-per-isotope");
    o.augment = flag("synthetic");
    o.augmentMixtures = flag("mixtures");
    o.synthetic.singles = integer("synthetic-singles");
    o.synthetic.mixtures = integer("synthetic-mixtures");
    o.synthetic.backgrounds = integer("synthetic-backgrounds");
    o.synthetic.minStrength = real("min-strength");
    o.synthetic.identificationMinStrength = real("identification-min-strength");
    SyntheticOptions::parseMixtureBackground(text("mixture-background"), &o.synthetic.mixtureBackground);
    o.folds = integer("folds");
    o.searchHyperParameters = flag("search");
    ProbabilityCalibrator::parseMethod(text("calibration"), &o.calibration);
    o.decisionThreshold = real("threshold");
    o.targetFalseAlarm = real("target-false-alarm");
    o.sigma.k = real("k");
    if (const Status st = parseWindows(text("window"), o.sigma, source); !st)
        return st.error();
    o.seed = quint64(v.value(QStringLiteral("seed")).toInteger());
    return o;
}

} // namespace photopeak
