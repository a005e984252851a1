// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "modelviews/LatentScatterMatrixView.h"

#include "modelviews/ModelPlotStyle.h"
#include "plot/SpectrumPlotter.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QFontMetrics>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace photopeak::ui {

namespace {
constexpr double kTrainingSize = 4.0;
constexpr double kTestSize = 9.0;
constexpr double kTestTolerance = 7.0;      // pixels
constexpr double kTrainingTolerance = 5.0;  // pixels
constexpr int kHistogramBins = 30;

QCPScatterStyle trainingStyle(const QColor &colour)
{
    QColor fill = colour;
    fill.setAlpha(170);
    return QCPScatterStyle(QCPScatterStyle::ssDisc, fill, kTrainingSize);
}

QCPScatterStyle testStyle(const QColor &colour)
{
    return QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 1.2), colour, kTestSize);
}
} // namespace

LatentScatterMatrixView::LatentScatterMatrixView(QWidget *parent)
    : QWidget(parent)
    , m_errorsBox(new QCheckBox(tr("Errors only"), this))
    , m_summary(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_plot(new QCustomPlot(this))
    , m_readout(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(8, 4, 8, 4);
    m_errorsBox->setToolTip(tr("Show only the test spectra whose predicted label set differs from the true one"));
    bar->addWidget(m_errorsBox);
    bar->addSpacing(16);
    bar->addWidget(m_summary, 1);
    layout->addLayout(bar);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setStyleSheet(QStringLiteral("QLabel { color: #707070; background: white; }"));
    m_placeholder->setText(tr("<p style='font-size:15pt'>No latent scores</p>"
                              "<p>Evaluate a latent model to see the scores of its training and test spectra.</p>"));
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_plot);
    layout->addWidget(m_stack, 1);

    m_readout->setObjectName(QStringLiteral("scatterReadout"));
    m_readout->setStyleSheet(QStringLiteral("QLabel { background: white; padding: 2px 10px 4px 10px; }"));
    m_readout->setMinimumHeight(m_readout->fontMetrics().height() + 8);
    layout->addWidget(m_readout);

    SpectrumPlotter::setupPlot(m_plot);
    m_plot->setAutoAddPlottableToLegend(false);
    m_plot->setCursor(Qt::PointingHandCursor);
    m_plot->installEventFilter(this);
    connect(m_errorsBox, &QCheckBox::toggled, this, &LatentScatterMatrixView::setErrorsOnly);
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *e) { m_pressPos = e->pos(); });
    connect(m_plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent *e) {
        if (e->button() != Qt::LeftButton || (e->pos() - m_pressPos).manhattanLength() > 3)
            return;
        const int index = pointAt(e->pos());
        markPoint(index);
        if (index >= 0)
            emit pointActivated(m_points[static_cast<size_t>(index)].entryIndex);
    });

    rebuild();
}

void LatentScatterMatrixView::setData(const QStringList &components, std::vector<LatentScatterPoint> points,
                                      const QString &scoreName)
{
    m_components = components;
    m_points = std::move(points);
    // Points without a score for every component cannot be placed.
    const size_t n = static_cast<size_t>(components.size());
    m_points.erase(std::remove_if(m_points.begin(), m_points.end(),
                                  [n](const LatentScatterPoint &p) { return p.scores.size() < n; }),
                   m_points.end());
    m_scoreName = scoreName.isEmpty() ? tr("Score") : scoreName;
    m_marked = -1;
    rebuild();
}

void LatentScatterMatrixView::clear() { setData({}, {}); }

void LatentScatterMatrixView::setErrorsOnly(bool errorsOnly)
{
    if (errorsOnly == m_errorsOnly)
        return;
    m_errorsOnly = errorsOnly;
    const QSignalBlocker block(m_errorsBox);
    m_errorsBox->setChecked(errorsOnly);
    if (m_marked >= 0 && !isPointVisible(m_marked))
        markPoint(-1);
    refill();
}

int LatentScatterMatrixView::scatterPanelCount() const { return static_cast<int>(m_panels.size()); }

QCPAxisRect *LatentScatterMatrixView::scatterPanel(int row, int column) const
{
    for (const Panel &p : m_panels)
        if (p.row == row && p.column == column)
            return p.rect;
    return nullptr;
}

bool LatentScatterMatrixView::isPointVisible(int pointIndex) const
{
    if (pointIndex < 0 || pointIndex >= static_cast<int>(m_points.size()))
        return false;
    const LatentScatterPoint &p = m_points[static_cast<size_t>(pointIndex)];
    return !p.test || !m_errorsOnly || p.isError();
}

