// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "metrics/FolderEvaluation.h"

#include <QSet>
#include <QTextStream>

namespace photopeak {

FolderEvaluation::FolderEvaluation(QStringList universe) : m_universe(universe), m_identification(universe) {}

void FolderEvaluation::add(const QString &folder, bool truthSource, const QStringList &truthIsotopes, bool calledSource,
                           const QStringList &calledIsotopes)
{
    if (!m_binary.contains(folder))
        m_order << folder;
    m_binary[folder].add(truthSource, calledSource);
    m_overall.add(truthSource, calledSource);
    const QSet<QString> truth(truthIsotopes.begin(), truthIsotopes.end());
    const QSet<QString> called(calledIsotopes.begin(), calledIsotopes.end());
    m_identification.add(truth, called);
    if (!truth.isEmpty()) {
        Ratio &r = m_exact[folder];
        r.denominator += 1.0;
        r.numerator += truth == called ? 1.0 : 0.0;
    }
}

QString FolderEvaluation::folderTable(const QString &title) const
{
    QString s;
    QTextStream out(&s);
    out << title << "\n";
    out << QStringLiteral("  %1 %2 %3  %4\n")
               .arg(QStringLiteral("folder"), -34).arg(QStringLiteral("n"), 5)
               .arg(QStringLiteral("called Source"), 26).arg(QStringLiteral("exact isotope set"));
    for (const QString &f : m_order) {
        const BinaryMetrics &b = m_binary[f];
        const bool sources = b.positives() > 0;
        const Ratio called = sources ? b.detectionRate() : b.falseAlarmRate();
        const QString what = sources ? QStringLiteral("detected ") : QStringLiteral("false alarm ");
        out << QStringLiteral("  %1 %2 %3  %4\n")
                   .arg(f, -34).arg(b.count(), 5).arg(what + called.fraction(), 26)
                   .arg(m_exact.contains(f) ? m_exact.value(f).fraction() : QStringLiteral("-"));
    }
    return s;
}

QString FolderEvaluation::perIsotopeConfusion() const
{
    QString s;
    QTextStream out(&s);
    out << QStringLiteral("  %1 %2 %3 %4 %5\n").arg(QStringLiteral("isotope"), -10).arg(QStringLiteral("TP"), 6)
               .arg(QStringLiteral("FP"), 6).arg(QStringLiteral("FN"), 6).arg(QStringLiteral("TN"), 6);
    for (const QString &l : m_universe) {
        const PerLabelCounts c = m_identification.perLabel(l);
        out << QStringLiteral("  %1 %2 %3 %4 %5\n").arg(l, -10).arg(c.truePositive, 6).arg(c.falsePositive, 6)
                   .arg(c.falseNegative, 6).arg(c.trueNegative, 6);
    }
    return s;
}

} // namespace photopeak
