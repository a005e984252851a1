// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "analysis/LibraryEvidence.h"

#include "features/PreparedSpectrum.h"
#include "ml/templates/TemplateIdentifier.h"
#include "peaks/ClassicalIdentifier.h"
#include "peaks/PeakAnalyzer.h"
#include "spectrum/EnergyGrid.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace photopeak {

namespace {
constexpr double kRef = 661.657;
constexpr double kUnexplainedSignificance = 5.0;  // peaks listed as unexplained from this significance
constexpr int kListed = 5;                         // nuclides and unexplained peaks listed at most
constexpr double kSecondaryShare = 0.1;
// Natural background: chains and lines any spectrum may show (shielding X-rays, annihilation).
const char *const kNatural[] = {"K40", "Th232", "Ra226", "U238", "U235"};
const double kOtherLinesKeV[] = {72.80, 74.97, 84.94, 87.30, 510.999};  // Pb K X-rays, annihilation
} // namespace

bool LibraryEvidence::wanted(const SpectrumAnalysis &a)
{
    if (a.decision == SpectrumAnalysis::Decision::OutOfDomain)
        return true;
    return a.decision == SpectrumAnalysis::Decision::Source && a.reportedIsotopes().isEmpty();
}

DetectorResponse::Type LibraryEvidence::typeForResolution(double f)
{
    if (f < 0.012)
        return DetectorResponse::Type::HPGe;
    if (f < 0.025)
        return DetectorResponse::Type::Xenon;
    if (f < 0.045)
        return DetectorResponse::Type::LaBr;
    if (f < 0.075)
        return DetectorResponse::Type::NaI;
    return DetectorResponse::Type::CsI;
}

