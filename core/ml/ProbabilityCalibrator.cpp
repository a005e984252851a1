// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/ProbabilityCalibrator.h"

#include "util/JsonNumbers.h"

#include <dlib/optimization/isotonic_regression.h>
#include <dlib/svm/svm.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace photopeak {

QString ProbabilityCalibrator::methodName(CalibrationMethod m)
{
    return m == CalibrationMethod::Platt ? QStringLiteral("platt") : QStringLiteral("isotonic");
}

bool ProbabilityCalibrator::parseMethod(const QString &name, CalibrationMethod *out)
{
    if (name.compare(QLatin1String("platt"), Qt::CaseInsensitive) == 0)
        *out = CalibrationMethod::Platt;
    else if (name.compare(QLatin1String("isotonic"), Qt::CaseInsensitive) == 0)
        *out = CalibrationMethod::Isotonic;
    else
        return false;
    return true;
}

Result<ProbabilityCalibrator> ProbabilityCalibrator::fit(CalibrationMethod method, const std::vector<double> &scores,
                                                         const std::vector<int> &labels)
{
    int pos = 0, neg = 0;
    for (size_t i = 0; i < scores.size(); ++i)
        (labels[i] ? pos : neg)++;
    if (pos == 0 || neg == 0)
        return makeError(QStringLiteral("calibration"),
                         QStringLiteral("held-out scores of both classes are needed (%1 positive, %2 negative)").arg(pos).arg(neg));
    ProbabilityCalibrator c;
    c.m_method = method;
    if (method == CalibrationMethod::Platt) {
        std::vector<double> y(labels.size());
        for (size_t i = 0; i < labels.size(); ++i)
            y[i] = labels[i] ? 1.0 : -1.0;
        const auto ab = dlib::learn_platt_scaling(scores, y);
        c.m_a = ab.first;
        c.m_b = ab.second;
        return c;
    }
    std::vector<size_t> order(scores.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] < scores[b]; });
    std::vector<double> fitted(order.size());
    for (size_t i = 0; i < order.size(); ++i)
        fitted[i] = labels[order[i]] ? 1.0 : 0.0;
    dlib::isotonic_regression iso;
    iso(fitted);
    // Knots at the mean score of every constant run; Laplace-smoothed ends keep probabilities off 0 and 1.
    const double n = double(order.size());
    for (size_t i = 0; i < order.size();) {
        size_t j = i;
        double sx = 0.0;
        while (j < order.size() && fitted[j] == fitted[i]) {
            sx += scores[order[j]];
            ++j;
        }
        const double count = double(j - i);
        c.m_x.push_back(sx / count);
        c.m_y.push_back((fitted[i] * count + 1.0 / n) / (count + 2.0 / n));
        i = j;
    }
    return c;
}

double ProbabilityCalibrator::probability(double s) const
{
    if (m_method == CalibrationMethod::Platt) {
        const double z = m_a * s + m_b;
        return z >= 0 ? std::exp(-z) / (1.0 + std::exp(-z)) : 1.0 / (1.0 + std::exp(z));
    }
    if (m_x.empty())
        return 0.5;
    if (s <= m_x.front())
        return m_y.front();
    if (s >= m_x.back())
        return m_y.back();
    const auto it = std::upper_bound(m_x.begin(), m_x.end(), s);
    const size_t hi = static_cast<size_t>(it - m_x.begin()), lo = hi - 1;
    const double f = (s - m_x[lo]) / (m_x[hi] - m_x[lo]);
    return m_y[lo] + f * (m_y[hi] - m_y[lo]);
}

QJsonObject ProbabilityCalibrator::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("method")] = methodName(m_method);
    if (m_method == CalibrationMethod::Platt) {
        o[QStringLiteral("a")] = m_a;
        o[QStringLiteral("b")] = m_b;
    } else {
        o[QStringLiteral("x")] = JsonNumbers::encodeDoubles(m_x);
        o[QStringLiteral("y")] = JsonNumbers::encodeDoubles(m_y);
    }
    return o;
}

Result<ProbabilityCalibrator> ProbabilityCalibrator::fromJson(const QJsonObject &o, const QString &source)
{
    ProbabilityCalibrator c;
    if (!parseMethod(o.value(QStringLiteral("method")).toString(), &c.m_method))
        return makeError(source, QStringLiteral("unknown calibration \"%1\"").arg(o.value(QStringLiteral("method")).toString()));
    if (c.m_method == CalibrationMethod::Platt) {
        auto a = JsonNumbers::readNumber(o, QStringLiteral("a"), source, -1e6, 1e6);
        auto b = JsonNumbers::readNumber(o, QStringLiteral("b"), source, -1e6, 1e6);
        if (!a || !b)
            return !a ? a.error() : b.error();
        c.m_a = *a;
        c.m_b = *b;
    } else {
        auto x = JsonNumbers::readDoubles(o, QStringLiteral("x"), source);
        auto y = JsonNumbers::readDoubles(o, QStringLiteral("y"), source, 0.0, 1.0);
        if (!x || !y)
            return !x ? x.error() : y.error();
        c.m_x = std::move(x).value();
        c.m_y = std::move(y).value();
        if (c.m_x.empty() || c.m_x.size() != c.m_y.size() || !std::is_sorted(c.m_x.begin(), c.m_x.end()))
            return makeError(source, QStringLiteral("isotonic calibration knots missing"));
    }
    return c;
}

} // namespace photopeak
