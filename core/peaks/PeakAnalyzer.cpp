// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "peaks/PeakAnalyzer.h"

#include <algorithm>
#include <cmath>

namespace photopeak {

PeakAnalysis PeakAnalyzer::run(const Spectrum &s) const
{
    PeakAnalysis out;
    const int n = s.channelCount();
    if (n < 16)
        return out;
    const bool calibrated = s.calibration.isValid(n);
    PeakSearch::Options so;
    so.minSignificance = m_options.searchSignificance;
    so.firstChannel = m_options.firstChannel;
    so.lastChannel = n;
    if (calibrated) {
        so.firstChannel = std::max(1, static_cast<int>(std::ceil(s.calibration.channelAt(m_options.minEnergyKeV, n))));
        if (m_options.maxEnergyKeV < s.calibration.energyAt(n))
            so.lastChannel = static_cast<int>(s.calibration.channelAt(m_options.maxEnergyKeV, n));
    }
    PeakSearch::FwhmFunction width = PeakSearch::sqrtWidth(m_options.widthGuess);
    if (calibrated && m_options.resolution.isValid()) {
        const ResolutionModel res = m_options.resolution;
        const EnergyCalibration cal = s.calibration;
        width = [res, cal](double ch) { return std::max(1.5, res.fwhmChannels(ch, cal)); };
    }
    PeakFit::Options fo;
    fo.continuumDegree = m_options.continuumDegree;
    const PeakFit fit(fo);
    for (int round = 0; round < 2; ++round) {
        const PeakSearch search(so);
        out.candidates = search.find(s.counts, width);
        out.regions = fit.fitCandidates(s.counts, out.candidates, m_options.keepSignificance);
        // FWHM(channel) from the clear, isolated peaks.
        std::vector<ResolutionModel::Point> pts;
        for (const auto &r : out.regions)
            for (const auto &p : r.peaks)
                if (r.peaks.size() == 1 && p.significance() >= 8.0 && p.fwhmUnc > 0.0)
                    pts.push_back({p.centroid, p.fwhm, p.fwhmUnc});
        if (pts.size() < 2)
            break;
        out.channelResolution = ResolutionModel::fit(pts, std::min<int>(3, static_cast<int>(pts.size()) - 1));
        if (!out.channelResolution.isValid())
            break;
        const ResolutionModel res = out.channelResolution;
        width = [res](double ch) { return std::max(1.5, res.fwhmKeV(ch)); };
    }
    if (calibrated) {
        PeakFit::applyCalibration(out.regions, s.calibration, n);
        out.calibrated = true;
    }
    for (const auto &r : out.regions)
        out.peaks.insert(out.peaks.end(), r.peaks.begin(), r.peaks.end());
    std::sort(out.peaks.begin(), out.peaks.end(), [](const auto &a, const auto &b) { return a.centroid < b.centroid; });
    return out;
}

} // namespace photopeak
