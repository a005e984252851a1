// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "util/Result.h"

#include <QJsonObject>

#include <vector>

namespace photopeak {

enum class CalibrationMethod {
    Platt,     // sigmoid of the score (dlib::learn_platt_scaling)
    Isotonic,  // monotone step function (dlib::isotonic_regression), interpolated between knots
};

// Maps a learner's score to a probability. Fitted on scores the learner gave to spectra it was NOT
// trained on (held-out folds), so the probability means what it says on new data.
class ProbabilityCalibrator {
public:
    static QString methodName(CalibrationMethod m);
    static bool parseMethod(const QString &name, CalibrationMethod *out);

    // labels: 1 positive, 0 negative; needs both classes.
    static Result<ProbabilityCalibrator> fit(CalibrationMethod method, const std::vector<double> &scores,
                                             const std::vector<int> &labels);
    double probability(double score) const;
    CalibrationMethod method() const { return m_method; }

    QJsonObject toJson() const;
    static Result<ProbabilityCalibrator> fromJson(const QJsonObject &json, const QString &source);

private:
    CalibrationMethod m_method = CalibrationMethod::Platt;
    double m_a = -1.0, m_b = 0.0;      // Platt: p = 1 / (1 + exp(a s + b))
    std::vector<double> m_x, m_y;      // isotonic knots
};

} // namespace photopeak
