// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "plot/InteractiveOverlay.h"

#include "bench/BenchLocale.h"
#include "peaks/PeakAnalysis.h"

#include <QLocale>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace photopeak::ui {

namespace {
// The same tag as SpectrumAnnotations' items: SpectrumAnnotations::clear() removes ours too.
template <typename T>
T *tagged(T *object)
{
    object->setProperty("photopeakAnnotation", true);
    object->setLayer(SpectrumAnnotations::markerLayer());
    object->setClipToAxisRect(true);
    return object;
}

void drawRoi(QCustomPlot *plot, const SpectrumAnnotations::Frame &frame, const RoiIntegral &roi, bool selected)
{
    const double k0 = SpectrumAnnotations::keyForChannel(frame, roi.low);
    const double k1 = SpectrumAnnotations::keyForChannel(frame, roi.high);
    if (!std::isfinite(k0) || !std::isfinite(k1))
        return;
    auto *band = tagged(new QCPItemRect(plot));
    band->setLayer(SpectrumAnnotations::shadingLayer());
    band->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    band->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    band->topLeft->setCoords(k0, 0.0);
    band->bottomRight->setCoords(k1, 1.0);
    const QColor green(0x20, 0x90, 0x40);
    QColor fill = green;
    fill.setAlpha(selected ? 55 : 28);
    band->setBrush(fill);
    band->setPen(QPen(green, selected ? 1.5 : 1.0, selected ? Qt::SolidLine : Qt::DotLine));
    // The continuum the net counts are taken above.
    const double scale = SpectrumAnnotations::valueScale(frame);
    auto *line = tagged(new QCPItemLine(plot));
    line->start->setCoords(k0, roi.leftLevel * scale);
    line->end->setCoords(k1, roi.rightLevel * scale);
    line->setPen(QPen(green.darker(130), 1.5));
}
} // namespace

QColor InteractiveOverlay::referenceColor(int index)
{
    static const QColor colors[] = {QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd), QColor(0x2c, 0xa0, 0x2c),
                                    QColor(0xe3, 0x77, 0xc2), QColor(0x8c, 0x56, 0x4b), QColor(0x17, 0xbe, 0xcf),
                                    QColor(0xbc, 0xbd, 0x22), QColor(0xff, 0x7f, 0x0e)};
    return colors[static_cast<size_t>(index) % std::size(colors)];
}

Nuclide InteractiveOverlay::escapeAndSum(const Nuclide &n)
{
    Nuclide out;
    out.name = n.name + QStringLiteral(" esc/sum");
    std::vector<GammaLine> gammas;
    for (const GammaLine &l : n.lines)
        if (l.kind == GammaLine::Kind::Gamma)
            gammas.push_back(l);
    std::sort(gammas.begin(), gammas.end(), [](const auto &a, const auto &b) { return a.intensity > b.intensity; });
    for (const GammaLine &l : gammas) {
        if (l.energyKeV <= 1100.0 || l.intensity < 0.05)
            continue;
        GammaLine se = l, de = l;
        se.energyKeV = l.energyKeV - 510.999;
        de.energyKeV = l.energyKeV - 1021.998;
        se.intensity = 0.5 * l.intensity;
        de.intensity = 0.25 * l.intensity;
        out.lines.push_back(se);
        out.lines.push_back(de);
    }
    // Coincidence sum of the two strongest lines, when both are strong (cascades such as Co-60's 2505 keV).
    if (gammas.size() >= 2 && gammas[1].intensity >= 0.3) {
        GammaLine sum = gammas[0];
        sum.energyKeV = gammas[0].energyKeV + gammas[1].energyKeV;
        sum.intensity = 0.1 * gammas[1].intensity;
        out.lines.push_back(sum);
    }
    std::sort(out.lines.begin(), out.lines.end(), [](const auto &a, const auto &b) { return a.energyKeV < b.energyKeV; });
    return out;
}

void InteractiveOverlay::draw(QCustomPlot *plot, const SpectrumAnnotations::Frame &frame) const
{
    if (!plot || !frame.spectrum || frame.spectrum->channelCount() == 0)
        return;
    QCPLayer *main = plot->layer(QStringLiteral("main"));
    if (!plot->layer(SpectrumAnnotations::shadingLayer()))
        plot->addLayer(SpectrumAnnotations::shadingLayer(), main, QCustomPlot::limBelow);
    if (!plot->layer(SpectrumAnnotations::markerLayer()))
        plot->addLayer(SpectrumAnnotations::markerLayer(), main, QCustomPlot::limAbove);
    for (size_t i = 0; i < rois.size(); ++i)
        drawRoi(plot, frame, rois[i], static_cast<int>(i) == selectedRoi);

    if (!references.empty()) {
        std::vector<const Nuclide *> nuclides;
        std::vector<Nuclide> extras;
        extras.reserve(references.size());
        SpectrumAnnotations::LineMarkerOptions o;
        for (const Reference &r : references) {
            nuclides.push_back(&r.nuclide);
            o.colors << r.color;
        }
        if (escapeAndSumLines)
            for (const Reference &r : references)
                if (Nuclide e = escapeAndSum(r.nuclide); !e.lines.empty()) {
                    extras.push_back(std::move(e));
                    nuclides.push_back(&extras.back());
                    o.colors << r.color.lighter(140);
                }
        o.minIntensity = 0.005;
        SpectrumAnnotations::addNuclideLines(plot, frame, nuclides, o);
    }

    if (!showPeaks || regions.empty())
        return;
    PeakAnalysis fit;
    fit.regions = regions;
    SpectrumAnnotations::addFittedPeaks(plot, frame, fit);
    const double scale = SpectrumAnnotations::valueScale(frame);
    const bool energy = frame.effective.energyAxis;
    const QLocale locale = benchLocale();
    int index = 0;
    for (const PeakRegion &r : regions)
        for (const FittedPeak &p : r.peaks) {
            const bool selected = index++ == selectedPeak;
            const double key = SpectrumAnnotations::keyForChannel(frame, p.centroid);
            if (!std::isfinite(key))
                continue;
            const double sigma = std::max(p.fwhm / 2.354820045, 1e-6);
            const double top = (r.continuumAt(p.centroid) + p.area / (sigma * 2.506628275)) * scale;
            auto *label = tagged(new QCPItemText(plot));
            label->position->setCoords(key, top);
            label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
            label->setPadding(QMargins(2, 0, 2, 2));
            const double e = energy ? key : p.centroid;
            label->setText(locale.toString(e, 'f', energy ? 1 : 0));
            label->setColor(selected ? QColor(0xc0, 0x20, 0x20) : QColor(0x10, 0x10, 0x10));
            QFont f = label->font();
            f.setPointSizeF(std::max(7.0, f.pointSizeF() - 1.0));
            f.setBold(selected);
            label->setFont(f);
            if (selected) {
                auto *marker = tagged(new QCPItemStraightLine(plot));
                marker->point1->setTypeY(QCPItemPosition::ptAxisRectRatio);
                marker->point2->setTypeY(QCPItemPosition::ptAxisRectRatio);
                marker->point1->setCoords(key, 0.0);
                marker->point2->setCoords(key, 1.0);
                marker->setPen(QPen(QColor(0xc0, 0x20, 0x20, 160), 1.2, Qt::DashLine));
            }
        }
}

} // namespace photopeak::ui
