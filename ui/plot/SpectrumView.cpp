// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "plot/SpectrumView.h"

#include "peaks/NuclideLibrary.h"
#include "plot/PlotGestures.h"
#include "plot/SpectrumAnnotations.h"

#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QStackedWidget>
#include <QToolBar>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace photopeak::ui {

namespace {
const QString kCursorLayer = QStringLiteral("cursor");
constexpr int kMaxReadoutGraphs = 4;

QString formatValue(double v, bool rate)
{
    const QLocale locale;
    if (!rate)
        return locale.toString(v, 'f', 0);
    return locale.toString(v, 'g', 4);
}
} // namespace

SpectrumView::SpectrumView(QWidget *parent)
    : QWidget(parent)
    , m_toolBar(new QToolBar(this))
    , m_readout(new QLabel(this))
    , m_notes(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_toolBar->setIconSize(QSize(18, 18));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setObjectName(QStringLiteral("plotToolBar"));
    layout->addWidget(m_toolBar);

    m_notes->setObjectName(QStringLiteral("plotNotes"));
    m_notes->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; color: #5c4400; padding: 3px 8px; }"));
    m_notes->setVisible(false);
    layout->addWidget(m_notes);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setStyleSheet(QStringLiteral("QLabel { color: #707070; background: white; }"));
    m_placeholder->setText(tr("<p style='font-size:15pt'>No spectrum shown</p>"
                              "<p>Open a file (Ctrl+O) or a folder (Ctrl+Shift+O), or drop them on the window.<br>"
                              "Then select rows in the data browser; several selected rows overlay.</p>"));
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_plot);
    layout->addWidget(m_stack, 1);

    // Readout strip under the plot: what is under the mouse, or a hint how to navigate.
    m_readout->setObjectName(QStringLiteral("plotReadout"));
    m_readout->setTextFormat(Qt::RichText);
    m_readout->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_readout->setStyleSheet(QStringLiteral("QLabel { background: white; padding: 2px 10px 4px 10px; }"));
    m_readout->setMinimumHeight(m_readout->fontMetrics().height() + 8);
    layout->addWidget(m_readout);

    SpectrumPlotter::setupPlot(m_plot);
    m_plot->setInteractions(QCP::iRangeZoom);  // drags are PlotGestures'
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoomFactor(0.8);
    m_plot->setCursor(Qt::CrossCursor);
    m_plot->setMouseTracking(true);
    m_plot->installEventFilter(this);

    m_plot->addLayer(kCursorLayer, m_plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_plot->layer(kCursorLayer)->setMode(QCPLayer::lmBuffered);
    m_cursorLine = new QCPItemStraightLine(m_plot);
    m_cursorLine->setLayer(kCursorLayer);
    m_cursorLine->setPen(QPen(QColor(0x30, 0x30, 0x30, 150), 1, Qt::DashLine));
    m_cursorLine->setVisible(false);
    m_cursorLine->setClipToAxisRect(true);
    for (QCPItemPosition *p : {m_cursorLine->point1, m_cursorLine->point2})
        p->setTypeY(QCPItemPosition::ptAxisRectRatio);  // vertical whatever the y scale

    connect(m_plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
            &SpectrumView::onKeyRangeChanged);
    auto *gestures = new PlotGestures(m_plot, kCursorLayer);
    connect(gestures, &PlotGestures::dragged, this,
            [this](PlotGestures::Drag kind, double a, double b) { onDragged(static_cast<int>(kind), a, b); });
    connect(gestures, &PlotGestures::dragMoved, this, [this](PlotGestures::Drag kind, double a, double b) {
        if (kind != PlotGestures::Drag::Roi)
            return;
        const double lo = channelForKey(std::min(a, b)), hi = channelForKey(std::max(a, b));
        if (std::isfinite(lo) && std::isfinite(hi) && hi > lo)
            emit roiPreviewRequested(lo, hi);
    });
    connect(gestures, &PlotGestures::doubleClicked, this, [this](double key) {
        if (const double ch = channelForKey(key); std::isfinite(ch))
            emit peakFitRequested(ch);
    });
    connect(gestures, &PlotGestures::clicked, this, [this](double key) {
        setFocus(Qt::MouseFocusReason);
        if (const double ch = channelForKey(key); std::isfinite(ch))
            emit channelClicked(ch);
    });
    connect(gestures, &PlotGestures::contextMenuRequested, this, [this](double key, const QPoint &global) {
        emit contextMenuRequested(channelForKey(key), global);
    });
    setFocusPolicy(Qt::ClickFocus);
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *e) { updateCursor(e->pos()); });

    m_stack->setCurrentWidget(m_placeholder);
}

void SpectrumView::setSpectra(std::shared_ptr<const SpectrumDataset> owner, std::vector<const Spectrum *> spectra)
{
    m_owner = std::move(owner);
    m_spectra = std::move(spectra);
    redraw(false);
}

void SpectrumView::clear() { setSpectra(nullptr, {}); }

