// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "analysis/SpectrumAnalysis.h"
#include "peaks/Nuclide.h"
#include "peaks/PeakAnalysis.h"
#include "peaks/ResolutionModel.h"
#include "plot/PlotOptions.h"
#include "spectrum/Spectrum.h"

#include <QColor>
#include <QCoreApplication>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QCustomPlot;
class QCPCurve;
class QCPGraph;
class QCPItemText;

namespace photopeak {
class NuclideLibrary;
}

namespace photopeak::ui {

// Annotation layers on a QCustomPlot that SpectrumPlotter::draw has just drawn: nuclide line markers, fitted
// peaks, identified isotopes (shaded line regions and legend entries), a header info box and a background
// overlay. The view and PNG reports both use these, after draw(), with the options draw() actually used.
// Everything added is tagged, so clear() removes exactly the annotations (draw() itself only replaces graphs).
class SpectrumAnnotations {
    Q_DECLARE_TR_FUNCTIONS(photopeak::ui::SpectrumAnnotations)

public:
    // The spectrum the annotations belong to (its calibration maps keV to channels, its live time counts to
    // count rate) and the effective options of SpectrumPlotter::draw (Summary::effective).
    struct Frame {
        const Spectrum *spectrum = nullptr;
        PlotOptions effective;
    };

    struct LineMarkerOptions {
        double minIntensity = 0.01;       // photons per decay; weaker lines get no marker
        int maxLinesPerNuclide = 12;      // strongest first
        double minLabelRelIntensity = 0.1; // lines at least this fraction of the nuclide's strongest get a label
        QList<QColor> colors;             // per nuclide; missing: a neutral slate (isotope colours stay unambiguous)
    };

    struct IsotopeOptions {
        double minProbability = 0.05;     // findings below this are neither shaded nor listed
        double minLabelProbability = 0.25; // findings at least this probable get their name above the region
        ResolutionModel resolution;       // FWHM(E) in keV; invalid -> fixedHalfWidthKeV
        double fwhmFactor = 1.5;          // region = line +- fwhmFactor x FWHM
        double fixedHalfWidthKeV = 20.0;  // region half width without a resolution model
        int maxLinesPerIsotope = 6;       // main lines: strongest first ...
        double minRelIntensity = 0.1;     // ... at least this fraction of the strongest
        double maxAlpha = 0.5;            // opacity at probability 1 (the spectrum must stay readable)
    };

    // Removes every annotation this class added (items, curves, background graph, legend entries).
    static void clear(QCustomPlot *plot);

    // (a) Vertical markers at the nuclides' lines inside the drawn range, height growing with intensity,
    // labelled with the nuclide and energy (strongest first; a label that would touch one already placed in
    // the current key range is left out). Returns the number of markers.
    static int addNuclideLines(QCustomPlot *plot, const Frame &frame, const std::vector<const Nuclide *> &nuclides,
                               const LineMarkerOptions &options);
    static int addNuclideLines(QCustomPlot *plot, const Frame &frame, const std::vector<const Nuclide *> &nuclides);

    // (b) Fitted peaks: per region the model (continuum + Gaussians) and the continuum (dashed), as curves
    // that do not take part in SpectrumPlotter::fitValueAxis. Returns the number of regions drawn.
    static int addFittedPeaks(QCustomPlot *plot, const Frame &frame, const PeakAnalysis &peaks);

    // (c) Identified isotopes: for each finding with probability >= minProbability the regions around its
    // main lines, shaded in the isotope's colour with opacity proportional to the probability, and a legend
    // entry from legendText(). Returns the number of isotopes shown.
    static int addIsotopes(QCustomPlot *plot, const Frame &frame, const std::vector<IsotopeFinding> &isotopes,
                           const NuclideLibrary &library, const IsotopeOptions &options);
    static int addIsotopes(QCustomPlot *plot, const Frame &frame, const std::vector<IsotopeFinding> &isotopes,
                           const NuclideLibrary &library);

    // (d) Header info box (channels, live and real time, distance, calibration, start time), top right of
    // the axis rect and kept below the legend when the legend is visible.
    static QCPItemText *addInfoBox(QCustomPlot *plot, const Spectrum &spectrum);

    // (e) A background spectrum as a grey step line, scaled to the frame spectrum's live time (counts) or
    // divided by its own live time (count rate). Null when it cannot be drawn on this axis (no live time,
    // no calibration for an energy axis, different channel count on a channel axis).
    static QCPGraph *addBackground(QCustomPlot *plot, const Frame &frame, const Spectrum &background);

    // ---- Text and colour helpers (shared with reports) ----
    // "Cs137" -> "Caesium-137", "Tc99m" -> "Technetium-99m"; the input unchanged when it is no nuclide name.
    static QString isotopeName(const QString &label);
    // "97 %"; "< 1 %" and "> 99 %" at the ends.
    static QString formatProbability(double probability);
    // Bq, kBq, MBq or GBq so that the value is >= 1 in that unit; the value rounded to the uncertainty's
    // precision (one significant digit, two when it starts with 1): "104 ± 8 kBq", "1.25 ± 0.13 MBq".
    static QString formatActivity(double bq, std::optional<double> uncertaintyBq = std::nullopt);
    // "Caesium-137: 97 % ~104 ± 8 kBq" (activity only when present).
    static QString legendText(const IsotopeFinding &finding);
    // Colour of the index-th isotope of a model (stable for a model's label order, distinct from the
    // spectrum's own colour and from the grey background overlay).
    static QColor isotopeColor(int index);
    // Header fields in words: (title, value) pairs, value "—" when unknown.
    static QList<QPair<QString, QString>> headerFields(const Spectrum &spectrum);
    static QString calibrationText(const EnergyCalibration &calibration, int channels);

    // Plot key of an energy in this frame (keV or continuous channel); NaN when it cannot be placed.
    static double keyForEnergy(const Frame &frame, double energyKeV);
    // Plot key of a continuous channel coordinate in this frame; NaN when it cannot be placed.
    static double keyForChannel(const Frame &frame, double channel);
    // Factor from counts per channel to the plotted value (1, or 1 / live time for count rate).
    static double valueScale(const Frame &frame);

    // Names of the layers the annotations use (created on demand): shading below the spectra, the rest above.
    static const QString &shadingLayer();
    static const QString &markerLayer();
};

} // namespace photopeak::ui