int LatentScatterMatrixView::visiblePointCount() const
{
    int count = 0;
    for (int i = 0; i < static_cast<int>(m_points.size()); ++i)
        count += isPointVisible(i) ? 1 : 0;
    return count;
}

QPoint LatentScatterMatrixView::pixelOf(int pointIndex, int row, int column) const
{
    const QCPAxisRect *rect = scatterPanel(row, column);
    if (!rect || pointIndex < 0 || pointIndex >= static_cast<int>(m_points.size()))
        return QPoint(-1, -1);
    const LatentScatterPoint &p = m_points[static_cast<size_t>(pointIndex)];
    const double x = rect->axis(QCPAxis::atBottom)->coordToPixel(p.scores[static_cast<size_t>(column)]);
    const double y = rect->axis(QCPAxis::atLeft)->coordToPixel(p.scores[static_cast<size_t>(row)]);
    return QPoint(qRound(x), qRound(y));
}

const LatentScatterMatrixView::Panel *LatentScatterMatrixView::panelAt(const QPoint &pos) const
{
    for (const Panel &p : m_panels)
        if (p.rect->rect().contains(pos))
            return &p;
    return nullptr;
}

int LatentScatterMatrixView::pointAt(const QPoint &pos) const
{
    const Panel *panel = panelAt(pos);
    if (!panel)
        return -1;
    // Test points are drawn on top and are what users click for: they win over nearer training points.
    for (const bool test : {true, false}) {
        const double tolerance = test ? kTestTolerance : kTrainingTolerance;
        double best = tolerance * tolerance;
        int bestIndex = -1;
        for (const Series &s : m_series) {
            if (s.test != test || s.row != panel->row || s.column != panel->column)
                continue;
            const auto data = s.graph->data();
            for (int i = 0; i < data->size(); ++i) {
                const QPointF px = s.graph->coordsToPixels(data->at(i)->key, data->at(i)->value);
                const double d2 = std::pow(px.x() - pos.x(), 2) + std::pow(px.y() - pos.y(), 2);
                if (d2 <= best) {
                    best = d2;
                    bestIndex = s.pointIndices[static_cast<size_t>(i)];
                }
            }
        }
        if (bestIndex >= 0)
            return bestIndex;
    }
    return -1;
}

QString LatentScatterMatrixView::readoutText() const { return m_readout->text(); }

