// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "metrics/Ratio.h"

#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

// How a predicted label set P relates to the true set T (methods.md section 2). Sets, never lists.
enum class SetRelation {
    Perfect,       // P = T
    Incomplete,    // P is a proper subset of T: only correct labels, some missing
    OverComplete,  // T is a proper subset of P: all true labels plus wrong ones
    Wrong,         // neither
};
QString setRelationName(SetRelation r);
SetRelation compareLabelSets(const QSet<QString> &truth, const QSet<QString> &predicted);
QString labelSetKey(const QSet<QString> &labels);  // sorted, '+'-joined; "(none)" when empty

struct PerLabelCounts {
    int truePositive = 0, falsePositive = 0, falseNegative = 0, trueNegative = 0;
    Ratio precision() const { return {double(truePositive), double(truePositive + falsePositive)}; }
    Ratio recall() const { return {double(truePositive), double(truePositive + falseNegative)}; }
    Ratio f1() const { return {2.0 * truePositive, 2.0 * truePositive + falsePositive + falseNegative}; }
};

// Multi-label evaluation over a fixed label universe. add() one spectrum at a time.
class LabelSetMetrics {
public:
    explicit LabelSetMetrics(QStringList universe = {});

    void add(const QSet<QString> &truth, const QSet<QString> &predicted);

    int count() const { return m_count; }
    Ratio exactSetMatch() const { return {double(m_relations.value(SetRelation::Perfect)), double(m_count)}; }
    Ratio relationShare(SetRelation r) const { return {double(m_relations.value(r)), double(m_count)}; }
    // Mean over spectra of |T ^ P| / |T v P| (1 when both are empty).
    Ratio jaccard() const { return {m_jaccardSum, double(m_count)}; }
    // Fraction of (spectrum, label) decisions that are wrong, over the universe.
    Ratio hammingLoss() const { return {double(m_hammingErrors), double(m_count) * m_universe.size()}; }
    int falsePositiveLabels() const { return m_falsePositives; }
    const QStringList &universe() const { return m_universe; }
    PerLabelCounts perLabel(const QString &label) const { return m_perLabel.value(label); }
    // Confusion by label set: truth key -> predicted key -> count.
    const QMap<QString, QMap<QString, int>> &confusion() const { return m_confusion; }

    // Plain-text tables for the CLI.
    QString summaryTable() const;
    QString perLabelTable() const;
    QString confusionTable() const;

private:
    QStringList m_universe;
    int m_count = 0;
    QMap<SetRelation, int> m_relations;
    double m_jaccardSum = 0.0;
    long long m_hammingErrors = 0;
    int m_falsePositives = 0;
    QMap<QString, PerLabelCounts> m_perLabel;
    QMap<QString, QMap<QString, int>> m_confusion;
};

} // namespace photopeak
