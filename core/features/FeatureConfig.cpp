// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "features/FeatureConfig.h"

#include <cmath>

namespace photopeak {

FeatureConfig FeatureConfig::detectionDefault()
{
    FeatureConfig c;
    c.kind = FeatureKind::Average;
    c.segmentKeV = 25.0;
    c.reference = FeatureReference::Significance;
    c.transform = FeatureTransform::Log;
    c.standardise = true;
    return c;
}

FeatureConfig FeatureConfig::identificationDefault()
{
    FeatureConfig c;
    c.kind = FeatureKind::TemplateFit;
    c.segmentKeV = 5.0;
    c.reference = FeatureReference::Significance;
    c.transform = FeatureTransform::Log;
    c.standardise = true;
    c.templateSystematic = 0.2;  // chosen by leave-one-setting-out validation (MixtureHoldout) on the training set
    return c;
}

FeatureConfig FeatureConfig::legacyAverage(double segmentKeV)
{
    FeatureConfig c;
    c.kind = FeatureKind::Average;
    c.segmentKeV = segmentKeV;
    c.reference = FeatureReference::None;
    c.transform = FeatureTransform::Arctan;
    c.standardise = false;
    c.smooth = true;
    return c;
}

QString FeatureConfig::kindName(FeatureKind k)
{
    switch (k) {
    case FeatureKind::Average: return QStringLiteral("average");
    case FeatureKind::Linfit: return QStringLiteral("linfit");
    case FeatureKind::Full: return QStringLiteral("full");
    case FeatureKind::TemplateFit: return QStringLiteral("template-fit");
    }
    return {};
}

QString FeatureConfig::referenceName(FeatureReference r)
{
    switch (r) {
    case FeatureReference::None: return QStringLiteral("rate");
    case FeatureReference::Excess: return QStringLiteral("excess");
    case FeatureReference::Significance: return QStringLiteral("significance");
    }
    return {};
}

QString FeatureConfig::transformName(FeatureTransform t)
{
    switch (t) {
    case FeatureTransform::None: return QStringLiteral("none");
    case FeatureTransform::Log: return QStringLiteral("log");
    case FeatureTransform::Arctan: return QStringLiteral("arctan");
    }
    return {};
}

QString FeatureConfig::linesName(LineFeatures l)
{
    switch (l) {
    case LineFeatures::None: return QStringLiteral("none");
    case LineFeatures::Net: return QStringLiteral("net");
    case LineFeatures::Significance: return QStringLiteral("significance");
    }
    return {};
}

bool FeatureConfig::parseLines(const QString &name, LineFeatures *out)
{
    for (LineFeatures l : {LineFeatures::None, LineFeatures::Net, LineFeatures::Significance})
        if (name.compare(linesName(l), Qt::CaseInsensitive) == 0) {
            *out = l;
            return true;
        }
    return false;
}

bool FeatureConfig::parseKind(const QString &name, FeatureKind *out)
{
    for (FeatureKind k : {FeatureKind::Average, FeatureKind::Linfit, FeatureKind::Full, FeatureKind::TemplateFit})
        if (name.compare(kindName(k), Qt::CaseInsensitive) == 0) {
            *out = k;
            return true;
        }
    return false;
}

bool FeatureConfig::parseTransform(const QString &name, FeatureTransform *out)
{
    for (FeatureTransform t : {FeatureTransform::None, FeatureTransform::Log, FeatureTransform::Arctan})
        if (name.compare(transformName(t), Qt::CaseInsensitive) == 0) {
            *out = t;
            return true;
        }
    return false;
}

bool FeatureConfig::parseReference(const QString &name, FeatureReference *out)
{
    for (FeatureReference r : {FeatureReference::None, FeatureReference::Excess, FeatureReference::Significance})
        if (name.compare(referenceName(r), Qt::CaseInsensitive) == 0) {
            *out = r;
            return true;
        }
    return false;
}

QJsonObject FeatureConfig::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("kind")] = kindName(kind);
    o[QStringLiteral("segmentKeV")] = segmentKeV;
    o[QStringLiteral("reference")] = referenceName(reference);
    o[QStringLiteral("transform")] = transformName(transform);
    o[QStringLiteral("standardise")] = standardise;
    o[QStringLiteral("smooth")] = smooth;
    o[QStringLiteral("templatesPerLabel")] = templatesPerLabel;
    o[QStringLiteral("templateSystematic")] = templateSystematic;
    if (lines != LineFeatures::None) {  // absent in models written before line features (= none)
        o[QStringLiteral("lines")] = linesName(lines);
        o[QStringLiteral("linesPerLabel")] = linesPerLabel;
    }
    return o;
}

Result<FeatureConfig> FeatureConfig::fromJson(const QJsonObject &json, const QString &source)
{
    FeatureConfig c;
    if (!parseKind(json.value(QStringLiteral("kind")).toString(), &c.kind))
        return makeError(source, QStringLiteral("unknown feature kind \"%1\" (this build knows average, linfit, full, "
                                                "template-fit)")
                                     .arg(json.value(QStringLiteral("kind")).toString()));
    if (!parseReference(json.value(QStringLiteral("reference")).toString(), &c.reference))
        return makeError(source, QStringLiteral("unknown feature reference \"%1\"")
                                     .arg(json.value(QStringLiteral("reference")).toString()));
    if (!parseTransform(json.value(QStringLiteral("transform")).toString(), &c.transform))
        return makeError(source, QStringLiteral("unknown feature transform \"%1\"")
                                     .arg(json.value(QStringLiteral("transform")).toString()));
    c.segmentKeV = json.value(QStringLiteral("segmentKeV")).toDouble(-1.0);
    if (!(c.segmentKeV > 0.0) || !std::isfinite(c.segmentKeV))
        return makeError(source, QStringLiteral("feature segment width must be positive"));
    c.standardise = json.value(QStringLiteral("standardise")).toBool();
    c.smooth = json.value(QStringLiteral("smooth")).toBool();
    c.templatesPerLabel = json.value(QStringLiteral("templatesPerLabel")).toInt(2);
    c.templateSystematic = json.value(QStringLiteral("templateSystematic")).toDouble(0.05);
    if (c.templatesPerLabel < 1)
        return makeError(source, QStringLiteral("templatesPerLabel must be at least 1"));
    const QString lines = json.value(QStringLiteral("lines")).toString(QStringLiteral("none"));
    if (!parseLines(lines, &c.lines))
        return makeError(source, QStringLiteral("unknown line features \"%1\" (this build knows none, net, significance)")
                                     .arg(lines));
    c.linesPerLabel = json.value(QStringLiteral("linesPerLabel")).toInt(3);
    if (c.linesPerLabel < 1)
        return makeError(source, QStringLiteral("linesPerLabel must be at least 1"));
    return c;
}

QString FeatureConfig::describe() const
{
    QString s = QStringLiteral("%1 %2 keV, %3, %4").arg(kindName(kind)).arg(segmentKeV).arg(referenceName(reference),
                                                                                            transformName(transform));
    if (standardise)
        s += QStringLiteral(", standardised");
    if (smooth)
        s += QStringLiteral(", SG(5,2)");
    if (lines != LineFeatures::None)
        s += QStringLiteral(", line %1 (%2 per isotope)").arg(linesName(lines)).arg(linesPerLabel);
    return s;
}

} // namespace photopeak
