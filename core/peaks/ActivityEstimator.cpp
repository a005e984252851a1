// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "peaks/ActivityEstimator.h"

#include "peaks/PeakFit.h"

#include <algorithm>
#include <cmath>

namespace photopeak {

ActivityEstimator::ActivityEstimator(EfficiencyCurve efficiency, ResolutionModel resolution, Options options)
    : m_eff(std::move(efficiency)), m_res(std::move(resolution)), m_options(std::move(options))
{
}

ActivityEstimator::ActivityEstimator(EfficiencyCurve efficiency, ResolutionModel resolution)
    : ActivityEstimator(std::move(efficiency), std::move(resolution), Options())
{
}

double ActivityEstimator::distanceFactor(double d, double dref, double r)
{
    if (d <= 0.0 || dref <= 0.0)
        return 1.0;
    const double q = (d + r) / (dref + r);
    return q * q;
}

double ActivityEstimator::inAcquisitionDecayCorrection(const Nuclide &nuclide, double seconds)
{
    const double x = nuclide.decayConstant() * seconds;
    if (!(x > 1e-9))
        return 1.0;
    return x / -std::expm1(-x);
}

Result<std::vector<LineActivity>> ActivityEstimator::measure(const Spectrum &s, const Nuclide &nuclide) const
{
    const int n = s.channelCount();
    const QString src = s.sourcePath.isEmpty() ? s.displayName() : s.sourcePath;
    if (!s.calibration.isValid(n))
        return makeError(src, QStringLiteral("no valid energy calibration (calibrate first): %1").arg(s.calibration.problem(n)));
    if (!m_res.isValid())
        return makeError(src, QStringLiteral("no detector resolution model"));
    const double eTop = std::min(m_options.maxEnergyKeV, s.calibration.energyAt(n));
    // Lines in range, merged when closer than half a FWHM.
    std::vector<GammaLine> in;
    for (const auto &l : nuclide.lines)
        if (l.intensity >= m_options.minIntensity && l.energyKeV >= m_options.minEnergyKeV && l.energyKeV <= eTop)
            in.push_back(l);
    std::sort(in.begin(), in.end(), [](const auto &a, const auto &b) { return a.energyKeV < b.energyKeV; });
    std::vector<LineActivity> peaks;
    for (const auto &l : in) {
        const QString lab = QStringLiteral("%1").arg(l.energyKeV, 0, 'f', 1);
        if (!peaks.empty() && l.energyKeV - peaks.back().energyKeV < 0.5 * m_res.fwhmKeV(l.energyKeV)) {
            LineActivity &p = peaks.back();
            const double w = p.intensity + l.intensity;
            p.energyKeV = (p.energyKeV * p.intensity + l.energyKeV * l.intensity) / w;
            p.intensityUnc = std::hypot(p.intensityUnc, l.intensityUnc);
            p.intensity = w;
            p.label += QLatin1Char('+') + lab;
        } else {
            LineActivity p;
            p.label = nuclide.name + QLatin1Char(' ') + lab;
            p.energyKeV = l.energyKeV;
            p.intensity = l.intensity;
            p.intensityUnc = l.intensityUnc;
            peaks.push_back(p);
        }
    }
    if (peaks.empty())
        return makeError(src, QStringLiteral("%1 has no line of at least %2 % between %3 and %4 keV")
                                  .arg(nuclide.name).arg(100.0 * m_options.minIntensity).arg(m_options.minEnergyKeV).arg(eTop));
    // Regions: neighbours within 2.5 FWHM share one fit.
    PeakFit::Options fo;
    fo.fixCentroids = true;
    fo.fixWidths = true;
    size_t i = 0;
    while (i < peaks.size()) {
        size_t j = i + 1;
        while (j < peaks.size() && peaks[j].energyKeV - peaks[j - 1].energyKeV < 2.5 * m_res.fwhmKeV(peaks[j].energyKeV))
            ++j;
        std::vector<double> c, w;
        for (size_t k = i; k < j; ++k) {
            const double ch = s.calibration.channelAt(peaks[k].energyKeV, n);
            c.push_back(ch);
            w.push_back(std::max(1.0, m_res.fwhmChannels(ch, s.calibration)));
        }
        const int low = std::max(0, static_cast<int>(std::floor(c.front() - 2.5 * w.front())));
        const int high = std::min(n, static_cast<int>(std::ceil(c.back() + 2.5 * w.back())));
        // Curved continuum near the threshold and in wide regions.
        fo.continuumDegree = (peaks[i].energyKeV < 150.0 || (high - low) > 10.0 * w.front()) ? 2 : 1;
        auto r = PeakFit(fo).fitRegion(s.counts, low, high, c, w);
        if (!r)
            return makeError(src, r.error().message);
        for (size_t k = i; k < j; ++k) {
            peaks[k].peak = r->peaks[k - i];
            PeakFit::applyCalibration(peaks[k].peak, s.calibration, n);
        }
        i = j;
    }
    return peaks;
}

Result<NuclideActivity> ActivityEstimator::estimate(const Spectrum &s, const Nuclide &nuclide, double distanceCm) const
{
    const QString src = s.sourcePath.isEmpty() ? s.displayName() : s.sourcePath;
    if (!m_eff.isValid())
        return makeError(src, QStringLiteral("no efficiency curve"));
    if (!s.hasLiveTime())
        return makeError(src, QStringLiteral("no live time: activity needs counts per second"));
    if (!(distanceCm > 0.0))
        return makeError(src, QStringLiteral("unknown source distance (give it explicitly)"));
    auto measured = measure(s, nuclide);
    if (!measured)
        return measured.error();
    NuclideActivity out;
    out.nuclide = nuclide.name;
    out.distanceCm = distanceCm;
    const double radius = m_options.detectorRadiusCm >= 0.0 ? m_options.detectorRadiusCm : m_eff.detectorRadiusCm;
    out.distanceFactor = distanceFactor(distanceCm, m_eff.referenceDistanceCm(), radius);
    const double acqDecay = inAcquisitionDecayCorrection(nuclide, s.realTime > 0.0 ? s.realTime : s.liveTime);
    out.decayFactor = m_options.referenceDate.isValid() ? nuclide.decayFactor(m_options.referenceDate, s.startTime) : 1.0;
    const double scale = out.distanceFactor * acqDecay / out.decayFactor / s.liveTime;
    out.lines = std::move(*measured);
    // Which lines enter: those inside the efficiency range (10 % margin); all when none is.
    bool anyIn = false;
    for (auto &l : out.lines) {
        l.extrapolated = !(l.energyKeV >= 0.9 * m_eff.minEnergy() && l.energyKeV <= 1.1 * m_eff.maxEnergy());
        anyIn = anyIn || !l.extrapolated;
    }
    double sw = 0.0, swa = 0.0;
    out.mdaBq = 0.0;
    for (auto &l : out.lines) {
        l.efficiency = m_eff.efficiency(l.energyKeV);
        l.efficiencyRelUnc = m_eff.relativeUncertainty(l.energyKeV);
        const double k = scale / (l.efficiency * l.intensity);
        l.activityBq = l.peak.area * k;
        l.activityUncBq = std::hypot(l.peak.areaUnc * k, std::abs(l.activityBq) * l.intensityUnc / l.intensity);
        l.mdaBq = (2.71 + 4.65 * std::sqrt(std::max(l.peak.continuumCounts, 0.0))) * k;
        if (out.mdaBq <= 0.0 || l.mdaBq < out.mdaBq)
            out.mdaBq = l.mdaBq;
        l.used = (!anyIn || !l.extrapolated) && l.activityUncBq > 0.0 && std::isfinite(l.activityBq);
        if (l.used) {
            const double w = 1.0 / (l.activityUncBq * l.activityUncBq);
            sw += w;
            swa += w * l.activityBq;
            ++out.linesUsed;
        }
    }
    if (sw <= 0.0)
        return makeError(src, QStringLiteral("no line of %1 could be measured").arg(nuclide.name));
    out.activityBq = swa / sw;
    out.uncCountingBq = 1.0 / std::sqrt(sw);
    // Efficiency part: A = sum w_i N_i k_i / eff_i; d ln A / d p = -sum (w_i A_i / sum w A) d ln eff_i / d p.
    const int np = m_eff.parameterCount();
    std::vector<double> g(np, 0.0);
    double chi2 = 0.0;
    for (const auto &l : out.lines) {
        if (!l.used)
            continue;
        const double w = 1.0 / (l.activityUncBq * l.activityUncBq) / sw;
        const std::vector<double> gl = m_eff.gradient(l.energyKeV);
        for (int j = 0; j < np; ++j)
            g[j] -= w * gl[j];
        chi2 += std::pow((l.activityBq - out.activityBq) / l.activityUncBq, 2);
    }
    double var = 0.0;
    const auto &cov = m_eff.covariance();
    for (int a = 0; a < np; ++a)
        for (int b = 0; b < np; ++b)
            var += g[a] * cov[a * np + b] * g[b];
    out.uncEfficiencyBq = std::abs(out.activityBq) * std::sqrt(std::max(var, 0.0));
    out.lineChi2 = chi2;
    out.detected = out.activityBq > m_options.decisionSigma * out.uncCountingBq;
    return out;
}

} // namespace photopeak
