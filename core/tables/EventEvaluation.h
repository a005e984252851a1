// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QJsonObject>
#include <QString>

#include <vector>

namespace photopeak {

// Two-class evaluation of probabilities against the truth, every count optionally weighted by an event
// weight: confusion matrix at a threshold, accuracy, balanced accuracy, precision / recall / F1 of each
// class, ROC curve and its area (ties in the score handled as one step, i.e. the trapezoid).
class EventEvaluation {
public:
    struct RocPoint {
        double falsePositiveRate;
        double truePositiveRate;
        double threshold;  // probability at and above which events are called positive
    };
    struct ClassScores {
        double precision = 0, recall = 0, f1 = 0, support = 0;
    };

    // truth: 1 positive, 0 negative; weights empty = 1 each. Rows with a NaN probability are skipped.
    static EventEvaluation compute(const std::vector<int> &truth, const std::vector<double> &probability,
                                   const std::vector<double> &weights = {}, double threshold = 0.5);

    // Confusion matrix, rows = truth (negative, positive), columns = decision (negative, positive).
    double count(int truth, int decision) const { return m_confusion[truth][decision]; }
    double accuracy() const;
    double balancedAccuracy() const;
    ClassScores scores(int cls) const;
    double auc() const { return m_auc; }
    const std::vector<RocPoint> &roc() const { return m_roc; }
    double threshold() const { return m_threshold; }
    qint64 events() const { return m_events; }
    bool weighted() const { return m_weighted; }

    QJsonObject toJson(const QString &negativeName, const QString &positiveName) const;
    // Several lines: confusion matrix with class names, then the figures.
    QString toText(const QString &negativeName, const QString &positiveName) const;
    // ROC area alone (for permutation importance): same tie handling, no curve kept.
    static double rocArea(const std::vector<int> &truth, const std::vector<double> &score, const std::vector<double> &weights = {});

private:
    double m_confusion[2][2] = {{0, 0}, {0, 0}};
    double m_auc = 0.5;
    double m_threshold = 0.5;
    qint64 m_events = 0;
    bool m_weighted = false;
    std::vector<RocPoint> m_roc;
};

} // namespace photopeak