void LatentScatterMatrixView::rebuild()
{
    modelplot::clearLayout(m_plot);
    m_matrix = nullptr;
    m_side = nullptr;
    m_panels.clear();
    m_diagonal.clear();
    m_histograms.clear();
    m_series.clear();
    m_readout->clear();

    const int n = componentCount();
    if (n == 0 || m_points.empty()) {
        m_summary->clear();
        m_stack->setCurrentWidget(m_placeholder);
        m_plot->replot();
        return;
    }
    m_stack->setCurrentWidget(m_plot);

    QStringList keys;
    int training = 0, test = 0, errors = 0;
    for (const LatentScatterPoint &p : m_points) {
        keys << p.trueKey;
        (p.test ? test : training) += 1;
        errors += p.test && p.isError() ? 1 : 0;
    }
    // Legend order: each component with the keys that share its colour (Am241, Am241+background), then the rest.
    const QStringList sorted = modelplot::sortedKeys(keys);
    m_keys.clear();
    for (const QString &component : m_components)
        for (const QString &key : sorted) {
            QStringList labels = key.split(QLatin1Char('+'));
            if (labels.size() > 1)
                labels.removeAll(QStringLiteral("background"));
            if (labels == QStringList{component} && !m_keys.contains(key))
                m_keys << key;
        }
    for (const QString &key : sorted)
        if (!m_keys.contains(key))
            m_keys << key;
    m_summary->setText(tr("%1 training and %2 test spectra; %3 test spectra misclassified.")
                           .arg(training)
                           .arg(test)
                           .arg(errors));
    // Large sets: antialiased scatters cost more than they add.
    if (m_points.size() > 3000)
        m_plot->setNotAntialiasedElements(QCP::aeScatters);
    else
        m_plot->setNotAntialiasedElements(QCP::aeNone);

    // Score range per component (shared by its row and its column), with a little room around.
    std::vector<QCPRange> ranges(static_cast<size_t>(n));
    for (int c = 0; c < n; ++c) {
        double lo = 0.0, hi = std::numeric_limits<double>::lowest();
        for (const LatentScatterPoint &p : m_points) {
            const double v = p.scores[static_cast<size_t>(c)];
            if (!std::isfinite(v))
                continue;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        if (!(hi > lo))
            hi = lo + 1.0;
        const double pad = 0.05 * (hi - lo);
        ranges[static_cast<size_t>(c)] = QCPRange(lo - pad, hi + pad);
    }

    // From 4 components on the legend sits in the empty upper triangle (about five entries fit per row of
    // panels); with fewer components or many label sets, in a column beside the matrix.
    auto *top = m_plot->plotLayout();
    auto *matrix = new QCPLayoutGrid;
    m_matrix = matrix;
    const bool legendInside = n >= 4 && m_keys.size() + 2 <= 5 * (n - 1);
    QCPLayoutInset *overlay = nullptr;
    if (legendInside) {
        overlay = new QCPLayoutInset;
        overlay->setMargins(QMargins(0, 6, 8, 0));  // keeps the legend off the widget's edge
        top->addElement(0, 0, overlay);
        overlay->addElement(matrix, QRectF(0, 0, 1, 1));
    } else {
        top->addElement(0, 0, matrix);
    }
    matrix->setRowSpacing(8);
    matrix->setColumnSpacing(8);
    matrix->setMargins(QMargins(4, legendInside ? 2 : 8, legendInside ? 4 : 12, 4));
    // Only the outer sides carry tick labels: the left margins of column 0 and the bottom margins of the
    // last row are automatic (and equal within the group), all other margins are a few pixels.
    auto *leftGroup = new QCPMarginGroup(m_plot);
    auto *bottomGroup = new QCPMarginGroup(m_plot);

    for (int i = 0; i < n; ++i) {
        for (int j = 0; j <= i; ++j) {
            auto *rect = new QCPAxisRect(m_plot, false);
            matrix->addElement(i, j, rect);
            modelplot::styleAxisRect(rect);
            QCP::MarginSides autoSides = QCP::msNone;
            if (j == 0) {
                autoSides |= QCP::msLeft;
                rect->setMarginGroup(QCP::msLeft, leftGroup);
            }
            if (i == n - 1) {
                autoSides |= QCP::msBottom;
                rect->setMarginGroup(QCP::msBottom, bottomGroup);
            }
            rect->setAutoMargins(autoSides);
            rect->setMargins(QMargins(2, 2, 2, 2));
            QCPAxis *x = rect->axis(QCPAxis::atBottom);
            QCPAxis *y = rect->axis(QCPAxis::atLeft);
            const bool diagonal = i == j;
            // Small panels: about two steps per axis (0, 0.5, 1 or 0, 20k, 40k).
            x->setTicker(modelplot::compactTicker(2));
            y->setTicker(modelplot::compactTicker(2));
            rect->axis(QCPAxis::atTop)->setTicker(x->ticker());
            rect->axis(QCPAxis::atRight)->setTicker(y->ticker());
            x->setRange(ranges[static_cast<size_t>(j)]);
            x->setTickLabels(i == n - 1);
            if (i == n - 1)
                x->setLabel(m_components[j]);
            if (!diagonal) {
                y->setRange(ranges[static_cast<size_t>(i)]);
                y->setTickLabels(j == 0);
                if (j == 0)
                    y->setLabel(m_components[i]);
                Panel panel;
                panel.rect = rect;
                panel.row = i;
                panel.column = j;
                m_panels.push_back(panel);
            } else {
                y->setTickLabels(false);
                y->grid()->setVisible(false);
                m_diagonal.push_back(rect);
                QCPGraph *histogram = m_plot->addGraph(x, y);
                histogram->setLineStyle(QCPGraph::lsStepLeft);
                const QColor colour = SpectrumPlotter::colorFor(i);
                histogram->setPen(QPen(QColor(0x70, 0x70, 0x70), 1.0));
                histogram->setBrush(QColor(0x70, 0x70, 0x70, 50));
                m_histograms.push_back(histogram);

                auto *name = new QCPItemText(m_plot);
                name->setClipToAxisRect(false);
                name->position->setAxisRect(rect);
                name->position->setType(QCPItemPosition::ptAxisRectRatio);
                name->position->setCoords(0.97, 0.05);
                name->setPositionAlignment(Qt::AlignTop | Qt::AlignRight);
                name->setText(m_components[i]);
                name->setFont(modelplot::plotFont(0.5, true));
                name->setColor(colour.darker(115));
                name->setBrush(QColor(255, 255, 255, 210));
                name->setPadding(QMargins(3, 1, 3, 1));
            }
        }
    }
    // The column and row titles say which component an axis is: the quantity goes into the tool tip.
    m_plot->setToolTip(tr("%1 of the component on each axis. Click a point to show its spectrum.").arg(m_scoreName));

    // Series: training under test in every panel, one graph per true label set and kind.
    for (const Panel &panel : m_panels) {
        QCPAxis *x = panel.rect->axis(QCPAxis::atBottom);
        QCPAxis *y = panel.rect->axis(QCPAxis::atLeft);
        for (const bool test : {false, true}) {
            for (const QString &key : m_keys) {
                const bool any = std::any_of(m_points.begin(), m_points.end(), [&](const LatentScatterPoint &p) {
                    return p.test == test && p.trueKey == key;
                });
                if (!any)
                    continue;
                const QColor colour = modelplot::labelColor(key, m_components, m_keys);
                Series s;
                s.graph = m_plot->addGraph(x, y);
                s.graph->setLineStyle(QCPGraph::lsNone);
                s.graph->setScatterStyle(test ? testStyle(colour) : trainingStyle(colour));
                s.graph->setAdaptiveSampling(!test);
                s.graph->setName(key);
                s.row = panel.row;
                s.column = panel.column;
                s.test = test;
                s.key = key;
                m_series.push_back(std::move(s));
            }
        }
    }
    for (Panel &panel : m_panels) {
        panel.mark = m_plot->addGraph(panel.rect->axis(QCPAxis::atBottom), panel.rect->axis(QCPAxis::atLeft));
        panel.mark->setLineStyle(QCPGraph::lsNone);
        panel.mark->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(0x10, 0x10, 0x10), 2.0),
                                                    Qt::NoBrush, 17));
    }

    // Legend beside the matrix: the label sets, then what small and large points mean.
    QCPAxisRect *legendHost = m_panels.empty() ? m_diagonal.front() : m_panels.front().rect;
    auto *legend = new QCPLegend;
    if (legendInside) {
        overlay->addElement(legend, Qt::AlignTop | Qt::AlignRight);
        legend->setMargins(QMargins(6, 4, 6, 4));
    } else {
        auto *side = new QCPLayoutGrid;
        m_side = side;
        top->addElement(0, 1, side);
        side->addElement(0, 0, legend);
        side->addElement(1, 0, new QCPLayoutElement(m_plot));
        side->setRowStretchFactors({0.001, 1.0});
        side->setMargins(QMargins(0, 6, 6, 0));
        top->setColumnStretchFactors({1.0, 0.001});
    }
    legend->setLayer(QStringLiteral("legend"));
    legend->setFont(modelplot::plotFont(-0.5));
    legend->setBrush(QColor(255, 255, 255, 225));
    legend->setBorderPen(QPen(QColor(0xb0, 0xb0, 0xb0)));
    legend->setIconSize(16, 14);
    auto addEntry = [&](const QString &name, const QCPScatterStyle &style) {
        QCPGraph *g = m_plot->addGraph(legendHost->axis(QCPAxis::atBottom), legendHost->axis(QCPAxis::atLeft));
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(style);
        g->setName(name);
        legend->addItem(new QCPPlottableLegendItem(legend, g));
    };
    for (const QString &key : m_keys)
        addEntry(key, QCPScatterStyle(QCPScatterStyle::ssDisc, modelplot::labelColor(key, m_components, m_keys), 9));
    addEntry(tr("training spectrum"), trainingStyle(QColor(0x70, 0x70, 0x70)));
    addEntry(tr("test spectrum"), testStyle(Qt::white));

    refill();  // lays out once: the margins measured there set the stretch factors
    updateStretch(m_plot->size());
    m_plot->replot();
}