void SpectrumView::setOptions(const PlotOptions &options)
{
    if (options == m_options)
        return;
    // Switching between energy and channel changes the meaning of the x range; otherwise keep the zoom.
    const bool keepRange = options.energyAxis == m_options.energyAxis;
    m_options = options;
    redraw(keepRange);
}

void SpectrumView::redraw(bool keepKeyRange)
{
    const QCPRange oldRange = m_plot->xAxis->range();
    const PlotOptions oldEffective = m_summary.effective;
    m_adjustingRange = true;
    m_summary = SpectrumPlotter::draw(m_plot, m_spectra, m_options);
    if (keepKeyRange && m_summary.drawn > 0 && oldEffective.energyAxis == m_summary.effective.energyAxis) {
        const QCPRange full = SpectrumPlotter::fullKeyRange(m_plot);
        if (oldRange.lower >= full.lower && oldRange.upper <= full.upper && oldRange.size() < full.size()) {
            m_plot->xAxis->setRange(oldRange);
            SpectrumPlotter::fitValueAxis(m_plot, m_summary.effective.logScale);
        }
    }
    m_plot->xAxis2->setRange(m_plot->xAxis->range());
    drawAnnotations();
    m_adjustingRange = false;
    m_stack->setCurrentWidget(m_summary.drawn > 0 ? static_cast<QWidget *>(m_plot) : m_placeholder);
    hideCursor();
    updateNotes();
    m_plot->replot();
    emit plotted(m_summary.drawn);
}

void SpectrumView::setAnnotations(const ViewAnnotations &annotations, bool redrawNow)
{
    m_annotations = annotations;
    if (redrawNow && !m_spectra.empty())
        redraw(true);
}

void SpectrumView::drawAnnotations()
{
    SpectrumAnnotations::clear(m_plot);
    if (m_summary.drawn == 0 || m_spectra.empty())
        return;
    const Spectrum *front = m_spectra.front();
    const SpectrumAnnotations::Frame frame{front, m_summary.effective};
    const ViewAnnotations &a = m_annotations;
    if (a.background && a.background != front)
        SpectrumAnnotations::addBackground(m_plot, frame, *a.background);
    InteractiveOverlay overlay = m_overlay;
    overlay.showPeaks = a.peaks;
    overlay.draw(m_plot, frame);
    if (a.analysis && a.library) {
        // Isotope probabilities are conditional on a source: no shaded regions for other decisions.
        if (a.isotopes && a.analysis->decision == SpectrumAnalysis::Decision::Source)
            SpectrumAnnotations::addIsotopes(m_plot, frame, a.analysis->isotopes, *a.library);
        if (a.nuclideLines) {
            std::vector<const Nuclide *> nuclides;
            for (const QString &iso : a.analysis->reportedIsotopes())
                if (const Nuclide *n = a.library->find(iso))
                    nuclides.push_back(n);
            SpectrumAnnotations::addNuclideLines(m_plot, frame, nuclides);
        }
    }
    if (a.infoBox)
        SpectrumAnnotations::addInfoBox(m_plot, *front);
}

void SpectrumView::setOverlay(const InteractiveOverlay &overlay)
{
    m_overlay = overlay;
    if (m_spectra.empty() || m_summary.drawn == 0)
        return;
    drawAnnotations();
    m_plot->replot();
}

double SpectrumView::channelForKey(double key) const
{
    if (m_spectra.empty() || m_summary.drawn == 0 || !std::isfinite(key))
        return std::numeric_limits<double>::quiet_NaN();
    const Spectrum &s = *m_spectra.front();
    const int n = s.channelCount();
    double ch = key;
    if (m_summary.effective.energyAxis) {
        if (!s.calibration.isValid(n))
            return std::numeric_limits<double>::quiet_NaN();
        ch = s.calibration.channelAt(std::clamp(key, s.calibration.energyAt(0), s.calibration.energyAt(n)), n);
    }
    return std::clamp(ch, 0.0, static_cast<double>(n));
}

double SpectrumView::keyForChannel(double channel) const
{
    if (m_spectra.empty())
        return std::numeric_limits<double>::quiet_NaN();
    return SpectrumAnnotations::keyForChannel({m_spectra.front(), m_summary.effective}, channel);
}

void SpectrumView::onDragged(int kind, double fromKey, double toKey)
{
    const auto drag = static_cast<PlotGestures::Drag>(kind);
    if (drag == PlotGestures::Drag::Zoom) {
        const QCPRange now = m_plot->xAxis->range();
        if (toKey > fromKey) {
            m_plot->xAxis->setRange(fromKey, toKey);
        } else {
            // Right to left: zoom out by the ratio of the view to the dragged width (at most to the full range).
            const double factor = std::clamp(now.size() / std::max(fromKey - toKey, 1e-9), 1.0, 64.0);
            m_plot->xAxis->setRange(now.center() - 0.5 * factor * now.size(), now.center() + 0.5 * factor * now.size());
        }
        m_plot->replot();
        return;
    }
    double a = channelForKey(std::min(fromKey, toKey)), b = channelForKey(std::max(fromKey, toKey));
    if (!std::isfinite(a) || !std::isfinite(b) || b - a <= 0.0)
        return;
    switch (drag) {
    case PlotGestures::Drag::FitRegion: emit regionFitRequested(a, b); break;
    case PlotGestures::Drag::RemovePeaks: emit peakRemovalRequested(a, b); break;
    case PlotGestures::Drag::Roi: emit roiRequested(a, b); break;
    case PlotGestures::Drag::Zoom: break;
    }
}

