// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/latent/LatentParameters.h"

#include <utility>

namespace photopeak {

namespace {

using Type = ParameterSpec::Type;

ParameterSpec spec(const char *key, Type type, QJsonValue def, const char *group, const char *label, const char *help,
                   bool advanced = false)
{
    ParameterSpec s;
    s.key = QString::fromLatin1(key);
    s.type = type;
    s.defaultValue = std::move(def);
    s.group = group;
    s.label = label;
    s.help = help;
    s.advanced = advanced;
    return s;
}

ParameterSpec number(ParameterSpec s, double min, double max, QString unit = {})
{
    s.minimum = min;
    s.maximum = max;
    s.unit = std::move(unit);
    return s;
}

const char *const kFit = QT_TRANSLATE_NOOP("Parameters", "Fit of each spectrum");
const char *const kTraining = QT_TRANSLATE_NOOP("Parameters", "Training");
const char *const kDecision = QT_TRANSLATE_NOOP("Parameters", "Decision");

// The decision rules: table spelling (also the model file's) and rule.
const std::pair<const char *, DetectionRule> kRules[] = {
    {"two-stage", DetectionRule::TwoStage},
    {"significance", DetectionRule::Significance},
    {"share", DetectionRule::ShareThreshold},
};

// Model file key (LatentOptions::toJson) -> table key.
const std::pair<const char *, const char *> kFileKeys[] = {
    {"poissonWeighted", "poisson"}, {"poissonSteps", "poisson-steps"}, {"gainAdjust", "gain"},
    {"gainRange", "gain-range"}, {"gainStep", "gain-step"}, {"resolutionAdjust", "resolution"},
    {"resolutionMax", "resolution-max"}, {"resolutionStep", "resolution-step"}, {"resolutionMatch", "match"},
    {"alignTemplates", "align"}, {"detection", "decision"}, {"shareThreshold", "share-threshold"},
    {"significance", "z"}, {"overdispersion", "quasi"}, {"minShare", "min-share"},
};

QString ruleName(DetectionRule rule)
{
    for (const auto &[name, r] : kRules)
        if (r == rule)
            return QString::fromLatin1(name);
    return QStringLiteral("share");
}

ParameterTable makeTable()
{
    const LatentOptions d = LatentOptions::recommended();
    ParameterSpec decision = spec("decision", Type::Choice, ruleName(d.detection), kDecision,
        QT_TRANSLATE_NOOP("Parameters", "Rule"),
        QT_TRANSLATE_NOOP("Parameters", "Two stages: a source when the isotopes significant at z together hold more than the share threshold of the scores, then every significant isotope; significance: every component above z standard errors; share: every component above the share threshold (the old method)."));
    for (const auto &rule : kRules)
        decision.choices << QString::fromLatin1(rule.first);
    decision.choiceLabels = {QT_TRANSLATE_NOOP("Parameters", "Two stages: source alarm, then which"),
                             QT_TRANSLATE_NOOP("Parameters", "Significance of each component"),
                             QT_TRANSLATE_NOOP("Parameters", "Share above the threshold (old method)")};
    return ParameterTable(QStringLiteral("latent model"), {
        spec("poisson", Type::Bool, d.poissonWeighted, kFit, QT_TRANSLATE_NOOP("Parameters", "Poisson weighting"),
             QT_TRANSLATE_NOOP("Parameters", "Re-weighted fit: each channel weighted by 1/max(model counts, 1), its Poisson variance, then weighted non-negative least squares.")),
        number(spec("poisson-steps", Type::Int, d.poissonSteps, kFit, QT_TRANSLATE_NOOP("Parameters", "Re-weighted steps"),
                    QT_TRANSLATE_NOOP("Parameters", "Re-weighted steps towards the Poisson fit (1: the first round's weights)."), true), 1, 20),
        spec("gain", Type::Bool, d.gainAdjust, kFit, QT_TRANSLATE_NOOP("Parameters", "Gain adjustment"),
             QT_TRANSLATE_NOOP("Parameters", "Per-spectrum energy-scale factor within the gain range, chosen by the best fit (lowest deviance).")),
        number(spec("gain-range", Type::Double, d.gainRange, kFit, QT_TRANSLATE_NOOP("Parameters", "Gain range"),
                    QT_TRANSLATE_NOOP("Parameters", "Gain factors from 1 - range to 1 + range are tried."), true), 0.0, 0.2),
        number(spec("gain-step", Type::Double, d.gainStep, kFit, QT_TRANSLATE_NOOP("Parameters", "Gain step"),
                    QT_TRANSLATE_NOOP("Parameters", "Coarse step of the gain factors; the best one is refined with a quarter of it."), true), 0.002, 0.1),
        spec("resolution", Type::Bool, d.resolutionAdjust, kFit, QT_TRANSLATE_NOOP("Parameters", "Resolution adjustment"),
             QT_TRANSLATE_NOOP("Parameters", "Per-spectrum Gaussian broadening of the isotope loadings, chosen by the best deviance per degree of freedom."), true),
        number(spec("resolution-max", Type::Double, d.resolutionMax, kFit, QT_TRANSLATE_NOOP("Parameters", "Largest broadening"),
                    QT_TRANSLATE_NOOP("Parameters", "Largest extra sigma at 661.657 keV of the resolution adjustment."), true), 0.0, 60.0, QStringLiteral("keV")),
        number(spec("resolution-step", Type::Double, d.resolutionStep, kFit, QT_TRANSLATE_NOOP("Parameters", "Broadening step"),
                    QT_TRANSLATE_NOOP("Parameters", "Step of the extra sigma of the resolution adjustment."), true), 0.5, 30.0, QStringLiteral("keV")),
        spec("match", Type::Bool, d.resolutionMatch, kTraining, QT_TRANSLATE_NOOP("Parameters", "Resolution match"),
             QT_TRANSLATE_NOOP("Parameters", "Training: the isotope loadings are broadened once to the line widths of the measured background (fitted on the training loadings' known lines).")),
        spec("align", Type::Bool, d.alignTemplates, kTraining, QT_TRANSLATE_NOOP("Parameters", "Align templates"),
             QT_TRANSLATE_NOOP("Parameters", "Training: the isotope loadings are moved by their line offset relative to the background's lines."), true),
        decision,
        spec("quasi", Type::Bool, d.overdispersion, kDecision, QT_TRANSLATE_NOOP("Parameters", "Quasi-Poisson standard errors"),
             QT_TRANSLATE_NOOP("Parameters", "Standard errors grow by sqrt(deviance per degree of freedom) when the fit is worse than Poisson noise: template mismatch in strong spectra is not taken for extra isotopes.")),
        number(spec("z", Type::Double, d.significance, kDecision, QT_TRANSLATE_NOOP("Parameters", "Significance z"),
                    QT_TRANSLATE_NOOP("Parameters", "z of the statistical threshold (5: the conventional discovery level).")), 0.1, 50.0),
        number(spec("share-threshold", Type::Double, d.shareThreshold, kDecision, QT_TRANSLATE_NOOP("Parameters", "Share threshold"),
                    QT_TRANSLATE_NOOP("Parameters", "Share of the scores above which a component is present (share rule) or a source alarm is raised (two stages)."), true), 0.001, 0.99),
        number(spec("min-share", Type::Double, d.minShare, kDecision, QT_TRANSLATE_NOOP("Parameters", "Minimum isotope share"),
                    QT_TRANSLATE_NOOP("Parameters", "Significance rule: an isotope must also hold more than this share of the scores (0: off)."), true), 0.0, 0.99),
    });
}

} // namespace

const ParameterTable &LatentParameters::table()
{
    static const ParameterTable t = makeTable();
    return t;
}

QJsonObject LatentParameters::values(const LatentOptions &o)
{
    return {
        {QStringLiteral("poisson"), o.poissonWeighted},
        {QStringLiteral("poisson-steps"), o.poissonSteps},
        {QStringLiteral("gain"), o.gainAdjust},
        {QStringLiteral("gain-range"), o.gainRange},
        {QStringLiteral("gain-step"), o.gainStep},
        {QStringLiteral("resolution"), o.resolutionAdjust},
        {QStringLiteral("resolution-max"), o.resolutionMax},
        {QStringLiteral("resolution-step"), o.resolutionStep},
        {QStringLiteral("match"), o.resolutionMatch},
        {QStringLiteral("align"), o.alignTemplates},
        {QStringLiteral("decision"), ruleName(o.detection)},
        {QStringLiteral("quasi"), o.overdispersion},
        {QStringLiteral("z"), o.significance},
        {QStringLiteral("share-threshold"), o.shareThreshold},
        {QStringLiteral("min-share"), o.minShare},
    };
}

Result<LatentOptions> LatentParameters::options(const QJsonObject &input, const QString &source)
{
    auto checked = table().validate(input, source);
    if (!checked)
        return checked.error();
    const QJsonObject &v = *checked;
    const auto real = [&](const char *key) { return v.value(QLatin1String(key)).toDouble(); };
    const auto flag = [&](const char *key) { return v.value(QLatin1String(key)).toBool(); };
    LatentOptions o;
    o.poissonWeighted = flag("poisson");
    o.poissonSteps = int(v.value(QStringLiteral("poisson-steps")).toInteger());
    o.gainAdjust = flag("gain");
    o.gainRange = real("gain-range");
    o.gainStep = real("gain-step");
    o.resolutionAdjust = flag("resolution");
    o.resolutionMax = real("resolution-max");
    o.resolutionStep = real("resolution-step");
    o.resolutionMatch = flag("match");
    o.alignTemplates = flag("align");
    const QString decision = v.value(QStringLiteral("decision")).toString();
    for (const auto &[name, rule] : kRules)  // the table's choices are exactly these names
        if (decision == QLatin1String(name))
            o.detection = rule;
    o.overdispersion = flag("quasi");
    o.significance = real("z");
    o.shareThreshold = real("share-threshold");
    o.minShare = real("min-share");
    return o;
}

Result<LatentOptions> LatentParameters::fromModelJson(const QJsonObject &json, const QString &source)
{
    QJsonObject values = LatentParameters::values(LatentOptions());
    for (auto it = json.begin(); it != json.end(); ++it) {
        const char *key = nullptr;
        for (const auto &[fileKey, tableKey] : kFileKeys)
            if (it.key() == QLatin1String(fileKey))
                key = tableKey;
        if (!key)
            return makeError(source, QStringLiteral("latent model options have no option '%1'").arg(it.key()));
        values.insert(QLatin1String(key), it.value());
    }
    return options(values, source);
}

} // namespace photopeak
