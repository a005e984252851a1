// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "analysis/AnalysisTable.h"

#include <cmath>
#include <optional>

namespace photopeak {

namespace {
QString number(double v, int decimals) { return std::isfinite(v) ? QString::number(v, 'f', decimals) : QString(); }
QString number(const std::optional<double> &v, int decimals) { return v ? number(*v, decimals) : QString(); }

bool analysed(const SpectrumAnalysis &r)
{
    return r.decision == SpectrumAnalysis::Decision::Source || r.decision == SpectrumAnalysis::Decision::Background
           || r.decision == SpectrumAnalysis::Decision::OutOfDomain;
}

const IsotopeFinding *findingOf(const SpectrumAnalysis &r, const QString &isotope)
{
    for (const IsotopeFinding &f : r.isotopes)
        if (f.isotope == isotope)
            return &f;
    return nullptr;
}

std::optional<double> totalActivity(const SpectrumAnalysis &r)
{
    std::optional<double> sum;
    for (const IsotopeFinding &f : r.isotopes)
        if (f.reported && f.activityBq)
            sum = sum.value_or(0.0) + *f.activityBq;
    return sum;
}

QJsonValue jsonNumber(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null); }
} // namespace

QString AnalysisTable::csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n'))
        && !s.contains(QLatin1Char('\r')))
        return s;
    QString q = s;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QStringList AnalysisTable::isotopesOf(const std::vector<SpectrumAnalysis> &rows)
{
    QStringList out;
    for (const SpectrumAnalysis &r : rows)
        for (const IsotopeFinding &f : r.isotopes)
            if (!out.contains(f.isotope))
                out << f.isotope;
    return out;
}

QStringList AnalysisTable::csvColumns(const QStringList &isotopes)
{
    QStringList h{QStringLiteral("file"), QStringLiteral("decision"), QStringLiteral("source_probability"),
                  QStringLiteral("sigma_significance"), QStringLiteral("sigma_source"), QStringLiteral("isotopes")};
    for (const QString &i : isotopes)
        h << QStringLiteral("p_") + i;
    h << QStringLiteral("activity_bq") << QStringLiteral("live_time_s") << QStringLiteral("flags") << QStringLiteral("message")
      << QStringLiteral("unknown_isotope") << QStringLiteral("distance_cm");
    for (const QString &i : isotopes)
        h << QStringLiteral("A_%1_bq").arg(i) << QStringLiteral("A_%1_unc_bq").arg(i) << QStringLiteral("A_%1_mda_bq").arg(i);
    h << QStringLiteral("peak_nuclides") << QStringLiteral("out_of_domain") << QStringLiteral("domain_reason")
      << QStringLiteral("detection_threshold") << QStringLiteral("excess_statistic") << QStringLiteral("excess_template")
      << QStringLiteral("library_nuclides") << QStringLiteral("evidence");
    return h;
}

QString AnalysisTable::csvRow(const SpectrumAnalysis &r, const QStringList &isotopes, bool hasLatent)
{
    const bool ok = analysed(r);
    const bool read = r.decision != SpectrumAnalysis::Decision::Error || r.liveTimeSeconds > 0.0;
    QStringList f{csvField(r.file), SpectrumAnalysis::decisionName(r.decision)};
    const bool sigma = ok && !r.noSigmaTest;
    f << (ok ? number(r.sourceProbability, 4) : QString()) << (sigma ? number(r.sigmaSignificance, 2) : QString())
      << (sigma ? (r.sigmaSource ? QStringLiteral("1") : QStringLiteral("0")) : QString())
      << csvField(r.reportedIsotopes().join(QLatin1Char('+')));
    for (const QString &i : isotopes) {
        const IsotopeFinding *fi = ok ? findingOf(r, i) : nullptr;
        f << (fi ? number(fi->probability, 4) : QString());
    }
    f << number(totalActivity(r), 1) << (read ? number(r.liveTimeSeconds, 3) : QString())
      << csvField(r.flags.join(QLatin1Char(';')))
      << csvField(r.message.isEmpty() ? r.notes.join(QStringLiteral("; ")) : r.message);
    const bool latentRan = ok && hasLatent && !r.latentScores.empty();
    f << (latentRan ? (r.unknownIsotope ? QStringLiteral("1") : QStringLiteral("0")) : QString())
      << (r.distanceCm > 0.0 ? number(r.distanceCm, 1) : QString());
    for (const QString &i : isotopes) {
        const IsotopeFinding *fi = ok ? findingOf(r, i) : nullptr;
        f << (fi ? number(fi->activityBq, 1) : QString()) << (fi ? number(fi->activityUncBq, 1) : QString())
          << (fi ? number(fi->mdaBq, 1) : QString());
    }
    f << csvField(r.peakNuclides.join(QLatin1Char(';')));
    f << (r.outOfDomain ? QStringLiteral("1") : QStringLiteral("0")) << csvField(r.domainReason)
      << (ok ? number(r.detectionThreshold, 4) : QString()) << (ok ? number(r.excessStatistic, 2) : QString())
      << csvField(ok ? r.excessTemplate : QString());
    f << csvField(r.libraryNuclides.join(QLatin1Char(';'))) << csvField(r.evidence);
    return f.join(QLatin1Char(','));
}

