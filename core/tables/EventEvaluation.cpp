// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/EventEvaluation.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace photopeak {

namespace {
// Sorted by score descending; returns the ROC points at every distinct score and the area.
double rocCurve(const std::vector<int> &truth, const std::vector<double> &score, const std::vector<double> &weights,
                std::vector<EventEvaluation::RocPoint> *curve)
{
    std::vector<size_t> order;
    order.reserve(score.size());
    for (size_t i = 0; i < score.size(); ++i)
        if (!std::isnan(score[i]))
            order.push_back(i);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return score[a] > score[b]; });
    double pos = 0, neg = 0;
    for (size_t i : order)
        (truth[i] ? pos : neg) += weights.empty() ? 1.0 : weights[i];
    if (curve)
        curve->push_back({0.0, 0.0, INFINITY});
    if (pos <= 0 || neg <= 0)
        return std::nan("");
    double tp = 0, fp = 0, area = 0;
    for (size_t k = 0; k < order.size();) {
        const double s = score[order[k]];
        const double tp0 = tp, fp0 = fp;
        for (; k < order.size() && score[order[k]] == s; ++k)
            (truth[order[k]] ? tp : fp) += weights.empty() ? 1.0 : weights[order[k]];
        area += (fp - fp0) * (tp + tp0) / 2.0;
        if (curve)
            curve->push_back({fp / neg, tp / pos, s});
    }
    return area / (pos * neg);
}
} // namespace

double EventEvaluation::rocArea(const std::vector<int> &truth, const std::vector<double> &score, const std::vector<double> &weights)
{
    return rocCurve(truth, score, weights, nullptr);
}

EventEvaluation EventEvaluation::compute(const std::vector<int> &truth, const std::vector<double> &probability,
                                         const std::vector<double> &weights, double threshold)
{
    EventEvaluation e;
    e.m_threshold = threshold;
    e.m_weighted = !weights.empty();
    for (size_t i = 0; i < truth.size(); ++i) {
        if (std::isnan(probability[i]))
            continue;
        e.m_confusion[truth[i] ? 1 : 0][probability[i] >= threshold ? 1 : 0] += weights.empty() ? 1.0 : weights[i];
        ++e.m_events;
    }
    e.m_auc = rocCurve(truth, probability, weights, &e.m_roc);
    // A curve of thousands of points is thinned for storage and plotting (every distinct FPR step kept
    // up to ~500 points).
    if (e.m_roc.size() > 600) {
        std::vector<RocPoint> thin;
        const size_t step = e.m_roc.size() / 500 + 1;
        for (size_t i = 0; i < e.m_roc.size(); i += step)
            thin.push_back(e.m_roc[i]);
        if (thin.back().falsePositiveRate != e.m_roc.back().falsePositiveRate || thin.back().truePositiveRate != e.m_roc.back().truePositiveRate)
            thin.push_back(e.m_roc.back());
        e.m_roc = std::move(thin);
    }
    return e;
}

double EventEvaluation::accuracy() const
{
    const double all = m_confusion[0][0] + m_confusion[0][1] + m_confusion[1][0] + m_confusion[1][1];
    return all > 0 ? (m_confusion[0][0] + m_confusion[1][1]) / all : std::nan("");
}

double EventEvaluation::balancedAccuracy() const { return 0.5 * (scores(0).recall + scores(1).recall); }

EventEvaluation::ClassScores EventEvaluation::scores(int c) const
{
    const int o = 1 - c;
    ClassScores s;
    const double tp = m_confusion[c][c], fn = m_confusion[c][o], fp = m_confusion[o][c];
    s.support = tp + fn;
    s.precision = tp + fp > 0 ? tp / (tp + fp) : 0.0;
    s.recall = tp + fn > 0 ? tp / (tp + fn) : 0.0;
    s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
    return s;
}

QJsonObject EventEvaluation::toJson(const QString &negativeName, const QString &positiveName) const
{
    QJsonObject o;
    o[QStringLiteral("events")] = static_cast<double>(m_events);
    o[QStringLiteral("weighted")] = m_weighted;
    o[QStringLiteral("threshold")] = m_threshold;
    o[QStringLiteral("accuracy")] = accuracy();
    o[QStringLiteral("balancedAccuracy")] = balancedAccuracy();
    o[QStringLiteral("rocAuc")] = std::isnan(m_auc) ? -1.0 : m_auc;
    o[QStringLiteral("confusion")] = QJsonArray{QJsonArray{m_confusion[0][0], m_confusion[0][1]},
                                                QJsonArray{m_confusion[1][0], m_confusion[1][1]}};
    QJsonObject classes;
    for (int c : {0, 1}) {
        const ClassScores s = scores(c);
        classes[c ? positiveName : negativeName] = QJsonObject{{QStringLiteral("precision"), s.precision},
                                                               {QStringLiteral("recall"), s.recall},
                                                               {QStringLiteral("f1"), s.f1},
                                                               {QStringLiteral("support"), s.support}};
    }
    o[QStringLiteral("classes")] = classes;
    QJsonArray fpr, tpr;
    for (const RocPoint &p : m_roc) {
        fpr.append(p.falsePositiveRate);
        tpr.append(p.truePositiveRate);
    }
    o[QStringLiteral("rocFpr")] = fpr;
    o[QStringLiteral("rocTpr")] = tpr;
    return o;
}

QString EventEvaluation::toText(const QString &negativeName, const QString &positiveName) const
{
    const int w = std::max({12, static_cast<int>(negativeName.size()) + 2, static_cast<int>(positiveName.size()) + 2});
    auto num = [&](double v) { return m_weighted ? QString::number(v, 'g', 5) : QString::number(v, 'f', 0); };
    QString t;
    t += QStringLiteral("%1%2%3\n").arg(QStringLiteral("truth \\ called"), -16).arg(negativeName, w).arg(positiveName, w);
    for (int c : {0, 1})
        t += QStringLiteral("%1%2%3\n").arg(c ? positiveName : negativeName, -16).arg(num(m_confusion[c][0]), w).arg(num(m_confusion[c][1]), w);
    t += QStringLiteral("events %1%2, threshold %3\n").arg(m_events).arg(m_weighted ? QStringLiteral(" (weighted)") : QString()).arg(m_threshold);
    t += QStringLiteral("ROC AUC %1, accuracy %2, balanced accuracy %3\n")
             .arg(m_auc, 0, 'f', 4).arg(accuracy(), 0, 'f', 4).arg(balancedAccuracy(), 0, 'f', 4);
    for (int c : {1, 0}) {
        const ClassScores s = scores(c);
        t += QStringLiteral("%1: precision %2, recall %3, F1 %4, support %5\n")
                 .arg(c ? positiveName : negativeName).arg(s.precision, 0, 'f', 4).arg(s.recall, 0, 'f', 4)
                 .arg(s.f1, 0, 'f', 4).arg(num(s.support));
    }
    return t;
}

} // namespace photopeak
