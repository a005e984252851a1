// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "metrics/LabelSetMetrics.h"

#include <QTextStream>

#include <algorithm>

namespace photopeak {

QString setRelationName(SetRelation r)
{
    switch (r) {
    case SetRelation::Perfect: return QStringLiteral("perfect");
    case SetRelation::Incomplete: return QStringLiteral("incomplete (only correct)");
    case SetRelation::OverComplete: return QStringLiteral("complete, partly wrong");
    case SetRelation::Wrong: return QStringLiteral("wrong");
    }
    return {};
}

SetRelation compareLabelSets(const QSet<QString> &truth, const QSet<QString> &predicted)
{
    if (truth == predicted)
        return SetRelation::Perfect;
    if (truth.contains(predicted))
        return SetRelation::Incomplete;
    if (predicted.contains(truth))
        return SetRelation::OverComplete;
    return SetRelation::Wrong;
}

QString labelSetKey(const QSet<QString> &labels)
{
    if (labels.isEmpty())
        return QStringLiteral("(none)");
    QStringList sorted(labels.begin(), labels.end());
    sorted.sort(Qt::CaseInsensitive);
    return sorted.join(QLatin1Char('+'));
}

LabelSetMetrics::LabelSetMetrics(QStringList universe) : m_universe(std::move(universe)) {}

void LabelSetMetrics::add(const QSet<QString> &truth, const QSet<QString> &predicted)
{
    ++m_count;
    ++m_relations[compareLabelSets(truth, predicted)];
    const QSet<QString> both = QSet<QString>(truth).intersect(predicted);
    const QSet<QString> any = QSet<QString>(truth).unite(predicted);
    m_jaccardSum += any.isEmpty() ? 1.0 : double(both.size()) / double(any.size());
    for (const QString &label : predicted) {
        if (!truth.contains(label))
            ++m_falsePositives;
        if (!m_universe.contains(label))
            m_universe << label;  // a label outside the declared universe still counts
    }
    for (const QString &label : truth)
        if (!m_universe.contains(label))
            m_universe << label;
    for (const QString &label : m_universe) {
        const bool t = truth.contains(label), p = predicted.contains(label);
        PerLabelCounts &c = m_perLabel[label];
        if (t && p)
            ++c.truePositive;
        else if (p)
            ++c.falsePositive, ++m_hammingErrors;
        else if (t)
            ++c.falseNegative, ++m_hammingErrors;
        else
            ++c.trueNegative;
    }
    ++m_confusion[labelSetKey(truth)][labelSetKey(predicted)];
}

QString LabelSetMetrics::summaryTable() const
{
    QString s;
    QTextStream out(&s);
    out << QStringLiteral("spectra                   %1\n").arg(m_count);
    out << QStringLiteral("exact set match           %1\n").arg(exactSetMatch().fraction());
    for (SetRelation r : {SetRelation::Incomplete, SetRelation::OverComplete, SetRelation::Wrong})
        out << QStringLiteral("%1%2\n").arg(setRelationName(r), -26).arg(relationShare(r).fraction());
    out << QStringLiteral("Jaccard (mean)            %1\n").arg(jaccard().percent());
    out << QStringLiteral("Hamming loss              %1\n").arg(hammingLoss().percent(2));
    out << QStringLiteral("false-positive labels     %1\n").arg(m_falsePositives);
    return s;
}

QString LabelSetMetrics::perLabelTable() const
{
    QString s;
    QTextStream out(&s);
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
               .arg(QStringLiteral("label"), -12).arg(QStringLiteral("TP"), 5).arg(QStringLiteral("FP"), 5)
               .arg(QStringLiteral("FN"), 5).arg(QStringLiteral("precision"), 10).arg(QStringLiteral("recall"), 10)
               .arg(QStringLiteral("F1"), 10);
    for (const QString &label : m_universe) {
        const PerLabelCounts c = perLabel(label);
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                   .arg(label, -12).arg(c.truePositive, 5).arg(c.falsePositive, 5).arg(c.falseNegative, 5)
                   .arg(c.precision().percent(), 10).arg(c.recall().percent(), 10).arg(c.f1().percent(), 10);
    }
    return s;
}

QString LabelSetMetrics::confusionTable() const
{
    QString s;
    QTextStream out(&s);
    out << QStringLiteral("confusion by label set (true -> predicted: count, relation)\n");
    for (auto t = m_confusion.begin(); t != m_confusion.end(); ++t) {
        const QStringList truthLabels = t.key() == QLatin1String("(none)") ? QStringList() : t.key().split(QLatin1Char('+'));
        for (auto p = t.value().begin(); p != t.value().end(); ++p) {
            const QStringList predLabels = p.key() == QLatin1String("(none)") ? QStringList() : p.key().split(QLatin1Char('+'));
            const SetRelation r = compareLabelSets(QSet<QString>(truthLabels.begin(), truthLabels.end()),
                                                   QSet<QString>(predLabels.begin(), predLabels.end()));
            out << QStringLiteral("  %1 -> %2 %3  %4\n").arg(t.key(), -28).arg(p.key(), -28).arg(p.value(), 6)
                       .arg(setRelationName(r));
        }
    }
    return s;
}

} // namespace photopeak
