// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "analysis/SpectrumAnalysis.h"
#include "peaks/PeakAnalysis.h"
#include "peaks/ResolutionModel.h"
#include "plot/SpectrumAnnotations.h"
#include "plot/PlotOptions.h"
#include "spectrum/Spectrum.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QImage>
#include <QPointF>
#include <QRect>
#include <QSize>
#include <QString>
#include <QStringList>

#include <memory>

class QCustomPlot;
class QPainter;

namespace photopeak {
class LatentAnalyser;
class LatentModel;
class NuclideLibrary;
}

namespace photopeak::ui {

// One PNG report page per spectrum: title, the annotated spectrum (SpectrumPlotter + SpectrumAnnotations on
// an offscreen QCustomPlot that is never shown, so the page shows what the view shows), the results table
// (decision, source probability, per-isotope probability, activity or MDA, unknown flag, problems), the
// header fields, the model used and the date. Widgets are involved: use it in the GUI thread only.
class ReportRenderer {
    Q_DECLARE_TR_FUNCTIONS(photopeak::ui::ReportRenderer)

public:
    struct Options {
        QSize size{1600, 1000};
        PlotOptions plot;                // log scale, energy axis, counts by default
        ResolutionModel resolution;      // FWHM(E) in keV for the shaded regions; invalid: from the fitted peaks
        double fixedHalfWidthKeV = 20.0; // shaded half width when no resolution is known at all
        double maxEnergyKeV = 3000.0;    // x axis ends here (or at a shaded line above it); 0 = whole spectrum
        QStringList markerNuclides;      // nuclides whose lines get markers (none by default)
        bool fittedPeaks = true;         // draw Input::peaks when given
        QDateTime date;                  // report date printed on the page; invalid = now
        // Set: each spectrum in the model's domain also gets its reconstruction by this latent model (the
        // Denoised view: original vs denoised with the cosine similarity) beside the annotated spectrum.
        std::shared_ptr<const LatentModel> latent;
    };

    struct Input {
        const Spectrum *spectrum = nullptr;          // required
        const SpectrumAnalysis *analysis = nullptr;  // null: the page says "not analysed"
        const PeakAnalysis *peaks = nullptr;         // fitted peaks to draw (optional)
        const Spectrum *background = nullptr;        // overlay scaled to live time (optional)
        QString title;                               // default: analysis file, else the spectrum's name
    };

    // `library` null: NuclideLibrary::loadDefault() (without it the isotope regions are not shaded).
    explicit ReportRenderer(Options options, std::shared_ptr<const NuclideLibrary> library = nullptr);
    ReportRenderer();  // default Options (an overload: GCC refuses `Options options = {}` inside the class)
    ~ReportRenderer();
    ReportRenderer(const ReportRenderer &) = delete;
    ReportRenderer &operator=(const ReportRenderer &) = delete;

    const Options &options() const { return m_options; }
    void setOptions(const Options &options) { m_options = options; }
    const NuclideLibrary *library() const { return m_library.get(); }
    QString libraryProblem() const { return m_libraryProblem; }

    // The page as an image of options().size (RGB32, white background); null when the size is empty or
    // there is no spectrum.
    QImage render(const Input &input);
    // The same page drawn onto any painter of options().size logical pixels (a PDF page), with the plot as
    // vector drawing commands instead of a pixmap.
    void paintVector(QPainter &painter, const Input &input);
    // render() written as PNG through writeFileAtomically (the old file stays until the new one is complete).
    Status save(const Input &input, const QString &path);

    // The offscreen plot of the last render, where it went on the page, and a plot coordinate (key, value)
    // mapped to page pixels (for tests and image maps).
    QCustomPlot *plot() const { return m_plot.get(); }
    QRect plotRect() const { return m_plotRect; }
    QPointF pagePoint(double key, double value) const;
    // Shaded half widths follow this model: options().resolution, or one fitted on the peaks.
    ResolutionModel resolutionFor(const Input &input) const;

private:
    void paintPage(QPainter &painter, const Input &input);
    void drawPlot(QPainter &painter, const QRect &rect, const Input &input, double scale, QStringList *notes);
    // The latent model's denoised view of the spectrum into `rect`; false (and a note) when it cannot be drawn.
    bool canDrawDenoised(const Input &input, QStringList *notes) const;
    void drawDenoised(QPainter &painter, const QRect &rect, const Input &input, double scale);
    void limitEnergyRange(const SpectrumAnnotations::Frame &frame, const Input &input, QStringList *notes);
    void drawResults(QPainter &painter, const QRect &rect, const Input &input, double scale);
    void drawHeader(QPainter &painter, const QRect &rect, const Input &input, double scale);
    void drawModel(QPainter &painter, const QRect &rect, const Input &input, double scale, const QStringList &notes);

    Options m_options;
    std::shared_ptr<const NuclideLibrary> m_library;
    QString m_libraryProblem;
    std::unique_ptr<QCustomPlot> m_plot;
    std::unique_ptr<QCustomPlot> m_latentPlot;
    std::unique_ptr<LatentAnalyser> m_latentAnalyser;  // for m_options.latent (rebuilt when it changes)
    const LatentModel *m_latentAnalysed = nullptr;
    QRect m_plotRect;
    QSize m_plotLogicalSize;
    bool m_vectorPlot = false;
};

} // namespace photopeak::ui
