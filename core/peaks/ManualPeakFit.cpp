// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "peaks/ManualPeakFit.h"

#include "peaks/PeakFit.h"


#include <algorithm>
#include <cmath>

namespace photopeak {

namespace {
const QString kSource = QStringLiteral("peak fit");
}

ManualPeakFit::ManualPeakFit(const std::vector<FittedPeak> &known) : ManualPeakFit(known, Options()) {}

ManualPeakFit::ManualPeakFit(const std::vector<FittedPeak> &known, Options options) : m_options(options)
{
    std::vector<double> g;
    for (const FittedPeak &p : known)
        if (p.significance() >= 5.0 && p.centroid > 1.0 && p.fwhm > 0.0)
            g.push_back(p.fwhm / std::sqrt(p.centroid));
    if (!g.empty()) {
        std::nth_element(g.begin(), g.begin() + g.size() / 2, g.end());
        m_g = g[g.size() / 2];
        m_known = true;
    }
}

double ManualPeakFit::expectedFwhm(double channel) const
{
    return std::max(1.5, m_g * std::sqrt(std::max(channel, 1.0)));
}

Result<PeakRegion> ManualPeakFit::fitAt(const std::vector<double> &counts, double channel) const
{
    const int n = static_cast<int>(counts.size());
    if (channel < 0.0 || channel >= n)
        return makeError(kSource, QStringLiteral("outside the spectrum"));
    const double w = expectedFwhm(channel);
    PeakSearch::Options so;
    so.firstChannel = std::max(0, static_cast<int>(channel - 1.5 * w));
    so.lastChannel = std::min(n, static_cast<int>(channel + 1.5 * w) + 1);
    const auto width = [this](double ch) { return expectedFwhm(ch); };
    const std::vector<double> z = PeakSearch(so).significance(counts, width);
    int best = -1;
    for (int i = so.firstChannel; i < so.lastChannel; ++i)
        if (best < 0 || z[static_cast<size_t>(i)] > z[static_cast<size_t>(best)])
            best = i;
    if (best < 0 || z[static_cast<size_t>(best)] < 2.0)
        return makeError(kSource, QStringLiteral("no peak near channel %1 (no significant curvature)").arg(channel, 0, 'f', 1));
    const double c = best + 0.5;
    const int low = std::max(0, static_cast<int>(std::floor(c - 2.5 * expectedFwhm(c))));
    const int high = std::min(n, static_cast<int>(std::ceil(c + 2.5 * expectedFwhm(c))));
    return fitChecked(counts, low, high, {c});
}

Result<PeakRegion> ManualPeakFit::fitRange(const std::vector<double> &counts, int low, int high) const
{
    const int n = static_cast<int>(counts.size());
    low = std::clamp(low, 0, n);
    high = std::clamp(high, low, n);
    if (high - low < 6)
        return makeError(kSource, QStringLiteral("range of %1 channels is too narrow for a fit").arg(high - low));
    PeakSearch::Options so;
    so.firstChannel = low;
    so.lastChannel = high;
    so.minSignificance = 2.0;
    auto candidates = PeakSearch(so).find(counts, [this](double ch) { return expectedFwhm(ch); });
    std::sort(candidates.begin(), candidates.end(), [](const auto &a, const auto &b) { return a.significance > b.significance; });
    if (candidates.size() > static_cast<size_t>(m_options.maxPeaks))
        candidates.resize(static_cast<size_t>(m_options.maxPeaks));
    std::vector<double> centroids;
    for (const PeakCandidate &pc : candidates)
        centroids.push_back(pc.channel);
    if (centroids.empty()) {
        const auto top = std::max_element(counts.begin() + low, counts.begin() + high);
        centroids.push_back(static_cast<double>(top - counts.begin()) + 0.5);
    }
    std::sort(centroids.begin(), centroids.end());
    return fitChecked(counts, low, high, std::move(centroids));
}

Result<PeakRegion> ManualPeakFit::fitChecked(const std::vector<double> &counts, int low, int high,
                                            std::vector<double> centroids) const
{
    PeakFit::Options fo;
    fo.continuumDegree = m_options.continuumDegree;
    const PeakFit fit(fo);
    // Refit without the weakest peak until every peak is significant (as the automatic fit does).
    for (;;) {
        std::vector<double> widths;
        for (double c : centroids)
            widths.push_back(expectedFwhm(c));
        auto r = fit.fitRegion(counts, low, high, centroids, widths);
        if (!r)
            return r.error();
        int worst = -1;
        double worstZ = m_options.minSignificance;
        for (int k = 0; k < static_cast<int>(r->peaks.size()); ++k) {
            const FittedPeak &p = r->peaks[static_cast<size_t>(k)];
            const bool collapsed = p.fwhm < 0.8 || p.area <= 0.0;
            if (collapsed || p.significance() < worstZ) {
                worstZ = collapsed ? -1e300 : p.significance();
                worst = k;
            }
        }
        if (worst < 0) {
            for (const FittedPeak &p : r->peaks)
                if (const QString why = shapeProblem(p, *r); !why.isEmpty())
                    return makeError(kSource, QStringLiteral("channel %1: %2").arg(p.centroid, 0, 'f', 1).arg(why));
            return r;
        }
        if (centroids.size() == 1)
            return makeError(kSource, QStringLiteral("no significant peak near channel %1 (area %2 +- %3)")
                                          .arg(centroids.front(), 0, 'f', 1)
                                          .arg(r->peaks.front().area, 0, 'f', 0)
                                          .arg(r->peaks.front().areaUnc, 0, 'f', 0));
        centroids.erase(centroids.begin() + worst);
    }
}

QString ManualPeakFit::shapeProblem(const FittedPeak &p, const PeakRegion &r) const
{
    const double expected = expectedFwhm(p.centroid);
    const double ratio = p.fwhm / expected;
    const double limit = m_known ? m_options.maxWidthRatio : 3.0 * m_options.maxWidthRatio;
    if (ratio > limit)
        return QStringLiteral("FWHM %1 channels is %2 times the detector's %3: a Compton edge or backscatter bump, "
                              "not a photopeak")
            .arg(p.fwhm, 0, 'f', 1).arg(ratio, 0, 'f', 1).arg(expected, 0, 'f', 1);
    // A Compton edge fitted as a peak: the continuum drops across the region by more than the peak's height.
    const double height = p.area / (1.0645 * std::max(p.fwhm, 1e-9));
    const double step = r.continuumAt(r.low) - r.continuumAt(r.high);
    if (m_known && ratio > 1.3 && step > height)
        return QStringLiteral("the continuum falls by %1 counts per channel across the region, more than the "
                              "peak height %2: the shape of a Compton edge, not a photopeak")
            .arg(step, 0, 'f', 0).arg(height, 0, 'f', 0);
    return {};
}

} // namespace photopeak