bool LatentScatterMatrixView::eventFilter(QObject *watched, QEvent *event)
{
    // Before QCustomPlot's own resize handling lays out the new size.
    if (watched == m_plot && event->type() == QEvent::Resize)
        updateStretch(static_cast<QResizeEvent *>(event)->size());
    return QWidget::eventFilter(watched, event);
}

void LatentScatterMatrixView::updateStretch(const QSize &plotSize)
{
    const int n = componentCount();
    if (!m_matrix || m_diagonal.size() != static_cast<size_t>(n) || n < 2)
        return;
    const QFontMetrics fm(modelplot::plotFont(0));
    int bottom = m_diagonal.back()->margins().bottom();
    if (bottom <= 2)
        bottom = 2 * fm.height() + 16;
    int left = m_diagonal.front()->margins().left();
    if (left <= 2)
        left = fm.height() + fm.horizontalAdvance(QStringLiteral("0.75")) + 16;
    constexpr int inner = 2 + 2;  // margins of a side without labels, both sides
    const QMargins mm = m_matrix->margins();
    const int sideWidth = m_side ? m_side->outerRect().width() : 0;
    const double height = plotSize.height() - mm.top() - mm.bottom() - m_matrix->rowSpacing() * (n - 1);
    const double width = plotSize.width() - sideWidth - mm.left() - mm.right() - m_matrix->columnSpacing() * (n - 1);
    const double h = (height - (n - 1) * inner - (2 + bottom)) / n;
    const double w = (width - (n - 1) * inner - (2 + left)) / n;
    if (h < 10 || w < 10)
        return;
    QList<double> rows(n, h + inner), columns(n, w + inner);
    rows.last() = h + 2 + bottom;
    columns.first() = w + 2 + left;
    m_matrix->setRowStretchFactors(rows);
    m_matrix->setColumnStretchFactors(columns);
}

