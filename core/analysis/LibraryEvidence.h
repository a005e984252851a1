// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "analysis/SpectrumAnalysis.h"
#include "ml/templates/DetectorResponse.h"
#include "peaks/EfficiencyCurve.h"
#include "peaks/NuclideLibrary.h"
#include "spectrum/Spectrum.h"

namespace photopeak {

// Library evidence for the rows a trained model cannot speak for: spectra out of its domain (another detector,
// another binning) and spectra it calls "Source" without naming any of its isotopes. The library templates
// (TemplateIdentifier with the generic response of the detector type the spectrum's own resolution points to, on
// the spectrum's own channels, natural chains as nuisance) name nuclides with their significance; the classical
// peak ranking (SpectrumAnalysis::peakNuclides) is quoted beside them, and significant peaks that no named or
// natural nuclide explains are listed. Fills SpectrumAnalysis::libraryNuclides and ::evidence; stateless.
class LibraryEvidence {
public:
    // Out of the model's domain, or "Source" with no reported isotope (and readable, calibrated counts).
    static bool wanted(const SpectrumAnalysis &analysis);
    // Adds the evidence to `analysis` when wanted (fits the peaks when the row has none yet). `efficiency` may be
    // invalid (the generic shape of the detector type then).
    static void add(const Spectrum &spectrum, const NuclideLibrary &library, const EfficiencyCurve &efficiency,
                    SpectrumAnalysis &analysis);
    // Detector type for a relative resolution (FWHM / E) at 662 keV: HPGe below 1.2 %, xenon below 2.5 %, LaBr
    // below 4.5 %, NaI below 7.5 %, else CsI.
    static DetectorResponse::Type typeForResolution(double fwhmFractionAt662);
};

} // namespace photopeak
