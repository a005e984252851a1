#pragma once

#include "peaks/EfficiencyCurve.h"
#include "peaks/FittedPeak.h"
#include "peaks/NuclideLibrary.h"
#include "peaks/NuclideMatch.h"
#include "peaks/ResolutionModel.h"

#include <QStringList>

#include <vector>

namespace photopeak {

// Nuclides ranked from calibrated fitted peaks: a library line matches a peak within matchFwhm x FWHM(E);
// the expected signal of each line is intensity x efficiency (a 1/E shape when no curve is given), scaled to
// the matched peaks by least squares. Score = share of the expected signal that was found (lines predicted
// to be clearly visible but missing count against it) x exp(-(chi2/ndf - 1)/2) for the line-ratio
// consistency, halved when the strongest expected line is missing.
class ClassicalIdentifier {
public:
    struct Options {
        double minIntensity = 0.02;
        double matchFwhm = 1.0;
        double minEnergyKeV = 40.0;
        double maxEnergyKeV = 3000.0;
        double minPeakSignificance = 4.0;
        double minScore = 0.3;
        double ratioTolerance = 0.15;  // relative systematic allowance of each expected line area
        QStringList candidates;        // empty = every nuclide of the library
    };

    ClassicalIdentifier(const NuclideLibrary &library, ResolutionModel resolution, Options options);
    ClassicalIdentifier(const NuclideLibrary &library, ResolutionModel resolution);
    void setEfficiency(const EfficiencyCurve &curve) { m_eff = curve; }

    std::vector<NuclideMatch> identify(const std::vector<FittedPeak> &peaks) const;
    NuclideMatch evaluate(const Nuclide &nuclide, const std::vector<FittedPeak> &peaks) const;

private:
    const NuclideLibrary &m_lib;
    ResolutionModel m_res;
    Options m_options;
    EfficiencyCurve m_eff;
};

} // namespace photopeak
