// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "plot/SpectrumAnnotations.h"

#include "peaks/NuclideLibrary.h"
#include "plot/SpectrumPlotter.h"

#include <QFontMetrics>
#include <QGuiApplication>
#include <QLocale>
#include <QPointer>
#include <QRegularExpression>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace photopeak::ui {

namespace {
const char *const kTag = "photopeakAnnotation";
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

template <typename T>
T *tagged(T *object)
{
    object->setProperty(kTag, true);
    return object;
}

bool isTagged(const QObject *object) { return object && object->property(kTag).toBool(); }

QFont annotationFont(qreal pointSizeDelta, bool bold = false)
{
    QFont f = QGuiApplication::font();
    f.setPointSizeF(std::max<qreal>(6.5, f.pointSizeF() + pointSizeDelta));
    f.setBold(bold);
    return f;
}

void ensureLayers(QCustomPlot *plot)
{
    QCPLayer *main = plot->layer(QStringLiteral("main"));
    if (!plot->layer(SpectrumAnnotations::shadingLayer()))
        plot->addLayer(SpectrumAnnotations::shadingLayer(), main, QCustomPlot::limBelow);
    if (!plot->layer(SpectrumAnnotations::markerLayer()))
        plot->addLayer(SpectrumAnnotations::markerLayer(), main, QCustomPlot::limAbove);
}

// A legend row with a filled swatch instead of a plottable's icon (identified isotopes).
class SwatchLegendItem : public QCPAbstractLegendItem {
public:
    SwatchLegendItem(QCPLegend *legend, const QColor &fill, const QColor &border, const QString &text)
        : QCPAbstractLegendItem(legend), m_fill(fill), m_border(border), m_text(text)
    {
        setProperty(kTag, true);
    }
    QString text() const { return m_text; }

protected:
    void draw(QCPPainter *painter) override
    {
        const QSize icon = mParentLegend->iconSize();
        painter->setFont(mFont);
        const QRect textBox = painter->fontMetrics().boundingRect(0, 0, 0, icon.height(), Qt::TextDontClip, m_text);
        const int rowHeight = std::max(textBox.height(), icon.height());
        const int textX = mRect.x() + icon.width() + mParentLegend->iconTextPadding();
        painter->setPen(mTextColor);
        painter->drawText(textX, mRect.y(), textBox.width(), rowHeight, Qt::TextDontClip | Qt::AlignVCenter, m_text);
        const QRect iconRect(mRect.x(), mRect.y() + (rowHeight - icon.height()) / 2, icon.width(), icon.height());
        const QRect swatch = iconRect.adjusted(2, 2, -2, -2);
        painter->setPen(QPen(m_border, 1.5));
        painter->setBrush(m_fill);
        painter->drawRect(swatch);
    }
    QSize minimumOuterSizeHint() const override
    {
        const QSize icon = mParentLegend->iconSize();
        const QRect textBox = QFontMetrics(mFont).boundingRect(0, 0, 0, icon.height(), Qt::TextDontClip, m_text);
        return QSize(icon.width() + mParentLegend->iconTextPadding() + textBox.width() + mMargins.left() + mMargins.right(),
                     std::max(textBox.height(), icon.height()) + mMargins.top() + mMargins.bottom());
    }

private:
    QColor m_fill, m_border;
    QString m_text;
};

double energyMin(const Spectrum &s) { return s.calibration.energyAt(0); }
double energyMax(const Spectrum &s) { return s.calibration.energyAt(s.channelCount()); }

bool hasValidCalibration(const Spectrum *s)
{
    return s && s->channelCount() > 0 && s->calibration.isValid(s->channelCount());
}

QString shortNuclideName(const QString &name)
{
    // "Cs137" -> "Cs-137" for compact labels.
    static const QRegularExpression re(QStringLiteral("^([A-Z][a-z]?)(\\d+m?)$"));
    const auto m = re.match(name);
    return m.hasMatch() ? m.captured(1) + QLatin1Char('-') + m.captured(2) : name;
}

struct Element {
    const char *symbol;
    const char *name;
};

// Elements of the nuclides a gamma workstation meets (library, check sources, NORM, medical, industrial).
const Element kElements[] = {
    {"H", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Hydrogen")},
    {"Be", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Beryllium")},
    {"C", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Carbon")},
    {"N", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Nitrogen")},
    {"O", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Oxygen")},
    {"F", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Fluorine")},
    {"Na", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Sodium")},
    {"P", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Phosphorus")},
    {"K", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Potassium")},
    {"Sc", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Scandium")},
    {"Cr", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Chromium")},
    {"Mn", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Manganese")},
    {"Fe", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Iron")},
    {"Co", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Cobalt")},
    {"Ni", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Nickel")},
    {"Cu", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Copper")},
    {"Zn", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Zinc")},
    {"Ga", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Gallium")},
    {"Ge", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Germanium")},
    {"Se", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Selenium")},
    {"Kr", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Krypton")},
    {"Rb", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Rubidium")},
    {"Sr", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Strontium")},
    {"Y", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Yttrium")},
    {"Zr", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Zirconium")},
    {"Nb", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Niobium")},
    {"Mo", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Molybdenum")},
    {"Tc", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Technetium")},
    {"Ru", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Ruthenium")},
    {"Ag", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Silver")},
    {"Cd", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Cadmium")},
    {"In", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Indium")},
    {"Sn", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Tin")},
    {"Sb", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Antimony")},
    {"Te", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Tellurium")},
    {"I", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Iodine")},
    {"Xe", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Xenon")},
    {"Cs", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Caesium")},
    {"Ba", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Barium")},
    {"La", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Lanthanum")},
    {"Ce", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Cerium")},
    {"Pm", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Promethium")},
    {"Sm", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Samarium")},
    {"Eu", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Europium")},
    {"Gd", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Gadolinium")},
    {"Tb", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Terbium")},
    {"Ho", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Holmium")},
    {"Yb", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Ytterbium")},
    {"Lu", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Lutetium")},
    {"Hf", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Hafnium")},
    {"Ta", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Tantalum")},
    {"Ir", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Iridium")},
    {"Au", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Gold")},
    {"Hg", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Mercury")},
    {"Tl", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Thallium")},
    {"Pb", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Lead")},
    {"Bi", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Bismuth")},
    {"Po", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Polonium")},
    {"Rn", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Radon")},
    {"Ra", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Radium")},
    {"Ac", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Actinium")},
    {"Th", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Thorium")},
    {"Pa", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Protactinium")},
    {"U", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Uranium")},
    {"Np", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Neptunium")},
    {"Pu", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Plutonium")},
    {"Am", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Americium")},
    {"Cm", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Curium")},
    {"Cf", QT_TRANSLATE_NOOP("photopeak::ui::SpectrumAnnotations", "Californium")},
};

// Lines of a nuclide inside [lo, hi] keV, strongest first, at most `count`, each at least `minRel` of the
// strongest one in range and at least `minIntensity`.
std::vector<GammaLine> mainLines(const Nuclide &nuclide, double lo, double hi, int count, double minRel,
                                 double minIntensity)
{
    std::vector<GammaLine> lines = nuclide.linesIn(lo, hi, minIntensity);
    std::stable_sort(lines.begin(), lines.end(),
                     [](const GammaLine &a, const GammaLine &b) { return a.intensity > b.intensity; });
    if (lines.empty())
        return lines;
    const double strongest = lines.front().intensity;
    std::vector<GammaLine> out;
    for (const GammaLine &l : lines) {
        if (static_cast<int>(out.size()) >= count || l.intensity < minRel * strongest)
            break;
        out.push_back(l);
    }
    return out;
}
} // namespace

const QString &SpectrumAnnotations::shadingLayer()
{
    static const QString name = QStringLiteral("annotationShading");
    return name;
}

const QString &SpectrumAnnotations::markerLayer()
{
    static const QString name = QStringLiteral("annotations");
    return name;
}

void SpectrumAnnotations::clear(QCustomPlot *plot)
{
    if (!plot)
        return;
    for (int i = plot->itemCount() - 1; i >= 0; --i)
        if (isTagged(plot->item(i)))
            plot->removeItem(i);
    for (int i = plot->plottableCount() - 1; i >= 0; --i)
        if (isTagged(plot->plottable(i)))
            plot->removePlottable(i);
    if (QCPLegend *legend = plot->legend)
        for (int i = legend->itemCount() - 1; i >= 0; --i)
            if (isTagged(legend->item(i)))
                legend->removeItem(i);
}

// ---- Coordinates ----

double SpectrumAnnotations::valueScale(const Frame &frame)
{
    if (frame.effective.countRate && frame.spectrum && frame.spectrum->hasLiveTime())
        return 1.0 / frame.spectrum->liveTime;
    return 1.0;
}

double SpectrumAnnotations::keyForChannel(const Frame &frame, double channel)
{
    if (!frame.spectrum || !std::isfinite(channel))
        return kNaN;
    if (!frame.effective.energyAxis)
        return channel;
    if (!hasValidCalibration(frame.spectrum))
        return kNaN;
    return frame.spectrum->calibration.energyAt(channel);
}

double SpectrumAnnotations::keyForEnergy(const Frame &frame, double energyKeV)
{
    if (!hasValidCalibration(frame.spectrum) || !std::isfinite(energyKeV))
        return kNaN;
    if (frame.effective.energyAxis)
        return energyKeV;
    const Spectrum &s = *frame.spectrum;
    if (energyKeV < energyMin(s) || energyKeV > energyMax(s))
        return kNaN;
    return s.calibration.channelAt(energyKeV, s.channelCount());
}

// ---- (a) nuclide lines ----

int SpectrumAnnotations::addNuclideLines(QCustomPlot *plot, const Frame &frame, const std::vector<const Nuclide *> &nuclides)
{
    return addNuclideLines(plot, frame, nuclides, LineMarkerOptions{});
}

int SpectrumAnnotations::addNuclideLines(QCustomPlot *plot, const Frame &frame, const std::vector<const Nuclide *> &nuclides,
                                         const LineMarkerOptions &options)
{
    if (!plot || !hasValidCalibration(frame.spectrum))
        return 0;
    ensureLayers(plot);
    const double lo = energyMin(*frame.spectrum), hi = energyMax(*frame.spectrum);
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);  // "K-40 1460.8": labels stay short
    struct Label {
        double key, rel, top;
        QString text;
        QColor color;
    };
    std::vector<Label> labels;
    int added = 0;
    for (size_t n = 0; n < nuclides.size(); ++n) {
        const Nuclide *nuclide = nuclides[n];
        if (!nuclide)
            continue;
        const std::vector<GammaLine> lines =
            mainLines(*nuclide, lo, hi, options.maxLinesPerNuclide, 0.0, options.minIntensity);
        if (lines.empty())
            continue;
        const double strongest = lines.front().intensity;
        const QColor color = static_cast<qsizetype>(n) < options.colors.size() && options.colors[static_cast<qsizetype>(n)].isValid()
                                 ? options.colors[static_cast<qsizetype>(n)]
                                 : QColor(0x4a, 0x55, 0x68);
        for (const GammaLine &line : lines) {
            const double key = keyForEnergy(frame, line.energyKeV);
            if (!std::isfinite(key))
                continue;
            const double rel = std::clamp(line.intensity / strongest, 0.0, 1.0);
            const double top = 1.0 - (0.15 + 0.5 * std::sqrt(rel));  // axis rect ratio, 0 = top
            auto *marker = tagged(new QCPItemLine(plot));
            marker->setLayer(markerLayer());
            marker->start->setTypeX(QCPItemPosition::ptPlotCoords);
            marker->start->setTypeY(QCPItemPosition::ptAxisRectRatio);
            marker->end->setTypeX(QCPItemPosition::ptPlotCoords);
            marker->end->setTypeY(QCPItemPosition::ptAxisRectRatio);
            marker->start->setCoords(key, 1.0);
            marker->end->setCoords(key, top);
            QColor pen = color;
            pen.setAlphaF(0.45 + 0.5 * rel);
            marker->setPen(QPen(pen, rel >= 0.5 ? 1.6 : 1.0, Qt::DashLine));
            marker->setClipToAxisRect(true);
            ++added;
            if (rel >= options.minLabelRelIntensity)
                labels.push_back({key, rel, top,
                                  tr("%1 %2").arg(shortNuclideName(nuclide->name), locale.toString(line.energyKeV, 'f', 1)),
                                  color});
        }
    }
    // Labels run upwards from the marker tops; the strongest lines keep theirs when two would touch (a rotated
    // label is about one text line wide: ~1.5 % of a typical axis).
    std::stable_sort(labels.begin(), labels.end(), [](const Label &a, const Label &b) { return a.rel > b.rel; });
    const QCPRange range = plot->xAxis->range();
    std::vector<double> placed;
    for (const Label &l : labels) {
        const double f = range.size() > 0 ? (l.key - range.lower) / range.size() : 0.0;
        if (std::any_of(placed.begin(), placed.end(), [f](double g) { return std::abs(f - g) < 0.015; }))
            continue;
        placed.push_back(f);
        auto *label = tagged(new QCPItemText(plot));
        label->setLayer(markerLayer());
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(l.key, l.top - 0.01);
        label->setRotation(-90);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        label->setFont(annotationFont(-1.5));
        label->setColor(l.color.darker(130));
        label->setText(l.text);
        label->setClipToAxisRect(true);
    }
    plot->layer(markerLayer())->setVisible(true);
    return added;
}

// ---- (b) fitted peaks ----

int SpectrumAnnotations::addFittedPeaks(QCustomPlot *plot, const Frame &frame, const PeakAnalysis &peaks)
{
    if (!plot || !frame.spectrum || frame.spectrum->channelCount() == 0)
        return 0;
    ensureLayers(plot);
    const double scale = valueScale(frame);
    const bool log = frame.effective.logScale;
    const QColor modelColor(0x10, 0x10, 0x10);
    const QColor continuumColor(0x60, 0x60, 0x60);
    int drawn = 0;
    bool legendModel = false, legendContinuum = false;
    for (const PeakRegion &region : peaks.regions) {
        if (region.peaks.empty() || region.high <= region.low)
            continue;
        constexpr int kSamplesPerChannel = 6;
        const int samples = (region.high - region.low) * kSamplesPerChannel + 1;
        QVector<double> keys, model, continuum;
        keys.reserve(samples);
        model.reserve(samples);
        continuum.reserve(samples);
        for (int i = 0; i < samples; ++i) {
            const double x = region.low + static_cast<double>(i) / kSamplesPerChannel;
            const double key = keyForChannel(frame, x);
            if (!std::isfinite(key))
                continue;
            // Counts per channel at continuous channel x (channel i covers [i, i + 1), its value sits at i + 0.5):
            // the continuum polynomial in x and the Gaussian densities.
            const double c = region.continuumAt(x);
            double g = 0.0;
            for (const FittedPeak &p : region.peaks) {
                const double sigma = p.fwhm / 2.354820045;
                if (sigma <= 0)
                    continue;
                const double u = (x - p.centroid) / sigma;
                g += p.area / (sigma * 2.506628275) * std::exp(-0.5 * u * u);
            }
            const double vm = (c + g) * scale, vc = c * scale;
            keys << key;
            model << (log && vm <= 0 ? kNaN : vm);
            continuum << (log && vc <= 0 ? kNaN : vc);
        }
        if (keys.size() < 2)
            continue;
        auto *cont = tagged(new QCPCurve(plot->xAxis, plot->yAxis));
        cont->setLayer(markerLayer());
        cont->setData(keys, continuum);
        cont->setPen(QPen(continuumColor, 1.2, Qt::DashLine));
        cont->setName(tr("Continuum"));
        if (legendContinuum)
            cont->removeFromLegend();
        legendContinuum = true;
        auto *curve = tagged(new QCPCurve(plot->xAxis, plot->yAxis));
        curve->setLayer(markerLayer());
        curve->setData(keys, model);
        curve->setPen(QPen(modelColor, 1.6));
        curve->setAntialiased(true);
        curve->setName(tr("Peak fit"));
        if (legendModel)
            curve->removeFromLegend();
        legendModel = true;
        ++drawn;
    }
    return drawn;
}

// ---- (c) identified isotopes ----

int SpectrumAnnotations::addIsotopes(QCustomPlot *plot, const Frame &frame, const std::vector<IsotopeFinding> &isotopes,
                                     const NuclideLibrary &library)
{
    return addIsotopes(plot, frame, isotopes, library, IsotopeOptions{});
}

int SpectrumAnnotations::addIsotopes(QCustomPlot *plot, const Frame &frame, const std::vector<IsotopeFinding> &isotopes,
                                     const NuclideLibrary &library, const IsotopeOptions &options)
{
    if (!plot)
        return 0;
    ensureLayers(plot);
    const bool placeable = hasValidCalibration(frame.spectrum);
    const double lo = placeable ? energyMin(*frame.spectrum) : 0.0;
    const double hi = placeable ? energyMax(*frame.spectrum) : 0.0;
    struct Label {
        double key;
        QString text;
        QColor color;
    };
    std::vector<Label> labels;
    int shown = 0;
    for (size_t i = 0; i < isotopes.size(); ++i) {
        const IsotopeFinding &finding = isotopes[i];
        const double p = std::clamp(finding.probability, 0.0, 1.0);
        if (!(p >= options.minProbability))
            continue;
        const QColor color = isotopeColor(static_cast<int>(i));
        QColor fill = color;
        fill.setAlphaF(std::clamp(p * options.maxAlpha, 0.0, 1.0));

        if (const Nuclide *nuclide = placeable ? library.find(finding.isotope) : nullptr) {
            // Intervals around the main lines, merged where they overlap.
            std::vector<std::pair<double, double>> intervals;
            std::vector<GammaLine> lines = mainLines(*nuclide, lo, hi, options.maxLinesPerIsotope, options.minRelIntensity, 0.0);
            for (const GammaLine &l : lines) {
                double half = options.fixedHalfWidthKeV;
                if (options.resolution.isValid()) {
                    const double fwhm = options.resolution.fwhmKeV(l.energyKeV);
                    if (std::isfinite(fwhm) && fwhm > 0)
                        half = options.fwhmFactor * fwhm;
                }
                intervals.emplace_back(std::max(lo, l.energyKeV - half), std::min(hi, l.energyKeV + half));
            }
            std::sort(intervals.begin(), intervals.end());
            std::vector<std::pair<double, double>> merged;
            for (const auto &iv : intervals) {
                if (!merged.empty() && iv.first <= merged.back().second)
                    merged.back().second = std::max(merged.back().second, iv.second);
                else
                    merged.push_back(iv);
            }
            for (const auto &[a, b] : merged) {
                const double ka = keyForEnergy(frame, a), kb = keyForEnergy(frame, b);
                if (!std::isfinite(ka) || !std::isfinite(kb) || kb <= ka)
                    continue;
                auto *rect = tagged(new QCPItemRect(plot));
                rect->setLayer(shadingLayer());
                for (QCPItemPosition *pos : {rect->topLeft, rect->bottomRight}) {
                    pos->setTypeX(QCPItemPosition::ptPlotCoords);
                    pos->setTypeY(QCPItemPosition::ptAxisRectRatio);
                }
                rect->topLeft->setCoords(ka, 0.0);
                rect->bottomRight->setCoords(kb, 1.0);
                rect->setPen(Qt::NoPen);
                rect->setBrush(fill);
                rect->setClipToAxisRect(true);
            }
            // Name at the strongest line, placed after the loop (rows so that close names do not overlap).
            if (!lines.empty() && p >= options.minLabelProbability)
                labels.push_back({keyForEnergy(frame, lines.front().energyKeV), shortNuclideName(nuclide->name), color});
        }
        if (plot->legend) {
            QColor swatch = color;
            swatch.setAlphaF(std::clamp(p * options.maxAlpha, 0.08, 1.0));
            plot->legend->addItem(new SwatchLegendItem(plot->legend, swatch, color, legendText(finding)));
            plot->legend->setVisible(true);
        }
        ++shown;
    }

    // Names just under the top of the axis rect, in up to three rows: a name moves down a row when it would
    // touch the one before (width estimated from its length as a fraction of the current key range).
    std::sort(labels.begin(), labels.end(), [](const Label &a, const Label &b) { return a.key < b.key; });
    const QCPRange range = plot->xAxis->range();
    double rowEnd[3] = {-1e9, -1e9, -1e9};
    for (const Label &l : labels) {
        if (!std::isfinite(l.key) || range.size() <= 0)
            continue;
        const double f = (l.key - range.lower) / range.size();
        const double halfWidth = 0.5 * (0.0065 * l.text.size() + 0.012);
        int row = 0;
        while (row < 2 && rowEnd[row] > f - halfWidth)
            ++row;
        rowEnd[row] = std::max(rowEnd[row], f + halfWidth);
        auto *label = tagged(new QCPItemText(plot));
        label->setLayer(markerLayer());
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(l.key, 0.01 + 0.055 * row);
        // Near an end of the axis the name grows away from it instead of being cut off.
        const Qt::Alignment horizontal = f < halfWidth ? Qt::AlignLeft : f > 1.0 - halfWidth ? Qt::AlignRight : Qt::AlignHCenter;
        label->setPositionAlignment(horizontal | Qt::AlignTop);
        label->setFont(annotationFont(-1.0, true));
        label->setColor(l.color.darker(140));
        label->setText(l.text);
        label->setClipToAxisRect(true);
    }
    return shown;
}

// ---- (d) info box ----

QCPItemText *SpectrumAnnotations::addInfoBox(QCustomPlot *plot, const Spectrum &spectrum)
{
    if (!plot)
        return nullptr;
    ensureLayers(plot);
    QStringList lines;
    for (const auto &[title, value] : headerFields(spectrum))
        lines << tr("%1: %2").arg(title, value);
    auto *box = tagged(new QCPItemText(plot));
    box->setLayer(QStringLiteral("legend"));
    box->setClipToAxisRect(false);
    box->position->setType(QCPItemPosition::ptAbsolute);
    box->setPositionAlignment(Qt::AlignTop | Qt::AlignRight);
    box->setTextAlignment(Qt::AlignLeft);
    box->setFont(annotationFont(-1.0));
    box->setColor(QColor(0x20, 0x20, 0x20));
    box->setPadding(QMargins(6, 4, 6, 4));
    box->setBrush(QColor(255, 255, 255, 225));
    box->setPen(QPen(QColor(0xb0, 0xb0, 0xb0)));
    box->setText(lines.join(QLatin1Char('\n')));
    // Pixel position after every layout pass: below the legend when the legend sits in the right half of
    // the axis rect, else in the top right corner.
    QPointer<QCustomPlot> guard(plot);
    auto place = [guard, box] {
        if (!guard)
            return;
        const QRect axis = guard->axisRect()->rect();
        double x = axis.right() - 6, y = axis.top() + 6;
        const QCPLegend *legend = guard->legend;
        if (legend && legend->visible() && legend->itemCount() > 0 && legend->outerRect().center().x() > axis.center().x()) {
            x = legend->outerRect().right();
            y = legend->outerRect().bottom() + 6;
        }
        box->position->setCoords(x, y);
    };
    QObject::connect(plot, &QCustomPlot::afterLayout, box, place);
    place();
    return box;
}

// ---- (e) background ----

QCPGraph *SpectrumAnnotations::addBackground(QCustomPlot *plot, const Frame &frame, const Spectrum &background)
{
    const int n = background.channelCount();
    if (!plot || !frame.spectrum || n == 0)
        return nullptr;
    double scale = 1.0;
    if (frame.effective.countRate) {
        if (!background.hasLiveTime())
            return nullptr;
        scale = 1.0 / background.liveTime;
    } else {
        if (!background.hasLiveTime() || !frame.spectrum->hasLiveTime())
            return nullptr;
        scale = frame.spectrum->liveTime / background.liveTime;
    }
    QVector<double> keys(n + 1), values(n + 1);
    if (frame.effective.energyAxis) {
        if (!background.calibration.isValid(n))
            return nullptr;
        const std::vector<double> edges = background.calibration.channelEdges(n);
        std::copy(edges.begin(), edges.end(), keys.begin());
    } else {
        if (n != frame.spectrum->channelCount())
            return nullptr;
        for (int c = 0; c <= n; ++c)
            keys[c] = c;
    }
    for (int c = 0; c < n; ++c)
        values[c] = background.counts[static_cast<size_t>(c)] * scale;
    values[n] = values[n - 1];
    auto *graph = tagged(plot->addGraph());
    graph->setData(keys, values, true);
    graph->setLineStyle(QCPGraph::lsStepLeft);
    graph->setPen(QPen(QColor(0x80, 0x80, 0x80, 200), 1.0));
    graph->setAntialiased(false);
    graph->setAdaptiveSampling(true);
    graph->setName(frame.effective.countRate ? tr("Background (count rate)") : tr("Background (scaled to live time)"));
    SpectrumPlotter::fitValueAxis(plot, frame.effective.logScale);
    return graph;
}

// ---- Text ----

QString SpectrumAnnotations::isotopeName(const QString &label)
{
    static const QRegularExpression re(QStringLiteral("^([A-Z][a-z]?)(\\d{1,3})(m?)$"));
    const QString canonical = NuclideLibrary::canonicalName(label);
    const auto m = re.match(canonical);
    if (!m.hasMatch())
        return label.trimmed();
    const QString symbol = m.captured(1);
    for (const Element &e : kElements)
        if (symbol == QLatin1String(e.symbol))
            return tr("%1-%2%3").arg(tr(e.name), m.captured(2), m.captured(3));
    return canonical;
}

QString SpectrumAnnotations::formatProbability(double probability)
{
    const QLocale locale;
    if (!std::isfinite(probability))
        return tr("n/a");
    if (probability < 0.005)
        return tr("< 1 %");
    if (probability > 0.995)
        return tr("> 99 %");
    return tr("%1 %").arg(locale.toString(std::lround(probability * 100.0)));
}

QString SpectrumAnnotations::formatActivity(double bq, std::optional<double> uncertaintyBq)
{
    if (!std::isfinite(bq))
        return tr("n/a");
    static const char *const units[] = {QT_TR_NOOP("Bq"), QT_TR_NOOP("kBq"), QT_TR_NOOP("MBq"), QT_TR_NOOP("GBq"),
                                        QT_TR_NOOP("TBq")};
    int u = 0;
    double magnitude = std::abs(bq);
    if (uncertaintyBq && std::isfinite(*uncertaintyBq))
        magnitude = std::max(magnitude, std::abs(*uncertaintyBq) * 0.999);  // "0.4 ± 1.2 kBq", not "400 ± 1200 Bq"
    while (u < 4 && magnitude >= 1000.0) {
        magnitude /= 1000.0;
        ++u;
    }
    const double factor = std::pow(1000.0, u);
    const double value = bq / factor;
    const QLocale locale;
    const QString unit = tr(units[u]);
    if (uncertaintyBq && std::isfinite(*uncertaintyBq) && *uncertaintyBq > 0) {
        const double unc = *uncertaintyBq / factor;
        const int exponent = static_cast<int>(std::floor(std::log10(unc)));
        const double lead = unc / std::pow(10.0, exponent);
        const int place = exponent - (lead < 1.95 ? 1 : 0);  // last significant decimal place
        const double step = std::pow(10.0, place);
        const int decimals = std::max(0, -place);
        const double v = std::round(value / step) * step;
        const double e = std::round(unc / step) * step;
        return tr("%1 ± %2 %3").arg(locale.toString(v == 0.0 ? 0.0 : v, 'f', decimals), locale.toString(e, 'f', decimals), unit);
    }
    const double a = std::abs(value);
    const int decimals = a > 0 ? std::clamp(2 - static_cast<int>(std::floor(std::log10(a))), 0, 3) : 0;
    return tr("%1 %2").arg(locale.toString(value, 'f', decimals), unit);
}

QString SpectrumAnnotations::legendText(const IsotopeFinding &finding)
{
    QString text = tr("%1: %2").arg(isotopeName(finding.isotope), formatProbability(finding.probability));
    if (finding.activityBq)
        text += QLatin1Char(' ') + tr("~%1").arg(formatActivity(*finding.activityBq, finding.activityUncBq));
    return text;
}

QColor SpectrumAnnotations::isotopeColor(int index)
{
    // The plotter's palette without its first colour (the spectrum) and without grey (background overlay).
    static const int order[] = {1, 2, 3, 4, 5, 6, 8, 9};
    constexpr int n = static_cast<int>(std::size(order));
    return SpectrumPlotter::colorFor(order[((index % n) + n) % n]);
}

QString SpectrumAnnotations::calibrationText(const EnergyCalibration &c, int channels)
{
    const auto &k = c.coefficients();
    const QLocale locale;
    QString text = locale.toString(k[0], 'g', 6);
    const QString ch = tr("ch", "channel number in an energy calibration formula");
    static const char *const powers[] = {"", "", "²", "³"};
    for (int i = 1; i <= c.degree(); ++i) {
        text += k[i] < 0 ? QStringLiteral(" − ") : QStringLiteral(" + ");
        text += locale.toString(std::abs(k[i]), 'g', 6) + QLatin1Char(' ') + ch + QString::fromUtf8(powers[i]);
    }
    text = tr("E = %1 keV").arg(text);
    if (channels > 0 && !c.isValid(channels))
        text += QStringLiteral(" (") + c.problem(channels) + QLatin1Char(')');
    return text;
}

QList<QPair<QString, QString>> SpectrumAnnotations::headerFields(const Spectrum &s)
{
    const QLocale locale;
    const QString none = QStringLiteral("—");
    QList<QPair<QString, QString>> out;
    QString channels = locale.toString(s.channelCount());
    if (hasValidCalibration(&s))
        channels += tr(" (%1 – %2 keV)").arg(locale.toString(energyMin(s), 'f', 1), locale.toString(energyMax(s), 'f', 1));
    out.append({tr("Channels"), channels});
    out.append({tr("Live time"), s.hasLiveTime() ? tr("%1 s").arg(locale.toString(s.liveTime, 'f', 3)) : tr("not recorded")});
    QString real = none;
    if (s.realTime > 0) {
        real = tr("%1 s").arg(locale.toString(s.realTime, 'f', 3));
        if (s.hasLiveTime() && s.realTime >= s.liveTime)
            real += tr(" (dead time %1 %)").arg(locale.toString(100.0 * (1.0 - s.liveTime / s.realTime), 'f', 1));
    }
    out.append({tr("Real time"), real});
    out.append({tr("Distance"), s.distanceCm > 0 ? tr("%1 cm").arg(locale.toString(s.distanceCm, 'g', 4)) : tr("unknown")});
    out.append({tr("Calibration"), s.channelCount() > 0 ? calibrationText(s.calibration, s.channelCount()) : none});
    out.append({tr("Start time"), s.startTime.isValid() ? locale.toString(s.startTime, QStringLiteral("yyyy-MM-dd HH:mm:ss")) : none});
    return out;
}

} // namespace photopeak::ui
