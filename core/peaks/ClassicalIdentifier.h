// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "peaks/EfficiencyCurve.h"
#include "peaks/FittedPeak.h"
#include "peaks/NuclideLibrary.h"
#include "peaks/NuclideMatch.h"
#include "peaks/PeakAnalysis.h"
#include "peaks/ResolutionModel.h"
#include "spectrum/Spectrum.h"

#include <QSet>
#include <QStringList>

#include <vector>

namespace photopeak {

// Nuclides ranked from calibrated fitted peaks.
//
// Lines: a library line matches the nearest peak within matchFwhm x FWHM(E) plus a calibration allowance;
// lines closer than FWHM/2 form one group. Expected signal of a group = intensity x efficiency (the given
// curve, clamped below its first point; else a generic shape: flat below 120 keV, 1/E above). X-rays and
// lines below the trusted range (the curve's first point, or trustedFromKeV without a curve) are optional:
// credited when found, never required. 511 keV annihilation alone is accepted only when far above the
// natural-radiation level (annihilationAloneFactor x the significance of K40).
//
// Per nuclide: the expected signal is scaled to the matched peak areas (weighted least squares; a peak holding
// much more than expected, i.e. shared with other lines, is capped). Score = coverage x consistency x
// closeness x 2^-(missing lines):
//   coverage     found share of the expected signal that should be visible;
//   consistency  exp(-(chi2/ndf - 1)/4) of the line areas against the scaled expectation, with a relative
//                ratio tolerance (point-source curve, generic shape or natural background) for deficits and
//                at most 1 per line for excesses;
//   closeness    mean exp(-(d/window)^2/2) of the matches;
//   missing      each required line not found although the low end of its expectation exceeds the detection
//                limit at its energy (3 + 6 sqrt(B), B = counts within +-1.25 FWHM in the spectrum, or
//                interpolated from the peaks' continua without one) counts (expect/limit - 1)/2, at most 1.
// A nuclide needs one matched required line with a fitted significance >= minPeakSignificance.
//
// Ranking explains the peaks greedily: the nuclide with the largest score x evidence (evidence = combined
// significance of the peak area it explains) is taken first; its predicted areas are removed from the peaks it
// matched (a peak left with little is consumed, with the Compton backscatter peaks of its strong lines), and
// the others are evaluated again on what is left, so a peak is not claimed twice and a single-line nuclide
// sitting on a source's line falls out. Natural background (heads in `Options::background` with their library
// daughters; the daughters are not tried alone, Pb214/Bi214 come with Ra226) competes the same way, is flagged
// `background` and listed after the sources, unless its evidence exceeds elevatedFactor x that of K40 (ore,
// NORM, uranium reference material): then it is a source with a note.
class ClassicalIdentifier {
public:
    struct Options {
        double minIntensity = 0.005;        // lines weaker than this (photons per decay) are ignored
        double backgroundMinIntensity = 0.002;  // the same for natural background chains
        double matchFwhm = 0.5;             // match window half-width in FWHM(E)
        double calibrationSlack = 0.002;    // plus this fraction of E (header calibrations drift)
        double minEnergyKeV = 30.0;
        double maxEnergyKeV = 3000.0;       // also limited to the spectrum's range when one is given
        double trustedFromKeV = 60.0;       // without an efficiency curve, lines below are optional
        double minPeakSignificance = 4.0;   // a nuclide needs one matched peak at least this significant
        double minLineSignificance = 2.0;   // weaker peaks are not matched at all
        // A 511 keV peak alone identifies a positron emitter only above this factor x the significance of K40
        // in the spectrum (natural radiation, which brings annihilation from pair production), or x
        // minPeakSignificance without K40.
        double annihilationAloneFactor = 2.0;
        double minScore = 0.3;
        double ratioTolerance = 0.3;        // relative allowance of each expected line area (with a curve)
        double shapeTolerance = 0.5;        // the same without a curve (generic efficiency shape)
        double backgroundTolerance = 0.6;   // the same for natural background (not a point source)
        double elevatedFactor = 4.0;        // a chain this many times stronger (evidence) than K40 is a source
        // Single and double escape peaks of lines above 1.12 MeV, optional lines with this share of the
        // full-energy line at 2.02 MeV and above (rising from 0 at the pair threshold; 0 = none).
        double escapeFraction = 0.1;
        bool backgroundFirst = true;        // natural chains explain their peaks before any source
        // Nuclides of these library categories, rare outside reactors and accelerators, are not named from one
        // line when the library predicts another required line at least secondLineShare as strong that was
        // not found (too weak to be missed for sure, too strong to be ignored).
        QStringList rareCategories{QStringLiteral("activation"), QStringLiteral("fission")};
        double secondLineShare = 0.3;
        // A peak wider than this factor x FWHM(E) matches no required line (0 = no limit).
        double broadPeakFactor = 2.0;
        QStringList candidates;             // empty = every nuclide of the library except background chain members
        // Natural background heads; their library daughters are flagged too and, unless named in `candidates`,
        // not tried alone (Pb214 and Bi214 come with Ra226). Empty list = no background flagging.
        QStringList background{QStringLiteral("K40"), QStringLiteral("Th232"), QStringLiteral("U238"),
                               QStringLiteral("U234"), QStringLiteral("Th230"), QStringLiteral("Ra226"),
                               QStringLiteral("U235")};
    };

    ClassicalIdentifier(const NuclideLibrary &library, ResolutionModel resolution, Options options);
    ClassicalIdentifier(const NuclideLibrary &library, ResolutionModel resolution);
    void setEfficiency(const EfficiencyCurve &curve) { m_eff = curve; }

    // Ranked matches: sources first (in the order they were explained), then background nuclides.
    // `spectrum` (calibrated, the one the peaks come from) gives the detection limits of missing lines.
    std::vector<NuclideMatch> identify(const std::vector<FittedPeak> &peaks, const Spectrum *spectrum = nullptr) const;
    // One nuclide against all peaks, without the greedy explanation.
    NuclideMatch evaluate(const Nuclide &nuclide, const std::vector<FittedPeak> &peaks, const Spectrum *spectrum = nullptr) const;
    bool isBackground(const QString &nuclide) const { return m_background.contains(nuclide); }

    // Resolution for identification: the curve's (when given and valid), else fitted on the clear single
    // peaks (z >= 8) of this analysis, else on all peaks with z >= 4 (quadratic term only with five points
    // spanning a factor 4 in energy), else 2.5 % at 662 keV.
    static ResolutionModel resolutionFor(const PeakAnalysis &analysis, const EfficiencyCurve &curve);

private:
    struct Detail;
    // `natural`: per peak, claimed in part by a natural chain already (no evidence for a rare nuclide).
    Detail evaluateDetail(const Nuclide &nuclide, const std::vector<FittedPeak> &peaks, const Spectrum *spectrum,
                          double annihilationNeeded, const std::vector<bool> *natural = nullptr) const;
    double annihilationThreshold(const std::vector<FittedPeak> &peaks, const Spectrum *spectrum) const;
    double efficiencyShape(double energyKeV) const;
    double trustedFrom() const;
    double detectionLimit(double energyKeV, const std::vector<FittedPeak> &peaks, const Spectrum *spectrum) const;

    const NuclideLibrary &m_lib;
    ResolutionModel m_res;
    Options m_options;
    EfficiencyCurve m_eff;
    QSet<QString> m_background;         // heads and their daughters
    QSet<QString> m_backgroundMembers;  // daughters only: not candidates of their own unless asked for
    QSet<QString> m_shortLivedDaughters; // daughters living < 1 h: never without their parent
};

} // namespace photopeak
