// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "report/ReportRenderer.h"
#include "report/ReportStyle.h"
#include "data/ProblemText.h"
#include "io/AtomicFile.h"
#include "ml/latent/LatentAnalyser.h"
#include "modelviews/DenoisedSpectrumView.h"
#include "report/LatentReportPage.h"

#include "peaks/NuclideLibrary.h"
#include "plot/SpectrumAnnotations.h"
#include "plot/SpectrumPlotter.h"

#include <QBuffer>
#include <QFileInfo>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QLocale>
#include <QPainter>
#include <QPicture>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace photopeak::ui {

namespace {
const QColor kText = report_style::text;
const QColor kMuted = report_style::muted;
const QColor kRule = report_style::rule;
const QColor kWarning = report_style::warning;
using report_style::pixelFont;

QColor decisionColor(SpectrumAnalysis::Decision d)
{
    switch (d) {
    case SpectrumAnalysis::Decision::Source: return QColor(0xc0, 0x39, 0x2b);
    case SpectrumAnalysis::Decision::Background: return QColor(0x2e, 0x7d, 0x32);
    case SpectrumAnalysis::Decision::Skipped: return QColor(0x75, 0x75, 0x75);
    case SpectrumAnalysis::Decision::Error: return QColor(0xb0, 0x5a, 0x00);
    case SpectrumAnalysis::Decision::OutOfDomain: return QColor(0x6a, 0x1b, 0x9a);
    }
    return kMuted;
}

// Draws a section title with a rule under it; returns the y below.
int sectionTitle(QPainter &p, const QRect &rect, const QString &title, double s)
{
    p.setFont(pixelFont(17 * s, true));
    p.setPen(kText);
    const int h = static_cast<int>(std::lround(24 * s));
    p.drawText(QRect(rect.left(), rect.top(), rect.width(), h), Qt::AlignLeft | Qt::AlignVCenter, title);
    p.setPen(QPen(kRule, 1));
    p.drawLine(rect.left(), rect.top() + h + 2, rect.right(), rect.top() + h + 2);
    return rect.top() + h + static_cast<int>(std::lround(8 * s));
}

// "Key: value" row, key in grey in a fixed column, value elided to the rest. Returns the y below.
int keyValueRow(QPainter &p, const QRect &rect, int y, int keyWidth, const QString &key, const QString &value, double s,
                const QColor &valueColor = kText, bool boldValue = false)
{
    const int h = static_cast<int>(std::lround(22 * s));
    p.setFont(pixelFont(15 * s));
    p.setPen(kMuted);
    p.drawText(QRect(rect.left(), y, keyWidth - 8, h), Qt::AlignLeft | Qt::AlignVCenter, key);
    p.setFont(pixelFont(15 * s, boldValue));
    p.setPen(valueColor);
    const int w = rect.width() - keyWidth;
    p.drawText(QRect(rect.left() + keyWidth, y, w, h), Qt::AlignLeft | Qt::AlignVCenter,
               p.fontMetrics().elidedText(value, Qt::ElideMiddle, w));
    return y + h;
}

// Wrapped paragraph inside [y, rect.bottom()]; returns the y below.
int paragraph(QPainter &p, const QRect &rect, int y, const QString &text, double s, const QColor &color = kText)
{
    p.setFont(pixelFont(14 * s));
    p.setPen(color);
    const QRect box(rect.left(), y, rect.width(), std::max(0, rect.bottom() - y));
    const QRect used = p.fontMetrics().boundingRect(box, Qt::TextWordWrap | Qt::AlignLeft, text);
    p.drawText(box, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
    return std::min(rect.bottom(), used.bottom()) + static_cast<int>(std::lround(4 * s));
}

ResolutionModel saneResolution(const ResolutionModel &model)
{
    if (!model.isValid())
        return {};
    // Reject models that give nonsense widths in the gamma range (a fit on one odd peak).
    for (double e : {100.0, 662.0, 1500.0}) {
        const double f = model.fwhmKeV(e);
        if (!std::isfinite(f) || f <= 0.0 || f / e < 0.002 || f / e > 0.4)
            return {};
    }
    return model;
}
} // namespace

ReportRenderer::ReportRenderer(Options options, std::shared_ptr<const NuclideLibrary> library)
    : m_options(std::move(options)), m_library(std::move(library)), m_plot(std::make_unique<QCustomPlot>())
{
    if (!m_library) {
        auto loaded = NuclideLibrary::loadDefault();
        if (loaded)
            m_library = std::make_shared<const NuclideLibrary>(std::move(*loaded));
        else
            m_libraryProblem = loaded.error().toString();
    }
    m_plot->setAttribute(Qt::WA_DontShowOnScreen, true);
    SpectrumPlotter::setupPlot(m_plot.get());
    // Cached tick labels are pixmaps at scale 1: blurry when the page scales the plot up.
    m_plot->setPlottingHint(QCP::phCacheLabels, false);
}

ReportRenderer::ReportRenderer() : ReportRenderer(Options{}) {}

ReportRenderer::~ReportRenderer() = default;

ResolutionModel ReportRenderer::resolutionFor(const Input &input) const
{
    if (ResolutionModel r = saneResolution(m_options.resolution); r.isValid())
        return r;
    if (!input.peaks || !input.peaks->calibrated)
        return {};
    std::vector<ResolutionModel::Point> points;
    for (const FittedPeak &p : input.peaks->peaks)
        if (p.significance() >= 6.0 && p.fwhmKeV > 0 && p.energyKeV > 40.0)
            points.push_back({p.energyKeV, p.fwhmKeV, std::max(p.fwhmUncKeV, 0.02 * p.fwhmKeV)});
    if (points.empty())
        return {};
    return saneResolution(ResolutionModel::fit(points, points.size() >= 4 ? 2 : 1));
}

void ReportRenderer::drawPlot(QPainter &painter, const QRect &rect, const Input &input, double scale, QStringList *notes)
{
    QCustomPlot *plot = m_plot.get();
    SpectrumAnnotations::clear(plot);
    const SpectrumPlotter::Summary summary = SpectrumPlotter::draw(plot, {input.spectrum}, m_options.plot);
    *notes << summary.notes;
    const SpectrumAnnotations::Frame frame{input.spectrum, summary.effective};
    limitEnergyRange(frame, input, notes);  // first: the annotations place their labels in the shown range
    if (input.background && !SpectrumAnnotations::addBackground(plot, frame, *input.background))
        *notes << tr("The background could not be drawn on this axis.");
    if (m_options.fittedPeaks && input.peaks)
        SpectrumAnnotations::addFittedPeaks(plot, frame, *input.peaks);
    if (m_library) {
        std::vector<const Nuclide *> nuclides;
        for (const QString &name : m_options.markerNuclides)
            if (const Nuclide *n = m_library->find(name))
                nuclides.push_back(n);
        if (!nuclides.empty())
            SpectrumAnnotations::addNuclideLines(plot, frame, nuclides);
        // Isotope regions only for a detected source: their probabilities are conditional on one.
        if (input.analysis && input.analysis->decision == SpectrumAnalysis::Decision::Source) {
            SpectrumAnnotations::IsotopeOptions iso;
            iso.resolution = resolutionFor(input);
            iso.fixedHalfWidthKeV = m_options.fixedHalfWidthKeV;
            SpectrumAnnotations::addIsotopes(plot, frame, input.analysis->isotopes, *m_library, iso);
        }
    } else if (input.analysis) {
        *notes << tr("No nuclide library (%1): isotope regions are not shaded.").arg(m_libraryProblem);
    }
    // Render the plot at a logical size 1/scale of the target so fonts and lines grow with the page.
    const int w = std::max(50, static_cast<int>(std::lround(rect.width() / scale)));
    const int h = std::max(50, static_cast<int>(std::lround(rect.height() / scale)));
    // QCustomPlot caches each axis margin while the tick labels stay the same, and the first measurement after
    // they change (a fresh plot, another decade range, log <-> linear) comes out 11 px wider on the log axis
    // than every later one: pages of a batch would differ. A draw without the plottables (they are most of
    // the cost), dropping the cached margins (number format set to its own value) and the real draw give
    // every page the settled margins.
    QList<QCPAbstractPlottable *> shown;
    for (int i = 0; i < plot->plottableCount(); ++i)
        if (plot->plottable(i)->visible()) {
            plot->plottable(i)->setVisible(false);
            shown << plot->plottable(i);
        }
    plot->toPixmap(w, h, scale);
    for (QCPAbstractPlottable *p : shown)
        p->setVisible(true);
    for (QCPAxis *axis : plot->axisRect()->axes())
        axis->setNumberFormat(axis->numberFormat());
    // PDF pages: the plot recorded as drawing commands and replayed scaled, so it stays vector.
    paintReportPlot(painter, plot, rect, scale, m_vectorPlot);
    m_plotRect = rect;
    m_plotLogicalSize = QSize(w, h);
}

bool ReportRenderer::canDrawDenoised(const Input &input, QStringList *notes) const
{
    const LatentModel *model = m_options.latent.get();
    if (!model || !model->isValid())
        return false;
    using D = SpectrumAnalysis::Decision;
    if (input.analysis && (input.analysis->decision == D::Skipped || input.analysis->decision == D::Error))
        return false;
    if (const QString problem = model->domainProblem(*input.spectrum); !problem.isEmpty()) {
        *notes << tr("Latent model: not drawn, the spectrum is outside its domain (%1).").arg(problem);
        return false;
    }
    return true;
}

void ReportRenderer::drawDenoised(QPainter &painter, const QRect &rect, const Input &input, double scale)
{
    const LatentModel *model = m_options.latent.get();
    if (!m_latentAnalyser || m_latentAnalysed != model) {
        m_latentAnalyser = std::make_unique<LatentAnalyser>(*model);
        m_latentAnalysed = model;
    }
    const LatentExample example = LatentExample::analyse(*m_latentAnalyser, *input.spectrum, tr("Latent model"));
    if (!m_latentPlot) {
        m_latentPlot = std::make_unique<QCustomPlot>();
        m_latentPlot->setAttribute(Qt::WA_DontShowOnScreen, true);
        SpectrumPlotter::setupPlot(m_latentPlot.get());
        m_latentPlot->setPlottingHint(QCP::phCacheLabels, false);
    }
    DenoisedSpectrumView::draw(m_latentPlot.get(), example, m_options.plot.logScale);
    paintReportPlot(painter, m_latentPlot.get(), rect, scale, m_vectorPlot);
}

void ReportRenderer::limitEnergyRange(const SpectrumAnnotations::Frame &frame, const Input &input, QStringList *notes)
{
    // Gamma lines of interest end near 3 MeV; above that a long empty tail would squeeze the peaks.
    const Spectrum &s = *input.spectrum;
    const int n = s.channelCount();
    if (!(m_options.maxEnergyKeV > 0) || n == 0 || !s.calibration.isValid(n))
        return;
    double upper = m_options.maxEnergyKeV;
    if (input.analysis && m_library)
        for (const IsotopeFinding &f : input.analysis->isotopes)
            if (const Nuclide *nuclide = f.probability >= 0.05 ? m_library->find(f.isotope) : nullptr)
                for (const GammaLine &l : nuclide->linesIn(0, s.calibration.energyAt(n), 0.02))
                    upper = std::max(upper, 1.08 * l.energyKeV);
    const double lastEnergy = s.calibration.energyAt(n);
    if (upper >= 0.98 * lastEnergy)
        return;
    QCustomPlot *plot = m_plot.get();
    const double key = SpectrumAnnotations::keyForEnergy(frame, upper);
    if (!std::isfinite(key))
        return;
    plot->xAxis->setRange(SpectrumPlotter::fullKeyRange(plot).lower, key);
    SpectrumPlotter::fitValueAxis(plot, frame.effective.logScale);
    const QLocale locale;
    *notes << tr("Shown up to %1 keV of %2 keV.").arg(locale.toString(upper, 'f', 0), locale.toString(lastEnergy, 'f', 0));
}

QPointF ReportRenderer::pagePoint(double key, double value) const
{
    if (m_plotRect.isEmpty() || m_plotLogicalSize.isEmpty())
        return {};
    const double fx = static_cast<double>(m_plotRect.width()) / m_plotLogicalSize.width();
    const double fy = static_cast<double>(m_plotRect.height()) / m_plotLogicalSize.height();
    return QPointF(m_plotRect.left() + m_plot->xAxis->coordToPixel(key) * fx,
                   m_plotRect.top() + m_plot->yAxis->coordToPixel(value) * fy);
}

void ReportRenderer::drawResults(QPainter &p, const QRect &rect, const Input &input, double s)
{
    int y = sectionTitle(p, rect, tr("Results"), s);
    const int keyWidth = static_cast<int>(std::lround(170 * s));
    const QLocale locale;
    const SpectrumAnalysis *a = input.analysis;
    if (!a) {
        paragraph(p, rect, y, tr("This spectrum was not analysed."), s, kMuted);
        return;
    }
    QString decision;
    switch (a->decision) {
    case SpectrumAnalysis::Decision::Source: decision = tr("Source present"); break;
    case SpectrumAnalysis::Decision::Background: decision = tr("Background only"); break;
    case SpectrumAnalysis::Decision::Skipped: decision = tr("Skipped"); break;
    case SpectrumAnalysis::Decision::Error: decision = tr("Error"); break;
    case SpectrumAnalysis::Decision::OutOfDomain: decision = tr("Unknown (out of domain)"); break;
    }
    y = keyValueRow(p, rect, y, keyWidth, tr("Decision"), decision, s, decisionColor(a->decision), true);
    if (a->outOfDomain)
        y = keyValueRow(p, rect, y, keyWidth, tr("Model domain"), tr("outside: %1").arg(a->domainReason), s, kWarning, true);
    if (a->detectionThreshold)
        y = keyValueRow(p, rect, y, keyWidth, tr("Detection threshold"),
                        tr("P(source) ≥ %1").arg(SpectrumAnnotations::formatProbability(*a->detectionThreshold)), s);
    y = keyValueRow(p, rect, y, keyWidth, tr("Source probability"),
                    a->sourceProbability ? SpectrumAnnotations::formatProbability(*a->sourceProbability)
                                         : tr("— (detection by the sigma test)"),
                    s);
    y = keyValueRow(p, rect, y, keyWidth, tr("Sigma test"),
                    tr("%1 σ over the reference background%2")
                        .arg(locale.toString(a->sigmaSignificance, 'f', 1),
                             a->sigmaSource ? tr(" (source)") : QString()),
                    s);
    y = keyValueRow(p, rect, y, keyWidth, tr("Unknown isotope"),
                    a->unknownIsotope ? tr("flagged: the spectrum is not explained by the model's isotopes")
                                      : tr("not flagged"),
                    s, a->unknownIsotope ? kWarning : kText, a->unknownIsotope);
    if (!a->peakNuclides.isEmpty())
        y = keyValueRow(p, rect, y, keyWidth, tr("From the peaks"), a->peakNuclides.mid(0, 4).join(QStringLiteral(", ")), s);
    const bool anyActivity = std::any_of(a->isotopes.begin(), a->isotopes.end(), [](const IsotopeFinding &f) {
        return f.activityBq.has_value() || f.mdaBq.has_value();
    });
    if (anyActivity || (a->distanceCm > 0 && std::abs(a->distanceCm - input.spectrum->distanceCm) > 1e-6)) {
        // The distance behind the activities, which may come from a folder name or the command line.
        QString distance = a->distanceCm > 0 ? tr("%1 cm").arg(locale.toString(a->distanceCm, 'g', 4)) : tr("unknown");
        if (a->distanceCm > 0 && input.spectrum->distanceCm > 0 && std::abs(a->distanceCm - input.spectrum->distanceCm) > 1e-6)
            distance += tr(" (header: %1 cm)").arg(locale.toString(input.spectrum->distanceCm, 'g', 4));
        y = keyValueRow(p, rect, y, keyWidth, tr("Distance used"), distance, s);
    }
    if (a->isotopes.empty()) {
        if (a->decision == SpectrumAnalysis::Decision::Source || a->decision == SpectrumAnalysis::Decision::Background)
            paragraph(p, rect, y + 4, tr("The model has no isotope identification."), s, kMuted);
        return;
    }

    // Isotope table, most probable first; swatches match the shaded regions of the plot.
    y += static_cast<int>(std::lround(8 * s));
    const int rowH = static_cast<int>(std::lround(22 * s));
    const int swatchW = static_cast<int>(std::lround(22 * s));
    const int colName = rect.left() + swatchW;
    const int colProb = rect.left() + static_cast<int>(rect.width() * 0.42);
    const int colAct = rect.left() + static_cast<int>(rect.width() * 0.58);
    const int colRep = rect.left() + static_cast<int>(rect.width() * 0.88);
    p.setFont(pixelFont(14 * s, true));
    p.setPen(kMuted);
    p.drawText(QRect(colName, y, colProb - colName, rowH), Qt::AlignLeft | Qt::AlignVCenter, tr("Isotope"));
    p.drawText(QRect(colProb, y, colAct - colProb - 10, rowH), Qt::AlignRight | Qt::AlignVCenter, tr("Probability"));
    p.drawText(QRect(colAct + 10, y, colRep - colAct - 10, rowH), Qt::AlignLeft | Qt::AlignVCenter, tr("Activity"));
    p.drawText(QRect(colRep, y, rect.right() - colRep, rowH), Qt::AlignLeft | Qt::AlignVCenter, tr("Reported"));
    y += rowH;
    p.setPen(QPen(kRule, 1));
    p.drawLine(rect.left(), y, rect.right(), y);
    y += 2;

    std::vector<size_t> order(a->isotopes.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [a](size_t i, size_t j) { return a->isotopes[i].probability > a->isotopes[j].probability; });
    const int room = std::max(1, (rect.bottom() - y) / rowH);
    const int shown = static_cast<int>(order.size()) <= room ? static_cast<int>(order.size()) : room - 1;
    const SpectrumAnnotations::IsotopeOptions isoDefaults;
    for (int r = 0; r < shown; ++r) {
        const size_t i = order[static_cast<size_t>(r)];
        const IsotopeFinding &f = a->isotopes[i];
        const bool strong = f.reported;
        if (f.probability >= isoDefaults.minProbability) {
            QColor fill = SpectrumAnnotations::isotopeColor(static_cast<int>(i));
            fill.setAlphaF(std::clamp(f.probability * isoDefaults.maxAlpha, 0.08, 1.0));
            const int side = static_cast<int>(std::lround(14 * s));
            const QRect sw(rect.left() + 2, y + (rowH - side) / 2, side, side);
            p.setPen(QPen(SpectrumAnnotations::isotopeColor(static_cast<int>(i)), 1.5));
            p.setBrush(fill);
            p.drawRect(sw);
            p.setBrush(Qt::NoBrush);
        }
        p.setFont(pixelFont(15 * s, strong));
        p.setPen(f.probability >= isoDefaults.minProbability ? kText : kMuted);
        const QString name = SpectrumAnnotations::isotopeName(f.isotope);
        p.drawText(QRect(colName, y, colProb - colName, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(name, Qt::ElideRight, colProb - colName));
        p.drawText(QRect(colProb, y, colAct - colProb - 10, rowH), Qt::AlignRight | Qt::AlignVCenter,
                   SpectrumAnnotations::formatProbability(f.probability));
        QString activity = QStringLiteral("—");
        if (f.activityBq)
            activity = SpectrumAnnotations::formatActivity(*f.activityBq, f.activityUncBq);
        else if (f.mdaBq)
            activity = tr("< %1 (MDA)").arg(SpectrumAnnotations::formatActivity(*f.mdaBq));
        p.setFont(pixelFont(15 * s));
        p.drawText(QRect(colAct + 10, y, colRep - colAct - 10, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(activity, Qt::ElideRight, colRep - colAct - 10));
        p.setFont(pixelFont(15 * s, strong));
        p.drawText(QRect(colRep, y, rect.right() - colRep, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                   f.reported ? tr("yes") : tr("no"));
        y += rowH;
    }
    if (shown < static_cast<int>(order.size())) {
        p.setFont(pixelFont(14 * s));
        p.setPen(kMuted);
        p.drawText(QRect(colName, y, rect.right() - colName, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("… %n more isotope(s) with lower probability", nullptr, static_cast<int>(order.size()) - shown));
    }
}

void ReportRenderer::drawHeader(QPainter &p, const QRect &rect, const Input &input, double s)
{
    int y = sectionTitle(p, rect, tr("Spectrum"), s);
    const int keyWidth = static_cast<int>(std::lround(120 * s));
    const Spectrum &sp = *input.spectrum;
    const QLocale locale;
    auto fields = SpectrumAnnotations::headerFields(sp);
    if (!sp.detector.isEmpty())
        fields.append({tr("Detector"), sp.detector});
    const double total = sp.totalCounts();
    QString counts = locale.toString(total, 'f', 0);
    if (sp.hasLiveTime())
        counts += tr(" (%1 counts/s)").arg(locale.toString(total / sp.liveTime, 'f', 1));
    fields.append({tr("Total counts"), counts});
    if (!sp.labels.isEmpty())
        fields.append({tr("Labels"), sp.labels.join(QStringLiteral(", "))});
    if (!sp.description.simplified().isEmpty())
        fields.append({tr("Description"), sp.description.simplified()});
    const int rowH = static_cast<int>(std::lround(22 * s));
    for (const auto &[key, value] : fields) {
        if (y + rowH > rect.bottom() + 1)
            break;
        y = keyValueRow(p, rect, y, keyWidth, key, value, s);
    }
}

void ReportRenderer::drawModel(QPainter &p, const QRect &rect, const Input &input, double s, const QStringList &notes)
{
    int y = sectionTitle(p, rect, tr("Model"), s);
    const SpectrumAnalysis *a = input.analysis;
    y = paragraph(p, rect, y, a && !a->model.isEmpty() ? a->model : tr("none"), s);
    if (m_library)
        y = paragraph(p, rect, y, tr("Nuclide library %1").arg(m_library->version()), s, kMuted);
    y += static_cast<int>(std::lround(6 * s));

    QStringList problems;
    if (a && !a->message.isEmpty())
        problems << a->message;
    problems << problemSentences(input.spectrum->problems);
    if (a)
        for (const QString &flag : a->flags)
            if (!input.spectrum->problems.names().contains(flag))
                problems << problemLabel(flag);
    y = sectionTitle(p, QRect(rect.left(), y, rect.width(), rect.bottom() - y), tr("Problems"), s);
    if (problems.isEmpty())
        y = paragraph(p, rect, y, tr("none"), s, kMuted);
    else
        for (const QString &text : problems)
            if (y < rect.bottom())
                y = paragraph(p, rect, y, QStringLiteral("• ") + text, s, kWarning);
    QStringList remarks = notes;
    if (a)
        remarks = a->notes + remarks;  // e.g. why an activity is missing
    for (const QString &note : remarks)
        if (y < rect.bottom())
            y = paragraph(p, rect, y, QStringLiteral("• ") + note, s, kMuted);
}

QImage ReportRenderer::render(const Input &input)
{
    const QSize size = m_options.size;
    if (size.isEmpty() || !input.spectrum)
        return {};
    QImage image(size, QImage::Format_RGB32);  // opaque page: smaller PNGs
    image.fill(Qt::white);
    QPainter p(&image);
    m_vectorPlot = false;
    paintPage(p, input);
    p.end();
    return image;
}

void ReportRenderer::paintVector(QPainter &p, const Input &input)
{
    if (!input.spectrum)
        return;
    m_vectorPlot = true;
    paintPage(p, input);
    m_vectorPlot = false;
}

void ReportRenderer::paintPage(QPainter &p, const Input &input)
{
    const QSize size = m_options.size;
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    const double s = std::min(size.width() / 1600.0, size.height() / 1000.0);
    const auto px = [s](double v) { return static_cast<int>(std::lround(v * s)); };
    const int margin = px(24);
    const int W = size.width(), H = size.height();
    const QLocale locale;

    // Title band: file name, date; decision badge and reported isotopes.
    const SpectrumAnalysis *a = input.analysis;
    QString title = input.title;
    if (title.isEmpty())
        title = a && !a->file.isEmpty() ? a->file : input.spectrum->displayName();
    const QDateTime date = m_options.date.isValid() ? m_options.date : QDateTime::currentDateTime();
    const QString dateText = tr("Photopeak report · %1").arg(locale.toString(date, QStringLiteral("yyyy-MM-dd HH:mm")));
    p.setFont(pixelFont(14 * s));
    const int dateWidth = p.fontMetrics().horizontalAdvance(dateText);
    p.setPen(kMuted);
    p.drawText(QRect(W - margin - dateWidth, margin, dateWidth, px(34)), Qt::AlignRight | Qt::AlignVCenter, dateText);
    p.setFont(pixelFont(26 * s, true));
    p.setPen(kText);
    const int titleWidth = W - 2 * margin - dateWidth - px(24);
    p.drawText(QRect(margin, margin, titleWidth, px(34)), Qt::AlignLeft | Qt::AlignVCenter,
               p.fontMetrics().elidedText(title, Qt::ElideMiddle, titleWidth));

    int y = margin + px(42);
    {
        QString badge = tr("Not analysed");
        QColor color = kMuted;
        QString detail;
        if (a) {
            color = decisionColor(a->decision);
            switch (a->decision) {
            case SpectrumAnalysis::Decision::Source: {
                badge = tr("Source detected");
                QStringList names;
                for (const QString &iso : a->reportedIsotopes())
                    names << SpectrumAnnotations::isotopeName(iso);
                detail = names.isEmpty() ? tr("no isotope above the model's threshold") : names.join(QStringLiteral(", "));
                break;
            }
            case SpectrumAnalysis::Decision::Background: badge = tr("Background only"); break;
            case SpectrumAnalysis::Decision::Skipped:
                badge = tr("Skipped");
                detail = a->message;
                break;
            case SpectrumAnalysis::Decision::Error:
                badge = tr("Error");
                detail = a->message;
                break;
            case SpectrumAnalysis::Decision::OutOfDomain:
                badge = tr("Unknown (out of domain)");
                detail = a->domainReason;
                break;
            }
            if (a->unknownIsotope)
                detail += (detail.isEmpty() ? QString() : QStringLiteral(" · ")) + tr("unknown isotope flagged");
        }
        p.setFont(pixelFont(16 * s, true));
        const int bw = p.fontMetrics().horizontalAdvance(badge) + px(24);
        const QRect badgeRect(margin, y, bw, px(28));
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawRoundedRect(badgeRect, px(5), px(5));
        p.setBrush(Qt::NoBrush);
        p.setPen(Qt::white);
        p.drawText(badgeRect, Qt::AlignCenter, badge);
        p.setFont(pixelFont(17 * s));
        p.setPen(kText);
        const int dx = margin + bw + px(12);
        p.drawText(QRect(dx, y, W - margin - dx, px(28)), Qt::AlignLeft | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(detail, Qt::ElideRight, W - margin - dx));
        y += px(28) + px(10);
    }

    // Spectrum.
    const int footerH = px(26);
    const int lowerH = std::max(px(240), static_cast<int>((H - y) * 0.37));
    QRect plotRect(margin, y, W - 2 * margin, H - y - lowerH - footerH);
    QStringList notes;
    const bool denoised = canDrawDenoised(input, &notes);
    if (denoised) {  // the latent model's reconstruction beside the spectrum
        const QRect whole = plotRect;
        plotRect.setWidth(int(whole.width() * 0.57));
        drawDenoised(p, QRect(plotRect.right() + px(12), whole.top(), whole.right() - plotRect.right() - px(12), whole.height()),
                     input, 0.8 * std::max(0.5, 1.2 * s));  // smaller type in the narrow panel: its title fits
    }
    drawPlot(p, plotRect, input, std::max(0.5, 1.2 * s), &notes);

    // Results | header | model and problems.
    const int top = plotRect.bottom() + px(14);
    const int bottom = H - footerH - px(4);
    const int gap = px(28);
    const int inner = W - 2 * margin - 2 * gap;
    const int w1 = static_cast<int>(inner * 0.43), w2 = static_cast<int>(inner * 0.31), w3 = inner - w1 - w2;
    drawResults(p, QRect(margin, top, w1, bottom - top), input, s);
    drawHeader(p, QRect(margin + w1 + gap, top, w2, bottom - top), input, s);
    drawModel(p, QRect(margin + w1 + w2 + 2 * gap, top, w3, bottom - top), input, s, notes);

    // Footer: version and the file the spectrum came from.
    p.setPen(QPen(kRule, 1));
    p.drawLine(margin, H - footerH, W - margin, H - footerH);
    p.setFont(pixelFont(12 * s));
    p.setPen(kMuted);
    QString source = input.spectrum->sourcePath;
    if (input.spectrum->indexInSource > 0)
        source += tr(" (row %1)").arg(input.spectrum->indexInSource);
    const QString footer = tr("Photopeak %1 · %2").arg(QStringLiteral(PHOTOPEAK_VERSION), source);
    p.drawText(QRect(margin, H - footerH, W - 2 * margin, footerH), Qt::AlignLeft | Qt::AlignVCenter,
               p.fontMetrics().elidedText(footer, Qt::ElideMiddle, W - 2 * margin));
}

Status ReportRenderer::save(const Input &input, const QString &path)
{
    const QImage image = render(input);
    if (image.isNull())
        return makeError(path, tr("nothing to draw (no spectrum or an empty page size)"));
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return makeError(path, tr("cannot encode the report as PNG"));
    return writeFileAtomically(path, png, OutputKind::image());
}

} // namespace photopeak::ui
