// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "images/ImageLabel.h"
#include "images/BraggCandidate.h"

#include <QJsonObject>
#include <QString>

#include <limits>
#include <vector>

namespace photopeak {

// Candidates against the true peaks of complete frames. Recall counts true peaks (optionally only those of
// SNR >= minSnr) whose matched candidate is called a peak, so peaks the finder missed count as missed;
// precision counts called candidates that match any true peak. Scores are the candidates' probabilities
// (1 for unclassified candidates: everything the finder reports is called). Never accuracy: almost every
// pixel is "not a peak".
class PeakEvaluation {
public:
    struct Point {
        double threshold = 0.0, precision = 0.0, recall = 0.0, f1 = 0.0;
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
    };

    explicit PeakEvaluation(double matchRadius = 2.5) : m_radius(matchRadius) {}

    // Candidates of frames whose true peaks are `truth` (positives of the same frames).
    void add(const std::vector<BraggCandidate> &candidates, const std::vector<ImageLabel> &truth);

    Point at(double threshold, double minSnr = 0.0) const;
    // Precision-recall curve over the distinct scores, at most `points` points, threshold descending.
    std::vector<Point> curve(double minSnr = 0.0, int points = 101) const;
    // Area under the precision-recall curve (step-wise average precision).
    double averagePrecision(double minSnr = 0.0) const;
    // Lowest threshold whose precision reaches `precision` (highest recall there); NaN if none does.
    Point bestRecallAtPrecision(double precision, double minSnr = 0.0) const;
    // Recall of the true peaks with snr in [lo, hi), at `threshold`.
    double recallInSnrRange(double lo, double hi, double threshold, int *count = nullptr) const;

    int candidates() const { return static_cast<int>(m_scores.size()); }
    int truePeaks(double minSnr = 0.0) const;
    QJsonObject toJson(double threshold, double minSnr) const;

private:
    double m_radius;
    std::vector<double> m_scores;     // per candidate
    std::vector<char> m_matched;      // per candidate: matches a true peak
    std::vector<double> m_truthSnr;   // per true peak
    std::vector<double> m_truthScore; // per true peak: score of its candidate, -inf if none
};

} // namespace photopeak
