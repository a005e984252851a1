// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/TrainingReport.h"

#include "ml/SpectrumClassifier.h"
#include "ml/latent/LatentModel.h"

#include <QJsonObject>
#include <QTextStream>

namespace photopeak {

namespace {
void printValidation(QTextStream &out, const QString &name, const QJsonObject &v)
{
    LearnerMethod method = LearnerMethod::Logistic;
    BinaryLearner::parseMethod(v.value(QStringLiteral("method")).toString(), &method);
    out << QStringLiteral("  %1 %2  chosen %3  out-of-fold: accuracy %4 %, recall %5 %, false-positive rate %6 %, "
                          "log-loss %7\n")
               .arg(name, -10)
               .arg(v.value(QStringLiteral("method")).toString(), -13)
               .arg(LearnerParams::fromJson(v.value(QStringLiteral("chosen")).toObject()).describe(method), -22)
               .arg(100.0 * v.value(QStringLiteral("accuracy")).toDouble(), 0, 'f', 1)
               .arg(100.0 * v.value(QStringLiteral("recall")).toDouble(), 0, 'f', 1)
               .arg(100.0 * v.value(QStringLiteral("falsePositiveRate")).toDouble(), 0, 'f', 2)
               .arg(v.value(QStringLiteral("logLoss")).toDouble(), 0, 'f', 4);
}

QString seconds(const QJsonObject &r, const char *key)
{
    return QString::number(r.value(QLatin1String(key)).toDouble(), 'f', 2);
}
} // namespace

QString TrainingReport::classifier(const SpectrumClassifier &model)
{
    QString text;
    QTextStream out(&text);
    const QJsonObject r = model.report();
    out << "model         " << model.options().methodName() << "\n";
    out << "training set  " << r.value(QStringLiteral("measuredSources")).toInt() << " source + "
        << r.value(QStringLiteral("measuredBackgrounds")).toInt() << " background spectra measured, "
        << r.value(QStringLiteral("syntheticSources")).toInt() << " + " << r.value(QStringLiteral("syntheticBackgrounds")).toInt()
        << " synthetic (seed " << model.options().seed << "); " << r.value(QStringLiteral("skipped")).toInt()
        << " files skipped\n";
    out << "training time " << seconds(r, "trainingSeconds") << " s (synthesis " << seconds(r, "synthesisSeconds")
        << " s, detection " << seconds(r, "detectionSeconds") << " s, identification "
        << seconds(r, "identificationSeconds") << " s)\n";
    out << "grouped " << model.options().folds << "-fold cross-validation by acquisition series, "
        << ProbabilityCalibrator::methodName(model.options().calibration) << " calibration on held-out folds:\n";
    if (r.contains(QStringLiteral("detection")))
        printValidation(out, QStringLiteral("Source"), r.value(QStringLiteral("detection")).toObject());
    const QJsonObject id = r.value(QStringLiteral("identification")).toObject();
    for (const QString &l : model.isotopeLabels())
        printValidation(out, l, id.value(l).toObject());
    const QJsonObject sets = r.value(QStringLiteral("identificationSets")).toObject();
    if (!sets.isEmpty())
        out << QStringLiteral("  isotope sets out-of-fold: exact match %1 % of %2 spectra, %3 % of %4 with two or more isotopes\n")
                   .arg(100.0 * sets.value(QStringLiteral("exactSetMatch")).toDouble(), 0, 'f', 1)
                   .arg(sets.value(QStringLiteral("outOfFoldRows")).toInt())
                   .arg(100.0 * sets.value(QStringLiteral("mixtureExactSetMatch")).toDouble(), 0, 'f', 1)
                   .arg(sets.value(QStringLiteral("mixtureRows")).toInt());
    if (r.contains(QStringLiteral("detection"))) {
        const QJsonObject d = r.value(QStringLiteral("detection")).toObject();
        out << QStringLiteral("  detection operating point: probability >= %1 (held-out false-alarm rate %2 %, detection rate %3 %)\n")
                   .arg(d.value(QStringLiteral("threshold")).toDouble(), 0, 'f', 4)
                   .arg(100.0 * d.value(QStringLiteral("falsePositiveRateAtThreshold")).toDouble(), 0, 'f', 2)
                   .arg(100.0 * d.value(QStringLiteral("recallAtThreshold")).toDouble(), 0, 'f', 1);
    }
    out.flush();
    return text;
}

QString TrainingReport::latent(const LatentModel &model)
{
    QString text;
    QTextStream out(&text);
    out << "model         loadings-nnls (" << model.options().describe() << ")\n";
    out << "components    " << model.components().join(QStringLiteral(", ")) << "\n";
    out << "grid          " << model.grid().describe() << ", fit over channels >= " << model.minChannel() << "\n";
    const QJsonObject info = model.trainingInfo();
    const QJsonObject per = info.value(QStringLiteral("spectraPerComponent")).toObject();
    for (auto it = per.begin(); it != per.end(); ++it)
        out << QStringLiteral("  %1 %2 spectra\n").arg(it.key(), -12).arg(it.value().toInt());
    if (info.contains(QStringLiteral("skipped")))
        out << "skipped       " << info.value(QStringLiteral("skipped")).toInt()
            << " spectra (all zero, not finite or invalid calibration)\n";
    const QJsonObject filters = info.value(QStringLiteral("detectorFilter")).toObject();
    if (!filters.isEmpty()) {
        QStringList f;
        for (auto it = filters.begin(); it != filters.end(); ++it)
            f << QStringLiteral("%1 from %2").arg(it.key(), it.value().toString());
        out << "detectors     " << f.join(QStringLiteral(", ")) << "\n";
    }
    if (model.unknownThresholds().lineExcess > 0.0)
        out << "unknown flag  line excess z > " << QString::number(model.unknownThresholds().lineExcess, 'f', 2)
            << " (the largest of the training backgrounds)\n";
    else
        out << "unknown flag  deviance/dof > " << QString::number(model.unknownThresholds().deviancePerDof, 'f', 3)
            << " (training quantile " << model.unknownThresholds().quantile << "); old similarity cut "
            << QString::number(model.unknownThresholds().similarity, 'f', 4) << "\n";
    const QJsonObject m = model.metrics();
    if (m.contains(QStringLiteral("trainingSpectra")))
        out << "training fit  " << m.value(QStringLiteral("trainingSpectra")).toInt()
            << " spectra: median deviance/dof "
            << QString::number(m.value(QStringLiteral("trainingDeviancePerDofMedian")).toDouble(), 'f', 3)
            << ", median similarity "
            << QString::number(m.value(QStringLiteral("trainingSimilarityMedian")).toDouble(), 'f', 4)
            << ", Gram condition estimate "
            << QString::number(m.value(QStringLiteral("gramConditionEstimate")).toDouble(), 'g', 3) << "\n";
    out.flush();
    return text;
}

} // namespace photopeak
