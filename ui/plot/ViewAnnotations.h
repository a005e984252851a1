// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "analysis/SpectrumAnalysis.h"
#include "spectrum/Spectrum.h"

#include <memory>
#include <optional>

namespace photopeak {
class NuclideLibrary;
}

namespace photopeak::ui {

// What the spectrum view draws over the front spectrum besides the spectra themselves (SpectrumAnnotations
// does the drawing). The view keeps a copy; the background spectrum must outlive it (the dataset owns it).
struct ViewAnnotations {
    std::optional<SpectrumAnalysis> analysis;   // results of the front spectrum, if classified
    std::shared_ptr<const NuclideLibrary> library;
    const Spectrum *background = nullptr;       // overlay scaled by live time
    bool isotopes = true;      // identified isotopes shaded with opacity = probability, legend with activity
    bool infoBox = true;       // header of the front spectrum
    bool peaks = false;        // peaks found and fitted in the front spectrum
    bool nuclideLines = false; // library lines of the identified isotopes
};

} // namespace photopeak::ui