void LatentScatterMatrixView::refill()
{
    if (m_series.empty() && m_histograms.empty()) {
        m_plot->replot();
        return;
    }
    for (Series &s : m_series) {
        s.pointIndices.clear();
        for (int i = 0; i < static_cast<int>(m_points.size()); ++i) {
            const LatentScatterPoint &p = m_points[static_cast<size_t>(i)];
            if (p.test == s.test && p.trueKey == s.key && isPointVisible(i))
                s.pointIndices.push_back(i);
        }
        const size_t col = static_cast<size_t>(s.column), row = static_cast<size_t>(s.row);
        std::stable_sort(s.pointIndices.begin(), s.pointIndices.end(), [&](int a, int b) {
            return m_points[static_cast<size_t>(a)].scores[col] < m_points[static_cast<size_t>(b)].scores[col];
        });
        QVector<double> keys, values;
        keys.reserve(static_cast<qsizetype>(s.pointIndices.size()));
        values.reserve(keys.capacity());
        for (int i : s.pointIndices) {
            keys << m_points[static_cast<size_t>(i)].scores[col];
            values << m_points[static_cast<size_t>(i)].scores[row];
        }
        s.graph->setData(keys, values, true);
    }
    fillHistograms();
    m_plot->replot();
}

void LatentScatterMatrixView::fillHistograms()
{
    for (int c = 0; c < static_cast<int>(m_histograms.size()); ++c) {
        QCPGraph *h = m_histograms[static_cast<size_t>(c)];
        const QCPRange range = h->keyAxis()->range();
        const double width = range.size() / kHistogramBins;
        std::vector<double> counts(kHistogramBins, 0.0);
        for (int i = 0; i < static_cast<int>(m_points.size()); ++i) {
            if (!isPointVisible(i))
                continue;
            const double v = m_points[static_cast<size_t>(i)].scores[static_cast<size_t>(c)];
            if (!std::isfinite(v))
                continue;
            const int bin = std::clamp(static_cast<int>((v - range.lower) / width), 0, kHistogramBins - 1);
            counts[static_cast<size_t>(bin)] += 1.0;
        }
        QVector<double> keys(kHistogramBins + 1), values(kHistogramBins + 1);
        for (int b = 0; b <= kHistogramBins; ++b) {
            keys[b] = range.lower + b * width;
            values[b] = counts[static_cast<size_t>(std::min(b, kHistogramBins - 1))];
        }
        h->setData(keys, values, true);
        const double maxCount = *std::max_element(counts.begin(), counts.end());
        h->valueAxis()->setRange(0.0, std::max(1.0, maxCount) * 1.25);
    }
}

void LatentScatterMatrixView::markPoint(int pointIndex)
{
    m_marked = pointIndex >= 0 && pointIndex < static_cast<int>(m_points.size()) ? pointIndex : -1;
    for (Panel &panel : m_panels) {
        if (m_marked < 0) {
            panel.mark->data()->clear();
            continue;
        }
        const LatentScatterPoint &p = m_points[static_cast<size_t>(m_marked)];
        panel.mark->setData(QVector<double>{p.scores[static_cast<size_t>(panel.column)]},
                            QVector<double>{p.scores[static_cast<size_t>(panel.row)]});
    }
    if (m_marked < 0) {
        m_readout->clear();
    } else {
        const LatentScatterPoint &p = m_points[static_cast<size_t>(m_marked)];
        QStringList scores;
        for (int c = 0; c < componentCount(); ++c)
            scores << QStringLiteral("%1 %2").arg(m_components[c], QLocale().toString(p.scores[static_cast<size_t>(c)], 'g', 4));
        const QString text = p.test ? tr("Test spectrum %1: true %2, predicted %3. %4: %5")
                                    : tr("Training spectrum %1: true %2, predicted %3. %4: %5");
        m_readout->setText(text.arg(p.entryIndex).arg(p.trueKey, p.predictedKey, m_scoreName,
                                                      scores.join(QStringLiteral(", "))));
    }
    m_plot->replot();
}

} // namespace photopeak::ui