void SpectrumView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) {
        emit deleteRequested();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void SpectrumView::resetZoom()
{
    if (m_plot->graphCount() == 0)
        return;
    m_plot->xAxis->setRange(SpectrumPlotter::fullKeyRange(m_plot));  // y follows in onKeyRangeChanged
    m_plot->replot();
}

void SpectrumView::onKeyRangeChanged(const QCPRange &range)
{
    if (m_adjustingRange)
        return;
    m_adjustingRange = true;
    // Keep the view inside the data and no narrower than a few channels.
    const QCPRange full = SpectrumPlotter::fullKeyRange(m_plot);
    QCPRange r = range;
    const double minWidth = full.size() / 2000.0;
    if (r.size() < minWidth)
        r = QCPRange(r.center() - minWidth / 2, r.center() + minWidth / 2);
    if (r.size() > full.size())
        r = full;
    if (r.lower < full.lower)
        r = QCPRange(full.lower, full.lower + r.size());
    if (r.upper > full.upper)
        r = QCPRange(full.upper - r.size(), full.upper);
    m_plot->xAxis->setRange(r);
    m_plot->xAxis2->setRange(r);
    SpectrumPlotter::fitValueAxis(m_plot, m_summary.effective.logScale);
    m_adjustingRange = false;
}

void SpectrumView::updateNotes()
{
    m_notes->setText(m_summary.notes.join(QLatin1Char(' ')));
    m_notes->setVisible(!m_summary.notes.isEmpty());
}

bool SpectrumView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && event->type() == QEvent::Leave)
        hideCursor();
    return QWidget::eventFilter(watched, event);
}

void SpectrumView::hideCursor()
{
    m_readout->setText(m_summary.drawn > 0 ? tr("<span style='color:#808080'>Wheel or drag: zoom · middle-drag: pan · "
                                                "Home: full range · double-click: fit peak · Ctrl+drag: fit peaks · "
                                                "Shift+drag: remove peaks · Alt+drag: ROI · right-click: menu</span>")
                                           : QString());
    if (m_cursorLine->visible()) {
        m_cursorLine->setVisible(false);
        m_plot->layer(kCursorLayer)->replot();
    }
}

void SpectrumView::updateCursor(const QPoint &pos)
{
    if (m_plot->graphCount() == 0 || !m_plot->axisRect()->rect().contains(pos)) {
        hideCursor();
        return;
    }
    const double x = m_plot->xAxis->pixelToCoord(pos.x());
    m_cursorLine->point1->setCoords(x, 0);
    m_cursorLine->point2->setCoords(x, 1);
    m_cursorLine->setVisible(true);

    const QLocale locale;
    const bool energy = m_summary.effective.energyAxis;
    const bool rate = m_summary.effective.countRate;
    QStringList parts;
    const int firstChannel = SpectrumPlotter::channelAt(m_plot->graph(0), x);
    if (energy)
        parts << tr("%1 keV").arg(locale.toString(x, 'f', 1));
    if (firstChannel >= 0)
        parts << tr("channel %1").arg(firstChannel);
    const int shown = std::min(m_plot->graphCount(), kMaxReadoutGraphs);
    QStringList values;
    for (int i = 0; i < shown; ++i) {
        const QCPGraph *graph = m_plot->graph(i);
        const int channel = SpectrumPlotter::channelAt(graph, x);
        if (channel < 0)
            continue;
        const double v = (graph->data()->constBegin() + channel)->value;
        values << QStringLiteral("<span style='color:%1'>&#9632;</span>&nbsp;%2")
                      .arg(graph->pen().color().name(), formatValue(v, rate));
    }
    QString text = parts.join(QStringLiteral(" · "));
    if (!values.isEmpty())
        text += QStringLiteral(" · ") + values.join(QStringLiteral("&nbsp; ")) + QLatin1Char(' ')
            + (rate ? tr("counts/s") : tr("counts"));
    m_readout->setText(text);
    m_plot->layer(kCursorLayer)->replot();
}

void SpectrumView::insertToolActions(const QList<QAction *> &actions)
{
    for (QAction *action : actions) {
        if (action)
            m_toolBar->addAction(action);
        else
            m_toolBar->addSeparator();
    }
}

QString SpectrumView::readoutText() const { return m_readout->text(); }

} // namespace photopeak::ui
