// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "metrics/BinaryMetrics.h"

namespace photopeak {

void BinaryMetrics::add(bool truthPositive, bool calledPositive)
{
    if (truthPositive)
        ++(calledPositive ? m_tp : m_fn);
    else
        ++(calledPositive ? m_fp : m_tn);
}

void BinaryMetrics::merge(const BinaryMetrics &o)
{
    m_tp += o.m_tp;
    m_fp += o.m_fp;
    m_tn += o.m_tn;
    m_fn += o.m_fn;
}

QString BinaryMetrics::confusionTable(const QString &positiveName, const QString &negativeName) const
{
    const int w = static_cast<int>(std::max(positiveName.size(), negativeName.size())) + 2;
    QString s;
    s += QStringLiteral("%1 %2 %3\n").arg(QStringLiteral("truth \\ called"), -(w + 8)).arg(positiveName, w).arg(negativeName, w);
    s += QStringLiteral("%1 %2 %3\n").arg(positiveName, -(w + 8)).arg(m_tp, w).arg(m_fn, w);
    s += QStringLiteral("%1 %2 %3\n").arg(negativeName, -(w + 8)).arg(m_fp, w).arg(m_tn, w);
    return s;
}

} // namespace photopeak
