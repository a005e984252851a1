// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "eval/LatentEvaluation.h"

#include "ml/latent/LatentAnalyser.h"
#include "ml/latent/LatentTrainer.h"

#include <QSet>
#include <QTextStream>

#include <cmath>

namespace photopeak {

namespace {
QSet<QString> toSet(const QStringList &l) { return QSet<QString>(l.begin(), l.end()); }

QMap<QString, double> roundedShares(const LatentModel &m, const LatentResult &r)
{
    // The old tool's prediction dict: shares rounded to 3 decimals, the values its accuracy sums.
    QMap<QString, double> out;
    for (const QString &label : r.predicted)
        out[label] = std::round(r.shares[size_t(m.components().indexOf(label))] * 1000.0) / 1000.0;
    return out;
}

QString pct(double v) { return QString::number(100.0 * v, 'f', 2) + QStringLiteral(" %"); }
} // namespace

QString LatentEvaluation::singleTruth(const QStringList &labels)
{
    QStringList sorted = labels;
    sorted.sort(Qt::CaseInsensitive);
    for (const QString &l : sorted)
        if (l != QLatin1String("background"))
            return l;
    return QStringLiteral("background");
}

LatentEvaluationResult LatentEvaluation::evaluate(const LatentModel &model, const LatentOptions &options,
                                                  const LatentProtocol::TestSet &tests, const JobControl *job)
{
    LatentEvaluationResult r;
    r.variant = options.describe();
    r.multi = LabelSetMetrics(model.components());
    LatentAnalyser analyser(model, options);
    std::vector<double> gains, widths;
    const qint64 total = qint64(tests.single.size() + tests.multi.size() + tests.unknown.size());
    qint64 done = 0;
    auto tick = [&] {
        if (++done % 500 == 0)
            JobControl::report(job, done, total, QStringLiteral("evaluating %1").arg(r.variant));
    };
    QMap<QString, QSet<QString>> fileSources;  // isotopes labelled anywhere in each single-label file
    for (const LatentSample &s : tests.single)
        for (const QString &l : s.truth)
            if (l != QLatin1String("background"))
                fileSources[s.file].insert(l);
    for (const LatentSample &s : tests.single) {
        if (JobControl::cancelled(job))
            break;
        const LatentResult a = analyser.analyse(s.counts);
        const QString truth = singleTruth(s.truth);
        ++r.singleCount;
        const bool ok = a.singleLabel == truth;
        r.singleCorrect += ok;
        if (!ok && s.truth == QStringList{QStringLiteral("background")} && fileSources.value(s.file).contains(a.singleLabel)) {
            ++r.singleOwnSourceErrors;
            ++r.singleOwnSourcePerFile[s.file];
        }
        ++r.singleConfusion[truth][a.singleLabel];
        auto &pf = r.singlePerFile[s.file];
        pf.first += ok;
        ++pf.second;
        ++r.knownCount;
        r.knownFlagged += a.unknown;
        r.knownFlaggedSimilarity += a.similarity < model.unknownThresholds().similarity;
        gains.push_back(a.gain);
        widths.push_back(a.broadening);
        tick();
    }
    for (const LatentSample &s : tests.multi) {
        if (JobControl::cancelled(job))
            break;
        const LatentResult a = analyser.analyse(s.counts);
        r.multi.add(toSet(s.truth), toSet(a.predicted));
        r.multiAccuracy.add(toSet(s.truth), roundedShares(model, a));
        ++r.knownCount;
        r.knownFlagged += a.unknown;
        r.knownFlaggedSimilarity += a.similarity < model.unknownThresholds().similarity;
        gains.push_back(a.gain);
        widths.push_back(a.broadening);
        tick();
    }
    for (const LatentSample &s : tests.unknown) {
        if (JobControl::cancelled(job))
            break;
        const LatentResult a = analyser.analyse(s.counts);
        ++r.unknownCount;
        r.unknownFlagged += a.unknown;
        r.unknownFlaggedSimilarity += a.similarity < model.unknownThresholds().similarity;
        ++r.unknownPredicted[a.predictedKey()];
        tick();
    }
    r.medianGain = LatentTrainer::quantile(gains, 0.5);
    for (int q = 0; q < 3; ++q)
        r.broadeningQuartiles[q] = LatentTrainer::quantile(widths, 0.25 * (q + 1));
    return r;
}

QString LatentEvaluation::report(const LatentEvaluationResult &r, bool withTables)
{
    QString text;
    QTextStream out(&text);
    out << "== " << r.variant << "\n";
    out << "single-label accuracy " << pct(r.singleAccuracy()) << " (" << r.singleCorrect << "/" << r.singleCount << "); of the "
        << r.singleCount - r.singleCorrect << " errors " << r.singleOwnSourceErrors
        << " are rows labelled background called the source of their own file";
    if (!r.singleOwnSourcePerFile.isEmpty()) {
        QStringList per;
        for (auto it = r.singleOwnSourcePerFile.begin(); it != r.singleOwnSourcePerFile.end(); ++it)
            per << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
        out << " (" << per.join(QStringLiteral(", ")) << ")";
    }
    out << "\n";
    out << "multi-label n=" << r.multi.count() << ": perfect " << pct(r.multiPerfect()) << ", incomplete (P<T) "
        << pct(r.multi.relationShare(SetRelation::Incomplete).valueOr(0)) << ", over-complete (T<P) "
        << pct(r.multi.relationShare(SetRelation::OverComplete).valueOr(0)) << ", wrong "
        << pct(r.multi.relationShare(SetRelation::Wrong).valueOr(0)) << "; mean multi-label accuracy "
        << pct(r.multiAccuracy.mean()) << "\n";
    out << "unknown-isotope flag: " << r.unknownFlagged << "/" << r.unknownCount
        << " rows with unknown isotopes flagged, " << r.knownFlagged << "/" << r.knownCount
        << " known rows flagged; similarity rule: " << r.unknownFlaggedSimilarity << "/" << r.unknownCount << " and "
        << r.knownFlaggedSimilarity << "/" << r.knownCount << "\n";
    if (r.medianGain != 1.0)
        out << "median gain factor " << QString::number(r.medianGain, 'f', 4) << "\n";
    if (r.broadeningQuartiles[2] > 0.0)
        out << "extra sigma at 662 keV chosen (keV, quartiles): " << r.broadeningQuartiles[0] << " / "
            << r.broadeningQuartiles[1] << " / " << r.broadeningQuartiles[2] << "\n";
    if (!withTables)
        return text;
    out << "single-label confusion (rows true, columns predicted):\n";
    QStringList cols;
    for (const auto &row : r.singleConfusion)
        for (auto it = row.begin(); it != row.end(); ++it)
            if (!cols.contains(it.key()))
                cols << it.key();
    cols.sort(Qt::CaseInsensitive);
    out << QStringLiteral("%1").arg(QString(), 14);
    for (const QString &c : cols)
        out << QStringLiteral("%1").arg(c, 12);
    out << "\n";
    for (auto it = r.singleConfusion.begin(); it != r.singleConfusion.end(); ++it) {
        out << QStringLiteral("%1").arg(it.key(), 14);
        for (const QString &c : cols)
            out << QStringLiteral("%1").arg(it.value().value(c), 12);
        out << "\n";
    }
    for (auto it = r.singlePerFile.begin(); it != r.singlePerFile.end(); ++it)
        out << QStringLiteral("  %1 %2/%3 (%4)\n").arg(it.key(), -30).arg(it.value().first).arg(it.value().second)
                   .arg(pct(it.value().second ? double(it.value().first) / it.value().second : 0.0));
    out << "multi-label confusion by label set:\n" << r.multi.confusionTable();
    out << "predicted sets of the rows with unknown isotopes:";
    for (auto it = r.unknownPredicted.begin(); it != r.unknownPredicted.end(); ++it)
        out << " " << it.key() << "=" << it.value();
    out << "\n";
    return text;
}

QString LatentEvaluation::comparisonTable(const QList<LatentEvaluationResult> &results)
{
    QString text;
    QTextStream out(&text);
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11\n")
               .arg(QStringLiteral("variant"), -44).arg(QStringLiteral("single"), 8).arg(QStringLiteral("errors"), 7)
               .arg(QStringLiteral("bg>own"), 7).arg(QStringLiteral("perfect"), 8)
               .arg(QStringLiteral("P<T"), 7).arg(QStringLiteral("T<P"), 7).arg(QStringLiteral("wrong"), 7)
               .arg(QStringLiteral("meanacc"), 8).arg(QStringLiteral("U-flag"), 8).arg(QStringLiteral("K-flag"), 8);
    auto p = [](double v) { return QString::number(100.0 * v, 'f', 2); };
    for (const LatentEvaluationResult &r : results)
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11\n")
                   .arg(r.variant, -44).arg(p(r.singleAccuracy()), 8).arg(r.singleCount - r.singleCorrect, 7)
                   .arg(r.singleOwnSourceErrors, 7).arg(p(r.multiPerfect()), 8)
                   .arg(p(r.multi.relationShare(SetRelation::Incomplete).valueOr(0)), 7)
                   .arg(p(r.multi.relationShare(SetRelation::OverComplete).valueOr(0)), 7)
                   .arg(p(r.multi.relationShare(SetRelation::Wrong).valueOr(0)), 7)
                   .arg(p(r.multiAccuracy.mean()), 8)
                   .arg(p(r.unknownCount ? double(r.unknownFlagged) / r.unknownCount : 0.0), 8)
                   .arg(p(r.knownCount ? double(r.knownFlagged) / r.knownCount : 0.0), 8);
    return text;
}

} // namespace photopeak
