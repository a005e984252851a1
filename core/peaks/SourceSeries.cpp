// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "peaks/SourceSeries.h"

#include "peaks/ActivityEstimator.h"
#include "peaks/PeakAnalyzer.h"

#include <QRegularExpression>

#include <cmath>

namespace photopeak {

double SourceSeries::distanceFromPath(const QString &path)
{
    static const QRegularExpression re(QStringLiteral("(?:^|[/_ -])(\\d+(?:\\.\\d+)?)\\s*cm(?:$|[/_ .-])"),
                                       QRegularExpression::CaseInsensitiveOption);
    double d = 0.0;
    auto it = re.globalMatch(path);
    while (it.hasNext())
        d = it.next().captured(1).toDouble();  // the innermost folder wins
    return d;
}

Status SourceSeries::buildSum()
{
    if (spectra.empty())
        return makeError(key, QStringLiteral("empty series"));
    sum = spectra.front();
    sum.counts.assign(sum.counts.size(), 0.0);
    sum.liveTime = sum.realTime = 0.0;
    for (const auto &s : spectra) {
        if (s.channelCount() != sum.channelCount())
            return makeError(s.sourcePath, QStringLiteral("%1 channels, the series has %2").arg(s.channelCount()).arg(sum.channelCount()));
        for (int i = 0; i < s.channelCount(); ++i)
            sum.counts[i] += s.counts[i];
        sum.liveTime += s.liveTime;
        sum.realTime += s.realTime;
    }
    sum.sourcePath = key;
    return Ok{};
}

Status SourceSeries::calibrate(const EnergyCalibrator &calibrator)
{
    if (!nuclide)
        return makeError(key, QStringLiteral("no nuclide for the series"));
    PeakAnalyzer::Options ao;
    Spectrum probe = sum;
    const int n = sum.channelCount();
    const bool prior = sum.calibration.isValid(n) && !sum.problems.has(SpectrumProblem::MissingCalibration);
    if (!prior)
        probe.calibration = EnergyCalibration();
    const PeakAnalysis a = PeakAnalyzer(ao).run(probe);
    Result<EnergyCalibrator::Fit> fit = prior ? calibrator.refine(a.significantPeaks(5.0), nuclide->lines, sum.calibration, n)
                                              : calibrator.automatic(a.peaks, nuclide->lines, n);
    if (!fit) {
        if (!prior)
            return makeError(key, fit.error().message);
        calibration.calibration = sum.calibration;
        calibration.method = QStringLiteral("header");
        calibrationNote = QStringLiteral("kept the header calibration: %1").arg(fit.error().message);
    } else {
        calibration = *fit;
    }
    sum.calibration = calibration.calibration;
    sum.problems.remove(SpectrumProblem::MissingCalibration);
    for (auto &s : spectra) {
        s.calibration = calibration.calibration;
        s.problems.remove(SpectrumProblem::MissingCalibration);
    }
    return Ok{};
}

std::vector<ResolutionModel::Point> SourceSeries::resolutionPoints() const
{
    std::vector<ResolutionModel::Point> pts;
    if (!nuclide || !sum.calibration.isValid(sum.channelCount()))
        return pts;
    const PeakAnalysis a = PeakAnalyzer().run(sum);
    for (const auto &r : a.regions) {
        if (r.peaks.size() != 1)
            continue;
        const FittedPeak &p = r.peaks.front();
        if (p.significance() < 10.0)
            continue;
        for (const auto &l : nuclide->lines)
            if (l.intensity >= 0.05 && std::abs(l.energyKeV - p.energyKeV) < 0.5 * p.fwhmKeV) {
                pts.push_back({p.energyKeV, p.fwhmKeV, p.fwhmUncKeV});
                break;
            }
    }
    return pts;
}

Result<std::vector<EfficiencyCurve::Point>> SourceSeries::efficiencyPoints(const SourceCertificate &cert,
                                                                          const ResolutionModel &resolution,
                                                                          double referenceCm, double radiusCm) const
{
    if (!nuclide)
        return makeError(key, QStringLiteral("no nuclide"));
    if (!(distanceCm > 0.0))
        return makeError(key, QStringLiteral("unknown distance"));
    if (!sum.hasLiveTime())
        return makeError(key, QStringLiteral("no live time"));
    const ActivityEstimator est(EfficiencyCurve(), resolution);
    auto lines = est.measure(sum, *nuclide);
    if (!lines)
        return lines.error();
    // Activity during the series: certificate decayed to the first start, mean over the acquisition.
    const double activity = cert.activityBq * nuclide->decayFactor(cert.date, sum.startTime);
    const double dist = ActivityEstimator::distanceFactor(distanceCm, referenceCm, radiusCm);
    std::vector<EfficiencyCurve::Point> pts;
    for (const auto &l : *lines) {
        if (l.peak.area <= 0.0 || l.peak.significance() < 3.0)
            continue;
        const double eff = l.peak.area / (sum.liveTime * activity * l.intensity) * dist;
        const double rel = std::hypot(l.peak.areaUnc / l.peak.area, l.intensityUnc / l.intensity);
        pts.push_back({l.energyKeV, eff, eff * rel, QStringLiteral("%1 (%2)").arg(l.label, key)});
    }
    return pts;
}

} // namespace photopeak