QByteArray AnalysisTable::toCsv(const std::vector<SpectrumAnalysis> &rows, const QStringList &isotopesIn, bool hasLatent)
{
    const QStringList isotopes = isotopesIn.isEmpty() ? isotopesOf(rows) : isotopesIn;
    QString text = csvColumns(isotopes).join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const SpectrumAnalysis &r : rows)
        text += csvRow(r, isotopes, hasLatent) + QLatin1Char('\n');
    return text.toUtf8();
}

QJsonObject AnalysisTable::jsonRow(const SpectrumAnalysis &r)
{
    QJsonObject o{{QStringLiteral("file"), r.file}, {QStringLiteral("decision"), SpectrumAnalysis::decisionName(r.decision)},
                  {QStringLiteral("flags"), QJsonArray::fromStringList(r.flags)}, {QStringLiteral("liveTime"), jsonNumber(r.liveTimeSeconds)}};
    if (r.entryIndex >= 0)
        o[QStringLiteral("entryIndex")] = r.entryIndex;
    if (r.distanceCm > 0.0)
        o[QStringLiteral("distanceCm")] = jsonNumber(r.distanceCm);
    if (!r.message.isEmpty())
        o[QStringLiteral("message")] = r.message;
    if (!r.notes.isEmpty())
        o[QStringLiteral("notes")] = QJsonArray::fromStringList(r.notes);
    if (!r.model.isEmpty())
        o[QStringLiteral("model")] = r.model;
    o[QStringLiteral("outOfDomain")] = r.outOfDomain;
    if (r.outOfDomain)
        o[QStringLiteral("domainReason")] = r.domainReason;
    if (!analysed(r))
        return o;
    if (r.sourceProbability)
        o[QStringLiteral("sourceProbability")] = jsonNumber(*r.sourceProbability);
    if (r.detectionThreshold)
        o[QStringLiteral("detectionThreshold")] = jsonNumber(*r.detectionThreshold);
    if (r.excessStatistic)
        o[QStringLiteral("excess")] = QJsonObject{{QStringLiteral("statistic"), jsonNumber(*r.excessStatistic)},
                                                  {QStringLiteral("template"), r.excessTemplate}};
    if (!r.noSigmaTest)
        o[QStringLiteral("sigma")] = QJsonObject{{QStringLiteral("significance"), jsonNumber(r.sigmaSignificance)},
                                                 {QStringLiteral("excessCps"), jsonNumber(r.sigmaExcessCps)},
                                                 {QStringLiteral("source"), r.sigmaSource}};
    o[QStringLiteral("isotopes")] = QJsonArray::fromStringList(r.reportedIsotopes());
    QJsonObject probs, activity;
    for (const IsotopeFinding &f : r.isotopes) {
        probs[f.isotope] = jsonNumber(f.probability);
        QJsonObject a;
        if (f.activityBq)
            a[QStringLiteral("bq")] = jsonNumber(*f.activityBq);
        if (f.activityUncBq)
            a[QStringLiteral("uncBq")] = jsonNumber(*f.activityUncBq);
        if (f.mdaBq)
            a[QStringLiteral("mdaBq")] = jsonNumber(*f.mdaBq);
        if (!a.isEmpty())
            activity[f.isotope] = a;
    }
    o[QStringLiteral("isotopeProbabilities")] = probs;
    o[QStringLiteral("activity")] = activity.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(activity);
    if (!r.peakNuclides.isEmpty())
        o[QStringLiteral("peakNuclides")] = QJsonArray::fromStringList(r.peakNuclides);
    if (!r.evidence.isEmpty()) {
        o[QStringLiteral("libraryNuclides")] = QJsonArray::fromStringList(r.libraryNuclides);
        o[QStringLiteral("evidence")] = r.evidence;
    }
    if (!r.latentScores.empty()) {
        o[QStringLiteral("unknownIsotope")] = r.unknownIsotope;
        QJsonArray scores;
        for (double v : r.latentScores)
            scores.append(jsonNumber(v));
        o[QStringLiteral("latentScores")] = scores;
    }
    return o;
}

QJsonDocument AnalysisTable::toJson(const std::vector<SpectrumAnalysis> &rows, const QJsonObject &header)
{
    QJsonObject doc = header;
    if (!doc.contains(QStringLiteral("isotopes")))
        doc[QStringLiteral("isotopes")] = QJsonArray::fromStringList(isotopesOf(rows));
    QJsonArray spectra;
    for (const SpectrumAnalysis &r : rows)
        spectra.append(jsonRow(r));
    doc[QStringLiteral("spectra")] = spectra;
    return QJsonDocument(doc);
}

} // namespace photopeak
