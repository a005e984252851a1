#include "plot/SpectrumView.h"

#include "peaks/NuclideLibrary.h"
#include "peaks/PeakAnalyzer.h"
#include "plot/SpectrumAnnotations.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QStackedWidget>
#include <QToolBar>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

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
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
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
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { resetZoom(); });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *e) { updateCursor(e->pos()); });

    m_stack->setCurrentWidget(m_placeholder);
}

void SpectrumView::setSpectra(std::shared_ptr<const SpectrumDataset> owner, std::vector<const Spectrum *> spectra)
{
    if (owner != m_owner)
        m_peaksOf = nullptr;  // cached peaks belong to a spectrum of the previous data
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
    if (a.peaks) {
        if (m_peaksOf != front) {
            m_peaks = std::make_shared<const PeakAnalysis>(PeakAnalyzer().run(*front));
            m_peaksOf = front;
        }
        SpectrumAnnotations::addFittedPeaks(m_plot, frame, *m_peaks);
    }
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
    m_readout->setText(m_summary.drawn > 0 ? tr("<span style='color:#808080'>Wheel: zoom · drag: pan · "
                                                "double-click: full range</span>")
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
