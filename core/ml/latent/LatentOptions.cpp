// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/latent/LatentOptions.h"

#include <QStringList>

namespace photopeak {

LatentOptions LatentOptions::improved()
{
    LatentOptions o;
    o.poissonWeighted = true;
    o.gainAdjust = true;
    o.detection = DetectionRule::Significance;
    return o;
}

LatentOptions LatentOptions::recommended()
{
    LatentOptions o;
    o.poissonWeighted = true;
    o.gainAdjust = true;
    o.resolutionMatch = true;
    o.detection = DetectionRule::TwoStage;
    o.overdispersion = true;
    return o;
}

QString LatentOptions::describe() const
{
    QStringList parts;
    if (poissonWeighted)
        parts << (poissonSteps > 1 ? QStringLiteral("poisson(%1 steps)").arg(poissonSteps) : QStringLiteral("poisson"));
    if (gainAdjust)
        parts << QStringLiteral("gain(+-%1)").arg(gainRange);
    if (alignTemplates)
        parts << QStringLiteral("align");
    if (resolutionMatch)
        parts << QStringLiteral("match");
    if (resolutionAdjust)
        parts << QStringLiteral("resolution(<=%1keV)").arg(resolutionMax);
    if (detection == DetectionRule::Significance)
        parts << QStringLiteral("significance(z=%1%2%3)").arg(significance).arg(overdispersion ? QStringLiteral(",quasi") : QString())
                     .arg(minShare > 0.0 ? QStringLiteral(",share>%1").arg(minShare) : QString());
    else if (detection == DetectionRule::TwoStage)
        parts << QStringLiteral("two-stage(sources>%1,z=%2%3%4)").arg(shareThreshold).arg(significance)
                     .arg(overdispersion ? QStringLiteral(",quasi") : QString())
                     .arg(minShare > 0.0 ? QStringLiteral(",share>%1").arg(minShare) : QString());
    else if (shareThreshold != 0.1)
        parts << QStringLiteral("share>%1").arg(shareThreshold);
    return parts.isEmpty() ? QStringLiteral("plain") : parts.join(QLatin1Char('+'));
}

QJsonObject LatentOptions::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("poissonWeighted")] = poissonWeighted;
    o[QStringLiteral("poissonSteps")] = poissonSteps;
    o[QStringLiteral("gainAdjust")] = gainAdjust;
    o[QStringLiteral("gainRange")] = gainRange;
    o[QStringLiteral("gainStep")] = gainStep;
    o[QStringLiteral("resolutionAdjust")] = resolutionAdjust;
    o[QStringLiteral("resolutionMax")] = resolutionMax;
    o[QStringLiteral("resolutionStep")] = resolutionStep;
    o[QStringLiteral("resolutionMatch")] = resolutionMatch;
    o[QStringLiteral("alignTemplates")] = alignTemplates;
    o[QStringLiteral("detection")] = detection == DetectionRule::Significance ? QStringLiteral("significance")
                                     : detection == DetectionRule::TwoStage   ? QStringLiteral("two-stage")
                                                                              : QStringLiteral("share");
    o[QStringLiteral("shareThreshold")] = shareThreshold;
    o[QStringLiteral("significance")] = significance;
    o[QStringLiteral("overdispersion")] = overdispersion;
    o[QStringLiteral("minShare")] = minShare;
    return o;
}

LatentOptions LatentOptions::fromJson(const QJsonObject &o)
{
    LatentOptions d;
    d.poissonWeighted = o.value(QStringLiteral("poissonWeighted")).toBool(d.poissonWeighted);
    d.poissonSteps = o.value(QStringLiteral("poissonSteps")).toInt(d.poissonSteps);
    d.gainAdjust = o.value(QStringLiteral("gainAdjust")).toBool(d.gainAdjust);
    d.gainRange = o.value(QStringLiteral("gainRange")).toDouble(d.gainRange);
    d.gainStep = o.value(QStringLiteral("gainStep")).toDouble(d.gainStep);
    d.resolutionAdjust = o.value(QStringLiteral("resolutionAdjust")).toBool(d.resolutionAdjust);
    d.resolutionMax = o.value(QStringLiteral("resolutionMax")).toDouble(d.resolutionMax);
    d.resolutionStep = o.value(QStringLiteral("resolutionStep")).toDouble(d.resolutionStep);
    d.resolutionMatch = o.value(QStringLiteral("resolutionMatch")).toBool(d.resolutionMatch);
    d.alignTemplates = o.value(QStringLiteral("alignTemplates")).toBool(d.alignTemplates);
    const QString detection = o.value(QStringLiteral("detection")).toString();
    d.detection = detection == QLatin1String("significance") ? DetectionRule::Significance
                  : detection == QLatin1String("two-stage")  ? DetectionRule::TwoStage
                                                             : DetectionRule::ShareThreshold;
    d.shareThreshold = o.value(QStringLiteral("shareThreshold")).toDouble(d.shareThreshold);
    d.significance = o.value(QStringLiteral("significance")).toDouble(d.significance);
    d.overdispersion = o.value(QStringLiteral("overdispersion")).toBool(d.overdispersion);
    d.minShare = o.value(QStringLiteral("minShare")).toDouble(d.minShare);
    return d;
}

} // namespace photopeak
