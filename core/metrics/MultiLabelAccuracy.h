// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QMap>
#include <QSet>
#include <QString>

namespace photopeak {

// GAMMA_FLOW's mean multi-label accuracy (methods.md section 2), per spectrum with true set T and the
// predicted labels P with their shares:
//     max(0, sum over P of (+share if the label is in T else -share) - |T \ P| / |T|)
// and the mean over spectra. An empty T counts every missed label as 0 (no division by zero).
class MultiLabelAccuracy {
public:
    static double score(const QSet<QString> &truth, const QMap<QString, double> &predictedShares);

    void add(const QSet<QString> &truth, const QMap<QString, double> &predictedShares)
    {
        m_sum += score(truth, predictedShares);
        ++m_count;
    }
    int count() const { return m_count; }
    double mean() const { return m_count > 0 ? m_sum / m_count : 0.0; }

private:
    double m_sum = 0.0;
    int m_count = 0;
};

} // namespace photopeak