void LibraryEvidence::add(const Spectrum &s, const NuclideLibrary &library, const EfficiencyCurve &efficiency, SpectrumAnalysis &a)
{
    if (!wanted(a))
        return;
    const int n = s.channelCount();
    if (n < 16 || !s.calibration.isValid(n) || s.problems.has(SpectrumProblem::InvalidCalibration))
        return;
    if (!a.peaks)
        a.peaks = std::make_shared<const PeakAnalysis>(PeakAnalyzer().run(s));
    const PeakAnalysis &peaks = *a.peaks;
    // Another detector's efficiency curve says nothing about this one: the generic shape outside the domain.
    const EfficiencyCurve curve = a.outOfDomain ? EfficiencyCurve() : efficiency;
    const ResolutionModel resolution = ClassicalIdentifier::resolutionFor(peaks, curve);
    if (!resolution.isValid())
        return;
    const DetectorResponse::Type type = typeForResolution(resolution.fwhmKeV(kRef) / kRef);
    DetectorResponse response = DetectorResponse::generic(type);
    response.resolution = resolution;
    if (curve.isValid())
        response.efficiency = curve;
    const TemplateIdentifier identifier(library, response, EnergyGrid::fromCalibration(s.calibration, n));
    PreparedSpectrum prepared;
    prepared.counts = s.counts;
    for (double &c : prepared.counts)
        c = std::isfinite(c) ? std::max(c, 0.0) : 0.0;  // net (background-subtracted) files may hold negative counts
    prepared.liveTime = s.hasLiveTime() ? s.liveTime : 1.0;
    const auto all = identifier.identify(prepared);

    // Beside the first, nuclides with at least a tenth of its significance: a template's shape error leaves
    // residual structure in proportion to the signal (a 200-sigma Ba133 leaves 10-sigma "Tl201" at 167 keV).
    std::vector<TemplateIdentifier::Match> matches;
    for (const auto &m : all)
        if (matches.empty() || m.significance >= kSecondaryShare * matches.front().significance)
            matches.push_back(m);
    // The classical peak ranking beside them: the row's own, else one on the same peaks and resolution.
    QStringList ranking = a.peakNuclides;
    if (ranking.isEmpty() && peaks.calibrated) {
        ClassicalIdentifier classical(library, resolution, ClassicalIdentifier::Options());
        if (curve.isValid())
            classical.setEfficiency(curve);
        for (const NuclideMatch &m : classical.identify(peaks.peaks, &s))
            if (!m.background)
                ranking << QStringLiteral("%1 %2").arg(m.nuclide).arg(m.score, 0, 'f', 2);
    }
    auto rankingScore = [&](const QString &nuclide) -> QString {
        for (const QString &r : ranking)
            if (r.section(QLatin1Char(' '), 0, 0) == nuclide)
                return r.section(QLatin1Char(' '), 1, 1);
        return {};
    };
    // Nuclides the peak ranking confirms first, then the templates' alone (each group by significance).
    std::stable_partition(matches.begin(), matches.end(), [&](const auto &m) { return !rankingScore(m.nuclide).isEmpty(); });
    QStringList named;
    for (const auto &m : matches) {
        if (a.libraryNuclides.size() >= kListed)
            break;
        a.libraryNuclides << QStringLiteral("%1 %2").arg(m.nuclide).arg(m.significance, 0, 'f', 1);
        named << m.nuclide;
    }
    // Peaks nothing named explains: not within half a FWHM (+ 1 keV) of a line of a named nuclide (templates or
    // peak ranking), of the natural chains, the lead X-rays or annihilation.
    QStringList explainers = named;
    for (const QString &p : ranking)
        explainers << p.section(QLatin1Char(' '), 0, 0);
    for (const char *natural : kNatural)
        explainers << QLatin1String(natural);
    std::vector<double> lines(std::begin(kOtherLinesKeV), std::end(kOtherLinesKeV));
    for (const QString &name : explainers)
        if (const Nuclide *nuclide = library.find(name))
            for (const GammaLine &l : nuclide->lines)
                if (l.intensity >= 0.001)
                    lines.push_back(l.energyKeV);
    QStringList unexplained;
    for (const FittedPeak &p : peaks.peaks) {
        if (!peaks.calibrated || p.significance() < kUnexplainedSignificance || p.energyKeV < 30.0)
            continue;
        const double tolerance = 0.5 * resolution.fwhmKeV(p.energyKeV) + 1.0;
        const bool explained = std::any_of(lines.begin(), lines.end(), [&](double e) { return std::abs(e - p.energyKeV) <= tolerance; });
        if (!explained && unexplained.size() < kListed)
            unexplained << QStringLiteral("%1 keV (z %2)").arg(p.energyKeV, 0, 'f', 1).arg(p.significance(), 0, 'f', 0);
    }

    QStringList parts;
    parts << (a.outOfDomain ? QStringLiteral("out of the model's domain (%1)").arg(a.domainReason)
                            : QStringLiteral("the model finds a source but none of its isotopes"));
    const QString responseText = QStringLiteral("%1 response, FWHM %2 keV at 662 keV")
                                     .arg(DetectorResponse::typeName(type)).arg(resolution.fwhmKeV(kRef), 0, 'f', 1);
    QStringList namedText;
    for (const auto &m : matches) {
        if (namedText.size() >= kListed)
            break;
        const QString score = rankingScore(m.nuclide);
        namedText << QStringLiteral("%1 (z %2, %3)").arg(m.nuclide).arg(m.significance, 0, 'f', 1)
                         .arg(score.isEmpty() ? QStringLiteral("not in the peak ranking") : QStringLiteral("peak score %1").arg(score));
    }
    parts << (namedText.isEmpty() ? QStringLiteral("library templates (%1): no nuclide above 5 sigma").arg(responseText)
                                  : QStringLiteral("library templates (%1): %2").arg(responseText, namedText.join(QStringLiteral(", "))));
    parts << (ranking.isEmpty() ? QStringLiteral("peak ranking: none") : QStringLiteral("peak ranking: %1").arg(ranking.mid(0, 3).join(QStringLiteral(", "))));
    if (!unexplained.isEmpty())
        parts << QStringLiteral("unexplained peaks: %1").arg(unexplained.join(QStringLiteral(", ")));
    else if (named.isEmpty() && ranking.isEmpty())
        parts << QStringLiteral("unknown source: no nuclide of the library and no unexplained peak");
    a.evidence = parts.join(QStringLiteral("; "));
}

} // namespace photopeak
