// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "images/PeakEvaluation.h"

#include "images/ImageLabelSet.h"

#include <algorithm>
#include <cmath>

namespace photopeak {

namespace {
constexpr double NoScore = -std::numeric_limits<double>::infinity();
double scoreOf(const BraggCandidate &c) { return c.hasProbability() ? c.probability : 1.0; }
} // namespace

void PeakEvaluation::add(const std::vector<BraggCandidate> &candidates, const std::vector<ImageLabel> &truth)
{
    std::vector<ImageLabel> positives;
    for (const ImageLabel &t : truth)
        if (t.label == 1)
            positives.push_back(t);
    const std::vector<int> matched = ImageLabelSet::match(candidates, positives, m_radius);
    std::vector<char> hit(candidates.size(), 0);
    for (size_t p = 0; p < positives.size(); ++p) {
        m_truthSnr.push_back(std::isnan(positives[p].snr) ? std::numeric_limits<double>::infinity() : positives[p].snr);
        m_truthScore.push_back(matched[p] >= 0 ? scoreOf(candidates[matched[p]]) : NoScore);
        if (matched[p] >= 0)
            hit[matched[p]] = 1;
    }
    // A second candidate on the same true peak (a split spot) is a false positive.
    for (size_t i = 0; i < candidates.size(); ++i) {
        m_scores.push_back(scoreOf(candidates[i]));
        m_matched.push_back(hit[i]);
    }
}

int PeakEvaluation::truePeaks(double minSnr) const
{
    return static_cast<int>(std::count_if(m_truthSnr.begin(), m_truthSnr.end(), [&](double s) { return s >= minSnr; }));
}

PeakEvaluation::Point PeakEvaluation::at(double threshold, double minSnr) const
{
    Point p;
    p.threshold = threshold;
    for (size_t i = 0; i < m_scores.size(); ++i)
        if (m_scores[i] >= threshold) {
            if (m_matched[i])
                ++p.truePositives;
            else
                ++p.falsePositives;
        }
    int found = 0, total = 0;
    for (size_t t = 0; t < m_truthSnr.size(); ++t)
        if (m_truthSnr[t] >= minSnr) {
            ++total;
            found += m_truthScore[t] >= threshold;
        }
    p.falseNegatives = total - found;
    p.precision = p.truePositives + p.falsePositives > 0 ? double(p.truePositives) / (p.truePositives + p.falsePositives) : 1.0;
    p.recall = total > 0 ? double(found) / total : 0.0;
    p.f1 = p.precision + p.recall > 0 ? 2 * p.precision * p.recall / (p.precision + p.recall) : 0.0;
    return p;
}

std::vector<PeakEvaluation::Point> PeakEvaluation::curve(double minSnr, int points) const
{
    std::vector<double> s = m_scores;
    std::sort(s.begin(), s.end(), std::greater<>());
    s.erase(std::unique(s.begin(), s.end()), s.end());
    std::vector<Point> out;
    if (s.empty())
        return out;
    const int n = static_cast<int>(s.size());
    const int take = std::min(n, std::max(points, 2));
    for (int k = 0; k < take; ++k) {
        const int idx = take == 1 ? 0 : static_cast<int>(std::lround(double(k) * (n - 1) / (take - 1)));
        out.push_back(at(s[static_cast<size_t>(idx)], minSnr));
    }
    return out;
}

double PeakEvaluation::averagePrecision(double minSnr) const
{
    std::vector<double> s = m_scores;
    std::sort(s.begin(), s.end(), std::greater<>());
    s.erase(std::unique(s.begin(), s.end()), s.end());
    double ap = 0.0, lastRecall = 0.0;
    for (double t : s) {
        const Point p = at(t, minSnr);
        ap += (p.recall - lastRecall) * p.precision;
        lastRecall = p.recall;
    }
    return ap;
}

PeakEvaluation::Point PeakEvaluation::bestRecallAtPrecision(double precision, double minSnr) const
{
    Point best;
    best.threshold = std::numeric_limits<double>::quiet_NaN();
    best.recall = -1.0;
    for (const Point &p : curve(minSnr, 1000))
        if (p.precision >= precision && p.recall > best.recall)
            best = p;
    return best;
}

double PeakEvaluation::recallInSnrRange(double lo, double hi, double threshold, int *count) const
{
    int total = 0, found = 0;
    for (size_t t = 0; t < m_truthSnr.size(); ++t)
        if (m_truthSnr[t] >= lo && m_truthSnr[t] < hi) {
            ++total;
            found += m_truthScore[t] >= threshold;
        }
    if (count)
        *count = total;
    return total > 0 ? double(found) / total : std::numeric_limits<double>::quiet_NaN();
}

QJsonObject PeakEvaluation::toJson(double threshold, double minSnr) const
{
    const Point p = at(threshold, minSnr);
    return QJsonObject{
        {QStringLiteral("threshold"), threshold}, {QStringLiteral("minSnr"), minSnr},
        {QStringLiteral("precision"), p.precision}, {QStringLiteral("recall"), p.recall}, {QStringLiteral("f1"), p.f1},
        {QStringLiteral("truePositives"), p.truePositives}, {QStringLiteral("falsePositives"), p.falsePositives},
        {QStringLiteral("falseNegatives"), p.falseNegatives}, {QStringLiteral("averagePrecision"), averagePrecision(minSnr)},
        {QStringLiteral("candidates"), candidates()}, {QStringLiteral("truePeaks"), truePeaks(minSnr)},
    };
}

} // namespace photopeak
