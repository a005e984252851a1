// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "peaks/EnergyCalibrator.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>

namespace photopeak {

namespace {

double localSlope(const EnergyCalibration &cal, double ch) { return cal.energyAt(ch + 0.5) - cal.energyAt(ch - 0.5); }

} // namespace

Result<EnergyCalibrator::Fit> EnergyCalibrator::fitPoints(std::vector<CalibrationPoint> points, int degree, int channelCount,
                                                          const double *fixedOffset)
{
    const QString src = QStringLiteral("energy calibration");
    if (points.empty())
        return makeError(src, QStringLiteral("no calibration points"));
    const int n = static_cast<int>(points.size());
    std::vector<double> distinct;
    for (const auto &p : points)
        if (std::none_of(distinct.begin(), distinct.end(), [&](double e) { return std::abs(e - p.energyKeV) < 1e-6; }))
            distinct.push_back(p.energyKeV);
    const int nd = static_cast<int>(distinct.size());
    degree = std::clamp(std::min(degree, nd - (fixedOffset ? 0 : 1)), 1, 2);
    const bool throughFixed = fixedOffset || nd == 1;
    const double offset = fixedOffset ? *fixedOffset : 0.0;
    const int cols = throughFixed ? degree : degree + 1;
    if (n < cols)
        return makeError(src, QStringLiteral("%1 points cannot fix a degree-%2 calibration").arg(n).arg(degree));
    // Rough slope for turning channel uncertainties into energy weights.
    double slope = 0.0;
    for (const auto &p : points)
        slope += p.channel > 0.0 ? (p.energyKeV - offset) / p.channel : 0.0;
    slope = std::abs(slope / n);
    Eigen::MatrixXd A(n, cols);
    Eigen::VectorXd b(n);
    for (int i = 0; i < n; ++i) {
        const double x = points[i].channel;
        const double sigma = std::hypot(points[i].channelUnc * slope, 0.2);  // 0.2 keV: peak-shape systematics
        const double w = 1.0 / sigma;
        int c = 0;
        if (!throughFixed)
            A(i, c++) = w;
        A(i, c++) = x * w;
        if (degree == 2)
            A(i, c++) = x * x * w;
        b(i) = (points[i].energyKeV - offset) * w;
    }
    const Eigen::VectorXd s = A.colPivHouseholderQr().solve(b);
    std::vector<double> coef(3, 0.0);
    int c = 0;
    coef[0] = throughFixed ? offset : s(c++);
    coef[1] = s(c++);
    if (degree == 2)
        coef[2] = s(c++);
    Fit fit;
    fit.calibration = EnergyCalibration::fromCoefficients(coef);
    if (!fit.calibration.isValid(channelCount))
        return makeError(src, QStringLiteral("the fitted calibration is not increasing over %1 channels (%2)")
                                  .arg(channelCount).arg(fit.calibration.toString()));
    double ss = 0.0;
    for (auto &p : points) {
        p.residualKeV = fit.calibration.energyAt(p.channel) - p.energyKeV;
        ss += p.residualKeV * p.residualKeV;
    }
    fit.rmsKeV = std::sqrt(ss / n);
    fit.points = std::move(points);
    fit.method = QStringLiteral("manual");
    return fit;
}

std::vector<GammaLine> EnergyCalibrator::mergedLines(const std::vector<GammaLine> &lines) const
{
    std::vector<GammaLine> in;
    for (const auto &l : lines)
        if (l.energyKeV >= m_options.minEnergyKeV && l.energyKeV <= m_options.maxEnergyKeV && l.intensity > 0.0)
            in.push_back(l);
    std::sort(in.begin(), in.end(), [](const auto &a, const auto &b) { return a.energyKeV < b.energyKeV; });
    std::vector<GammaLine> out;
    for (const auto &l : in) {
        if (!out.empty() && l.energyKeV - out.back().energyKeV < m_options.mergeFraction * l.energyKeV) {
            GammaLine &m = out.back();
            const double w = m.intensity + l.intensity;
            m.energyKeV = (m.energyKeV * m.intensity + l.energyKeV * l.intensity) / w;
            m.intensity = w;
            if (!m.emitter.contains(l.emitter))
                m.emitter += QLatin1Char('+') + l.emitter;
        } else {
            out.push_back(l);
        }
    }
    std::erase_if(out, [&](const GammaLine &l) { return l.intensity < m_options.minIntensity; });
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.intensity > b.intensity; });
    return out;
}

std::vector<CalibrationPoint> EnergyCalibrator::match(const std::vector<FittedPeak> &peaks, const std::vector<GammaLine> &lines,
                                                      const EnergyCalibration &cal, double windowFwhm, double *score) const
{
    std::vector<CalibrationPoint> pts;
    std::vector<char> used(peaks.size(), 0);
    double sc = 0.0;
    for (const auto &l : lines) {  // strongest first
        int best = -1;
        double bestD = 0.0;
        for (size_t k = 0; k < peaks.size(); ++k) {
            if (used[k])
                continue;
            const double e = cal.energyAt(peaks[k].centroid);
            const double tol = windowFwhm * std::max(peaks[k].fwhm * localSlope(cal, peaks[k].centroid), 0.005 * e);
            const double d = std::abs(e - l.energyKeV);
            if (d <= tol && (best < 0 || d / tol < bestD)) {
                best = static_cast<int>(k);
                bestD = d / tol;
            }
        }
        if (best < 0)
            continue;
        used[best] = 1;
        CalibrationPoint p;
        p.channel = peaks[best].centroid;
        p.channelUnc = peaks[best].centroidUnc;
        p.energyKeV = l.energyKeV;
        p.label = QStringLiteral("%1 %2").arg(l.emitter).arg(l.energyKeV, 0, 'f', 2);
        pts.push_back(p);
        sc += std::sqrt(l.intensity) * std::sqrt(std::clamp(peaks[best].significance(), 0.0, 100.0)) * (1.0 - 0.5 * bestD * bestD);
    }
    if (score)
        *score = sc;
    return pts;
}

