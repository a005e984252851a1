// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "peaks/Nuclide.h"
#include "peaks/PeakRegion.h"
#include "peaks/RoiIntegral.h"
#include "plot/SpectrumAnnotations.h"

#include <QColor>
#include <QCoreApplication>

#include <vector>

class QCustomPlot;

namespace photopeak::ui {

// What the analyst put on the front spectrum by hand, drawn over it: the peak list (fit curves, a marker
// and energy label per peak, the selected one highlighted), the ROIs (shaded, with their continuum line)
// and reference nuclides picked in the nuclide picker (each in its colour, with single/double escape and
// sum lines where they apply). Items are tagged like SpectrumAnnotations', so its clear() removes them.
struct InteractiveOverlay {
    Q_DECLARE_TR_FUNCTIONS(photopeak::ui::InteractiveOverlay)
public:
    struct Reference {
        Nuclide nuclide;
        QColor color;
    };

    std::vector<PeakRegion> regions;  // channel domain
    int selectedPeak = -1;            // index over all peaks in region order
    bool showPeaks = true;
    std::vector<RoiIntegral> rois;
    int selectedRoi = -1;
    std::vector<Reference> references;
    bool escapeAndSumLines = true;

    void draw(QCustomPlot *plot, const SpectrumAnnotations::Frame &frame) const;

    // Escape lines (E - 511, E - 1022 keV for lines above 1022 keV) and the sum of the two strongest
    // gamma lines, as a pseudo-nuclide named "<name> esc/sum"; no lines when none apply.
    static Nuclide escapeAndSum(const Nuclide &nuclide);
    // Distinct colours for picked reference nuclides.
    static QColor referenceColor(int index);
};

} // namespace photopeak::ui
