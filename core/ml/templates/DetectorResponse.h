// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "peaks/EfficiencyCurve.h"
#include "peaks/Nuclide.h"
#include "peaks/ResolutionModel.h"
#include "spectrum/EnergyGrid.h"
#include "util/Result.h"

#include <QString>

#include <vector>

namespace photopeak {

// How a detector turns one gamma line into counts: a Gaussian full-energy peak of width FWHM(E), scaled by the
// relative full-energy efficiency, with a Compton continuum (flat up to the Compton edge, edge smeared by the
// resolution, multiple-scatter plateau between edge and line), a backscatter peak and, above the pair
// threshold, single and double escape peaks. Continuum and backscatter areas are ratios to the full-energy
// peak at knots in energy, interpolated linearly in log E. A generic response per detector type gives every
// detector a start; `fitContinuum` replaces the ratios by those measured on the detector's own single-source
// spectra.
class DetectorResponse {
public:
    enum class Type { HPGe, NaI, CsI, LaBr, Xenon };

    static DetectorResponse generic(Type type);
    static Result<Type> typeFromName(const QString &name);  // hpge, nai, csi, labr, xenon/xgd
    static QString typeName(Type type);

    // One measured single-source spectrum, net of background: rate per grid bin and its variance.
    struct Measured {
        const Nuclide *nuclide = nullptr;
        std::vector<double> netRate;
        std::vector<double> variance;
        // Lines below this are not used for the efficiency shape (natural lines of a background spectrum: the
        // low-energy X-rays come from the shielding as well, not only from the chain).
        double minEnergyKeV = 0.0;
        // A spectrum of several nuclides of unknown activity ratio (a background: the natural chains): when not
        // empty, the lines of all components (and of `otherLinesKeV`, e.g. annihilation) are measured together,
        // and each line group of a single component informs the shape with that component's own activity;
        // groups shared by components are not used. `nuclide` is then ignored.
        std::vector<const Nuclide *> components;
        std::vector<double> otherLinesKeV;
    };
    // Least-squares (non-negative) fit of photopeak, continuum and backscatter amplitudes per spectrum; the
    // ratios at each knot are the amplitude-weighted means over the spectra whose lines reach that knot.
    // Knots without support keep their value. Returns how many spectra were used.
    Result<int> fitContinuum(const std::vector<Measured> &spectra, const EnergyGrid &grid);
    // Relative full-energy efficiency shape from the detector's own spectra of known content (single sources,
    // or the natural chains of a background; activities unknown): the net area of every library line group of
    // each spectrum (ActivityEstimator::measure) is activity x intensity x efficiency(E). ln eff is a polynomial
    // in ln(E / 500 keV) of degree 2 plus an absorption term (see efficiencyParams), fitted together with one
    // activity per spectrum by weighted least squares on the clearly measured areas (5 sigma, 50 keV and up),
    // with a weak prior on the curvature and a knee prior on the absorption (maximum near 100 keV unless lines
    // there say otherwise). Only line ratios within a spectrum inform the shape. Replaces `efficiency`. Returns
    // the lines used.
    Result<int> fitEfficiency(const std::vector<Measured> &spectra, const EnergyGrid &grid);

    double efficiencyShape(double energyKeV) const;  // relative; the curve when set, else a generic shape
    double comptonRatio(double energyKeV) const;
    double backscatterRatio(double energyKeV) const;
    double escapeRatio(double energyKeV) const;
    // Adds weight x the response to a line at energyKeV (unit full-energy area) to `out` (counts per bin).
    // The parts can go to separate outputs (for fitting); nullptr skips a part.
    void addLine(double energyKeV, double weight, const EnergyGrid &grid, std::vector<double> *peak,
                 std::vector<double> *continuum, std::vector<double> *backscatter) const;
    // Response to a whole nuclide (lines x intensity x efficiency), counts per bin per decay (relative units).
    std::vector<double> nuclideTemplate(const Nuclide &nuclide, const EnergyGrid &grid, double minIntensity = 0.001) const;
    QString describe() const;

    Type type = Type::NaI;
    ResolutionModel resolution;
    EfficiencyCurve efficiency;        // optional
    // Fitted relative shape (fitEfficiency): ln eff = p1 x + p2 x^2 + q (100 keV / E)^3, x = ln(E / 500 keV);
    // empty = not fitted. Takes precedence over `efficiency`.
    std::vector<double> efficiencyParams;
    std::vector<double> efficiencyCovariance;  // 3 x 3 of efficiencyParams (fitted shape only)
    // Standard deviation of ln eff(E) - ln eff(reference) from the fitted shape's covariance (0 when the shape
    // was not fitted): large where the efficiency is extrapolated far from the reference.
    double efficiencyLogUncertainty(double energyKeV, double referenceKeV = 500.0) const;
    std::vector<double> knotsKeV;      // continuum knots
    std::vector<double> compton;       // continuum area / full-energy area at each knot
    std::vector<double> backscatter;   // backscatter area / full-energy area at each knot
    double escape = 0.0;               // escape peak share (each) at 2 MeV and above
    double lowCutoffKeV = 25.0;        // entrance window / threshold: efficiency falls below this

private:
    double interpolate(const std::vector<double> &values, double energyKeV) const;
    std::vector<double> knotWeights(double energyKeV) const;
};

} // namespace photopeak