Result<EnergyCalibrator::Fit> EnergyCalibrator::automatic(const std::vector<FittedPeak> &allPeaks,
                                                          const std::vector<GammaLine> &allLines, int channelCount) const
{
    const QString src = QStringLiteral("automatic energy calibration");
    std::vector<FittedPeak> peaks;
    for (const auto &p : allPeaks)
        if (p.area > 0.0 && p.centroid > 0.0 && p.fwhm > 0.0)
            peaks.push_back(p);
    std::sort(peaks.begin(), peaks.end(), [](const auto &a, const auto &b) { return a.significance() > b.significance(); });
    if (static_cast<int>(peaks.size()) > m_options.maxPeaks)
        peaks.resize(m_options.maxPeaks);
    const std::vector<GammaLine> lines = mergedLines(allLines);
    if (peaks.empty())
        return makeError(src, QStringLiteral("no peaks to match"));
    if (lines.empty())
        return makeError(src, QStringLiteral("no library lines between %1 and %2 keV").arg(m_options.minEnergyKeV).arg(m_options.maxEnergyKeV));

    double bestScore = -1.0;
    EnergyCalibration best;
    auto consider = [&](double g, double o) {
        if (!(g >= m_options.minGain && g <= m_options.maxGain) || std::abs(o) > m_options.maxOffsetKeV)
            return;
        const EnergyCalibration cal = EnergyCalibration::linear(g, o);
        double s = 0.0;
        match(peaks, lines, cal, m_options.matchFwhm, &s);
        s -= 1e-3 * std::abs(o) / m_options.maxOffsetKeV;
        if (s > bestScore) {
            bestScore = s;
            best = cal;
        }
    };
    for (const auto &p : peaks)
        for (const auto &l : lines)
            consider(l.energyKeV / p.centroid, 0.0);
    for (size_t i = 0; i < peaks.size(); ++i)
        for (size_t j = 0; j < peaks.size(); ++j) {
            if (peaks[j].centroid <= peaks[i].centroid)
                continue;
            for (size_t a = 0; a < lines.size(); ++a)
                for (size_t b = 0; b < lines.size(); ++b) {
                    if (lines[b].energyKeV <= lines[a].energyKeV)
                        continue;
                    const double g = (lines[b].energyKeV - lines[a].energyKeV) / (peaks[j].centroid - peaks[i].centroid);
                    consider(g, lines[a].energyKeV - g * peaks[i].centroid);
                }
        }
    if (bestScore <= 0.0)
        return makeError(src, QStringLiteral("no peak matches a line of the chosen nuclides"));
    // Refit on the matches, rematch with the better calibration, refit.
    EnergyCalibration cal = best;
    Fit fit;
    for (int pass = 0; pass < 3; ++pass) {
        auto pts = match(allPeaks, lines, cal, m_options.matchFwhm, nullptr);
        if (pts.empty())
            break;
        auto f = fitPoints(pts, m_options.degree, channelCount);
        if (!f)
            return f.error();
        fit = *f;
        cal = fit.calibration;
    }
    if (fit.points.empty())
        return makeError(src, QStringLiteral("matching failed after refit"));
    fit.method = QStringLiteral("automatic");
    return fit;
}

Result<EnergyCalibrator::Fit> EnergyCalibrator::refine(const std::vector<FittedPeak> &peaks, const std::vector<GammaLine> &allLines,
                                                       const EnergyCalibration &prior, int channelCount) const
{
    const QString src = QStringLiteral("energy calibration refinement");
    if (!prior.isValid(channelCount))
        return makeError(src, QStringLiteral("the prior calibration is not valid: %1").arg(prior.problem(channelCount)));
    const std::vector<GammaLine> lines = mergedLines(allLines);
    EnergyCalibration cal = prior;
    Fit fit;
    const double offset = prior.offset();
    for (int pass = 0; pass < 3; ++pass) {
        const double window = pass == 0 ? 3.0 * m_options.matchFwhm : m_options.matchFwhm;
        auto pts = match(peaks, lines, cal, window, nullptr);
        if (pts.empty())
            return makeError(src, QStringLiteral("no peak within %1 FWHM of a line of the chosen nuclides").arg(window));
        auto f = fitPoints(pts, m_options.degree, channelCount, pts.size() == 1 ? &offset : nullptr);
        if (!f)
            return f.error();
        fit = *f;
        cal = fit.calibration;
    }
    fit.method = QStringLiteral("refine");
    return fit;
}

} // namespace photopeak
