// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "metrics/Ratio.h"

#include <QString>

namespace photopeak {

// Source / background decisions against the truth, named as detection work names them:
// detection rate = sources called Source, false-alarm rate = backgrounds called Source.
class BinaryMetrics {
public:
    void add(bool truthPositive, bool calledPositive);
    void merge(const BinaryMetrics &other);

    int truePositives() const { return m_tp; }
    int falsePositives() const { return m_fp; }
    int trueNegatives() const { return m_tn; }
    int falseNegatives() const { return m_fn; }
    int count() const { return m_tp + m_fp + m_tn + m_fn; }
    int positives() const { return m_tp + m_fn; }
    int negatives() const { return m_tn + m_fp; }

    Ratio detectionRate() const { return {double(m_tp), double(m_tp + m_fn)}; }
    Ratio falseAlarmRate() const { return {double(m_fp), double(m_fp + m_tn)}; }
    Ratio accuracy() const { return {double(m_tp + m_tn), double(count())}; }
    Ratio precision() const { return {double(m_tp), double(m_tp + m_fp)}; }
    Ratio f1() const { return {2.0 * m_tp, 2.0 * m_tp + m_fp + m_fn}; }

    // 2 x 2 confusion matrix as text, rows = truth, columns = decision.
    QString confusionTable(const QString &positiveName = QStringLiteral("Source"),
                           const QString &negativeName = QStringLiteral("Background")) const;

private:
    int m_tp = 0, m_fp = 0, m_tn = 0, m_fn = 0;
};

} // namespace photopeak
