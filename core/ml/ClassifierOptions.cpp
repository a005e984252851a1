// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/ClassifierOptions.h"

#include "ml/ClassifierParameters.h"

namespace photopeak {

QJsonObject ClassifierOptions::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("detection")] = sigmaDetection ? QStringLiteral("sigma") : BinaryLearner::methodName(detectionMethod);
    o[QStringLiteral("detectionFeatures")] = detectionFeatures.toJson();
    o[QStringLiteral("identify")] = identify;
    o[QStringLiteral("identification")] = BinaryLearner::methodName(identificationMethod);
    o[QStringLiteral("identificationFeatures")] = identificationFeatures.toJson();
    o[QStringLiteral("augment")] = augment;
    o[QStringLiteral("augmentMixtures")] = augmentMixtures;
    o[QStringLiteral("synthetic")] = synthetic.toJson();
    o[QStringLiteral("folds")] = folds;
    o[QStringLiteral("searchHyperParameters")] = searchHyperParameters;
    o[QStringLiteral("calibration")] = ProbabilityCalibrator::methodName(calibration);
    o[QStringLiteral("sigma")] = sigma.toJson();
    o[QStringLiteral("decisionThreshold")] = decisionThreshold;
    o[QStringLiteral("targetFalseAlarm")] = targetFalseAlarm;
    o[QStringLiteral("seed")] = QString::number(seed);
    return o;
}

Result<ClassifierOptions> ClassifierOptions::fromJson(const QJsonObject &o, const QString &source)
{
    ClassifierOptions c;
    const QString det = o.value(QStringLiteral("detection")).toString();
    c.sigmaDetection = det == QLatin1String("sigma");
    if (!c.sigmaDetection && !BinaryLearner::parseMethod(det, &c.detectionMethod))
        return makeError(source, QStringLiteral("unknown detection method \"%1\"").arg(det));
    auto df = FeatureConfig::fromJson(o.value(QStringLiteral("detectionFeatures")).toObject(), source);
    if (!df)
        return df.error();
    c.detectionFeatures = *df;
    c.identify = o.value(QStringLiteral("identify")).toBool(true);
    if (!BinaryLearner::parseMethod(o.value(QStringLiteral("identification")).toString(), &c.identificationMethod))
        return makeError(source, QStringLiteral("unknown identification method \"%1\"")
                                     .arg(o.value(QStringLiteral("identification")).toString()));
    auto idf = FeatureConfig::fromJson(o.value(QStringLiteral("identificationFeatures")).toObject(), source);
    if (!idf)
        return idf.error();
    c.identificationFeatures = *idf;
    c.augment = o.value(QStringLiteral("augment")).toBool(true);
    c.augmentMixtures = o.value(QStringLiteral("augmentMixtures")).toBool(true);
    c.synthetic = SyntheticOptions::fromJson(o.value(QStringLiteral("synthetic")).toObject());
    c.folds = o.value(QStringLiteral("folds")).toInt(5);
    c.searchHyperParameters = o.value(QStringLiteral("searchHyperParameters")).toBool(true);
    if (!ProbabilityCalibrator::parseMethod(o.value(QStringLiteral("calibration")).toString(), &c.calibration))
        return makeError(source, QStringLiteral("unknown calibration \"%1\"").arg(o.value(QStringLiteral("calibration")).toString()));
    c.sigma = SigmaTestOptions::fromJson(o.value(QStringLiteral("sigma")).toObject());
    c.decisionThreshold = o.value(QStringLiteral("decisionThreshold")).toDouble(0.5);
    c.targetFalseAlarm = o.value(QStringLiteral("targetFalseAlarm")).toDouble(0.0);
    c.seed = o.value(QStringLiteral("seed")).toString().toULongLong();
    // The same ranges as the command line and the training panel (ClassifierParameters).
    if (auto checked = ClassifierParameters::table().validate(ClassifierParameters::values(c), source); !checked)
        return checked.error();
    return c;
}

QString ClassifierOptions::methodName() const
{
    const QString det = sigmaDetection ? QStringLiteral("sigma") : BinaryLearner::methodName(detectionMethod);
    return identify ? det + QLatin1Char('+') + BinaryLearner::methodName(identificationMethod) : det;
}

} // namespace photopeak
