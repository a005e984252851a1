// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "modelviews/MisclassificationView.h"

#include "modelviews/ModelPlotStyle.h"
#include "plot/SpectrumPlotter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace photopeak::ui {

namespace {
const QColor kCorrect(0x2c, 0xa0, 0x2c);
const QColor kWrong(0xd6, 0x27, 0x28);
const QColor kAccuracy(0x1f, 0x77, 0xb4);
const QColor kKept(0x60, 0x60, 0x60);
constexpr int kGrabPixels = 6;

// Counts of wrong spectra are drawn downward; their tick labels stay positive.
class AbsoluteTicker : public QCPAxisTicker {
protected:
    QString getTickLabel(double tick, const QLocale &locale, QChar formatChar, int precision) override
    {
        return QCPAxisTicker::getTickLabel(std::abs(tick), locale, formatChar, precision);
    }
};

// 50 -> "50", 66.666 -> "66.7": whole numbers without a decimal, others with one.
QString percentNumber(double percent)
{
    const double rounded = std::round(percent * 10.0) / 10.0;
    if (rounded == std::round(rounded))
        return QLocale().toString(rounded, 'f', 0);
    return QLocale().toString(rounded, 'f', 1);
}

QString formatValue(double v)
{
    return QLocale().toString(v, 'g', 4);
}
} // namespace

MisclassificationView::MisclassificationView(QWidget *parent)
    : QWidget(parent)
    , m_quantityBox(new QComboBox(this))
    , m_quantityLabel(new QLabel(tr("Quantity:"), this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(8, 4, 8, 4);
    bar->addWidget(m_quantityLabel);
    bar->addWidget(m_quantityBox);
    bar->addStretch(1);
    layout->addLayout(bar);
    m_quantityBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setStyleSheet(QStringLiteral("QLabel { color: #707070; background: white; }"));
    m_placeholder->setText(tr("<p style='font-size:15pt'>No classified spectra</p>"
                              "<p>Evaluate a model on labelled spectra to see how accuracy depends on a "
                              "confidence threshold.</p>"));
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_plot);
    layout->addWidget(m_stack, 1);

    SpectrumPlotter::setupPlot(m_plot);
    m_plot->setAutoAddPlottableToLegend(false);
    m_plot->setMouseTracking(true);
    m_plot->addLayer(QStringLiteral("shade"), m_plot->layer(QStringLiteral("grid")), QCustomPlot::limAbove);

    connect(m_quantityBox, &QComboBox::currentIndexChanged, this, &MisclassificationView::setCurrentQuantity);
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *e) {
        if (e->button() != Qt::LeftButton || !rectAt(e->pos()))
            return;
        m_dragging = true;
        setThreshold(keyAt(e->pos().x()));
    });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *e) {
        if (m_dragging) {
            setThreshold(keyAt(e->pos().x()));
            return;
        }
        const bool near = rectAt(e->pos()) && std::abs(e->pos().x() - thresholdPixel()) <= kGrabPixels;
        m_plot->setCursor(near ? Qt::SizeHorCursor : Qt::CrossCursor);
    });
    connect(m_plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent *) { m_dragging = false; });

    rebuild();
}

void MisclassificationView::setSamples(const std::vector<MisclassificationSample> &samples,
                                       const QString &quantityName)
{
    MisclassificationQuantity q;
    q.name = quantityName.isEmpty() ? tr("Confidence") : quantityName;
    std::vector<bool> correct;
    q.values.reserve(samples.size());
    correct.reserve(samples.size());
    for (const MisclassificationSample &s : samples) {
        q.values.push_back(s.confidence);
        correct.push_back(s.correct);
    }
    setQuantities({std::move(q)}, std::move(correct));
}

void MisclassificationView::setQuantities(std::vector<MisclassificationQuantity> quantities, std::vector<bool> correct)
{
    m_quantities = std::move(quantities);
    m_correct = std::move(correct);
    {
        const QSignalBlocker block(m_quantityBox);
        m_quantityBox->clear();
        for (const MisclassificationQuantity &q : m_quantities)
            m_quantityBox->addItem(q.name);
    }
    m_quantityBox->setVisible(m_quantities.size() > 1);
    m_quantityLabel->setVisible(m_quantities.size() > 1);
    m_current = m_quantities.empty() ? -1 : 0;
    m_quantityBox->setCurrentIndex(m_current);
    rebuild();
}

void MisclassificationView::clear() { setQuantities({}, {}); }

void MisclassificationView::setCurrentQuantity(int index)
{
    if (index < 0 || index >= quantityCount() || index == m_current)
        return;
    m_current = index;
    {
        const QSignalBlocker block(m_quantityBox);
        m_quantityBox->setCurrentIndex(index);
    }
    rebuild();
}

bool MisclassificationView::usesLogScale() const
{
    return m_current >= 0 && m_quantities[static_cast<size_t>(m_current)].logScale && !m_sorted.values.empty() &&
           m_sorted.values.front() > 0.0;
}

Ratio MisclassificationView::keptShare() const
{
    const auto &v = m_sorted.values;
    const size_t k = static_cast<size_t>(std::lower_bound(v.begin(), v.end(), m_threshold) - v.begin());
    return {double(v.size() - k), double(v.size())};
}

Ratio MisclassificationView::keptAccuracy() const
{
    const auto &v = m_sorted.values;
    const size_t k = static_cast<size_t>(std::lower_bound(v.begin(), v.end(), m_threshold) - v.begin());
    return {double(m_sorted.correctAbove[k]), double(v.size() - k)};
}

QString MisclassificationView::thresholdText() const
{
    const Ratio kept = keptShare();
    if (!kept.value())
        return tr("No spectra");
    const Ratio accuracy = keptAccuracy();
    if (!accuracy.value())
        return tr("0 % of spectra classified");
    return tr("%1 % of spectra classified with accuracy %2 %")
        .arg(percentNumber(100.0 * *kept.value()), percentNumber(100.0 * *accuracy.value()));
}

int MisclassificationView::thresholdPixel() const
{
    if (!m_curveRect)
        return -1;
    return qRound(m_curveRect->axis(QCPAxis::atBottom)->coordToPixel(m_threshold));
}

QCPAxisRect *MisclassificationView::rectAt(const QPoint &pos) const
{
    for (QCPAxisRect *rect : {m_histRect, m_curveRect})
        if (rect && rect->rect().contains(pos))
            return rect;
    return nullptr;
}

double MisclassificationView::keyAt(int pixelX) const
{
    QCPAxis *x = m_curveRect->axis(QCPAxis::atBottom);
    const double key = x->pixelToCoord(pixelX);
    return x->range().contains(key) ? key : (key < x->range().lower ? x->range().lower : x->range().upper);
}

void MisclassificationView::setThreshold(double threshold)
{
    if (!std::isfinite(threshold))
        return;
    const bool changed = threshold != m_threshold;
    m_threshold = threshold;
    updateThreshold();
    if (changed)
        emit thresholdChanged(threshold);
}

void MisclassificationView::rebuild()
{
    modelplot::clearLayout(m_plot);
    m_title = nullptr;
    m_histRect = m_curveRect = nullptr;
    m_histLine = m_curveLine = nullptr;
    m_histShade = m_curveShade = nullptr;

    // Sorted finite values with the number of correct spectra at or above each position.
    m_sorted = Sorted();
    if (m_current >= 0) {
        const MisclassificationQuantity &q = m_quantities[static_cast<size_t>(m_current)];
        std::vector<std::pair<double, bool>> pairs;
        for (size_t i = 0; i < q.values.size() && i < m_correct.size(); ++i)
            if (std::isfinite(q.values[i]))
                pairs.emplace_back(q.values[i], m_correct[i]);
        std::sort(pairs.begin(), pairs.end());
        m_sorted.values.reserve(pairs.size());
        for (const auto &p : pairs)
            m_sorted.values.push_back(p.first);
        m_sorted.correctAbove.assign(pairs.size() + 1, 0);
        for (size_t i = pairs.size(); i-- > 0;)
            m_sorted.correctAbove[i] = m_sorted.correctAbove[i + 1] + (pairs[i].second ? 1 : 0);
    }
    if (m_sorted.correctAbove.empty())
        m_sorted.correctAbove.assign(1, 0);
    if (m_sorted.values.empty()) {
        m_stack->setCurrentWidget(m_placeholder);
        m_plot->replot();
        return;
    }
    m_stack->setCurrentWidget(m_plot);

    const MisclassificationQuantity &q = m_quantities[static_cast<size_t>(m_current)];
    const bool logX = usesLogScale();
    const auto &v = m_sorted.values;
    double lo = v.front(), hi = v.back();
    if (logX) {
        if (hi <= lo)
            hi = lo * 10.0;
        lo /= 1.15;
        hi *= 1.15;
    } else {
        if (hi <= lo) {
            lo -= 0.5;
            hi += 0.5;
        }
        const double pad = 0.03 * (hi - lo);
        lo -= pad;
        hi += pad;
    }
    const QCPRange xRange(lo, hi);

    auto *layout = m_plot->plotLayout();
    m_title = new QCPTextElement(m_plot, QString(), modelplot::plotFont(1.5, true));
    m_title->setTextColor(QColor(0x20, 0x20, 0x20));
    m_title->setMargins(QMargins(8, 6, 8, 4));
    layout->addElement(0, 0, m_title);
    auto *group = new QCPMarginGroup(m_plot);
    m_histRect = new QCPAxisRect(m_plot, false);
    m_curveRect = new QCPAxisRect(m_plot, false);
    layout->addElement(1, 0, m_histRect);
    layout->addElement(2, 0, m_curveRect);
    layout->setRowStretchFactors({0.001, 1.0, 1.0});
    layout->setRowSpacing(0);

    for (QCPAxisRect *rect : {m_histRect, m_curveRect}) {
        modelplot::styleAxisRect(rect);
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, group);
        QCPAxis *x = rect->axis(QCPAxis::atBottom);
        if (logX) {
            auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
            ticker->setLogBase(10);
            ticker->setSubTickCount(8);
            for (QCPAxis *axis : {x, rect->axis(QCPAxis::atTop)}) {
                axis->setScaleType(QCPAxis::stLogarithmic);
                axis->setTicker(ticker);
            }
            x->setNumberFormat(QStringLiteral("gb"));
        }
        x->setRange(xRange);
    }
    m_histRect->axis(QCPAxis::atBottom)->setTickLabels(false);
    m_histRect->setAutoMargins(QCP::msLeft | QCP::msTop);
    m_histRect->setMargins(QMargins(0, 0, 14, 0));
    m_curveRect->setAutoMargins(QCP::msLeft | QCP::msBottom);
    m_curveRect->setMargins(QMargins(0, 0, 14, 0));
    m_curveRect->axis(QCPAxis::atBottom)->setLabel(q.name);

    // Histogram: correct spectra upward, wrong ones downward.
    const int n = static_cast<int>(v.size());
    const int bins = std::clamp(2 * static_cast<int>(std::ceil(std::sqrt(double(n)))), 10, 50);
    std::vector<double> edges(static_cast<size_t>(bins) + 1);
    const double a = logX ? std::log10(v.front()) : v.front();
    double b = logX ? std::log10(v.back()) : v.back();
    if (b <= a)
        b = a + 1.0;
    for (int i = 0; i <= bins; ++i) {
        const double t = a + (b - a) * i / bins;
        edges[static_cast<size_t>(i)] = logX ? std::pow(10.0, t) : t;
    }
    std::vector<double> good(static_cast<size_t>(bins), 0.0), bad(static_cast<size_t>(bins), 0.0);
    const MisclassificationQuantity &quantity = q;
    for (size_t i = 0; i < quantity.values.size() && i < m_correct.size(); ++i) {
        const double x = quantity.values[i];
        if (!std::isfinite(x) || (logX && x <= 0.0))
            continue;
        const double pos = logX ? std::log10(x) : x;
        const int bin = std::clamp(static_cast<int>((pos - a) / (b - a) * bins), 0, bins - 1);
        (m_correct[i] ? good : bad)[static_cast<size_t>(bin)] += 1.0;
    }
    QVector<double> keys(edges.begin(), edges.end()), up(bins + 1), down(bins + 1);
    for (int i = 0; i <= bins; ++i) {
        const size_t k = static_cast<size_t>(std::min(i, bins - 1));
        up[i] = good[k];
        down[i] = -bad[k];
    }
    QCPAxis *hx = m_histRect->axis(QCPAxis::atBottom);
    QCPAxis *hy = m_histRect->axis(QCPAxis::atLeft);
    for (const bool correct : {true, false}) {
        QCPGraph *g = m_plot->addGraph(hx, hy);
        g->setData(keys, correct ? up : down, true);
        g->setLineStyle(QCPGraph::lsStepLeft);
        const QColor c = correct ? kCorrect : kWrong;
        g->setPen(QPen(c.darker(110), 1.0));
        QColor fill = c;
        fill.setAlpha(110);
        g->setBrush(fill);
        g->setName(correct ? tr("correct (upward)") : tr("wrong (downward)"));
    }
    const double maxUp = *std::max_element(good.begin(), good.end());
    const double maxDown = *std::max_element(bad.begin(), bad.end());
    const double top = std::max(1.0, maxUp) * 1.15;
    const double bottom = std::max(maxDown, 0.08 * top) * 1.15;
    hy->setRange(-bottom, top);
    hy->setTicker(QSharedPointer<AbsoluteTicker>::create());
    hy->ticker()->setTickCount(4);
    hy->setLabel(tr("Spectra"));
    hy->grid()->setZeroLinePen(QPen(QColor(0x40, 0x40, 0x40), 1));

    // Curves over the threshold: share of spectra kept and the accuracy among them. Step functions that
    // hold on (previous value, value]: a threshold anywhere in there keeps the same spectra.
    std::vector<double> unique;
    for (double x : v)
        if (unique.empty() || x != unique.back())
            unique.push_back(x);
    QVector<double> ck, kept, acc;
    ck << lo;
    kept << 100.0;
    acc << 100.0 * m_sorted.correctAbove[0] / n;
    for (double u : unique) {
        const size_t k = static_cast<size_t>(std::lower_bound(v.begin(), v.end(), u) - v.begin());
        ck << u;
        kept << 100.0 * double(n - static_cast<int>(k)) / n;
        acc << 100.0 * m_sorted.correctAbove[k] / double(n - static_cast<int>(k));
    }
    QCPAxis *cx = m_curveRect->axis(QCPAxis::atBottom);
    QCPAxis *cy = m_curveRect->axis(QCPAxis::atLeft);
    QCPGraph *keptGraph = m_plot->addGraph(cx, cy);
    QVector<double> keptKeys = ck, keptValues = kept;
    keptKeys << hi;
    keptValues << 0.0;  // above the largest value nothing is kept
    keptGraph->setData(keptKeys, keptValues, true);
    keptGraph->setLineStyle(QCPGraph::lsStepRight);
    keptGraph->setPen(QPen(kKept, 2.0, Qt::DashLine));
    keptGraph->setName(tr("spectra kept (value \u2265 threshold)"));
    QCPGraph *accGraph = m_plot->addGraph(cx, cy);
    accGraph->setData(ck, acc, true);
    accGraph->setLineStyle(QCPGraph::lsStepRight);
    accGraph->setPen(QPen(kAccuracy, 2.0));
    accGraph->setName(tr("accuracy of the kept spectra"));
    cy->setRange(0.0, 105.0);
    cy->setLabel(tr("Kept, accuracy (%)"));
    cy->ticker()->setTickCount(5);

    // Legend in the lower panel, bottom left, where both curves rarely are.
    auto *legend = new QCPLegend;
    m_curveRect->insetLayout()->addElement(legend, Qt::AlignBottom | Qt::AlignLeft);
    legend->setLayer(QStringLiteral("legend"));
    legend->setFont(modelplot::plotFont(-0.5));
    legend->setBrush(QColor(255, 255, 255, 225));
    legend->setBorderPen(QPen(QColor(0xb0, 0xb0, 0xb0)));
    legend->setIconSize(22, 14);
    for (int i = 0; i < m_plot->graphCount(); ++i)
        legend->addItem(new QCPPlottableLegendItem(legend, m_plot->graph(i)));

    // Threshold line and the shade over the spectra it leaves out, in both panels.
    for (QCPAxisRect *rect : {m_histRect, m_curveRect}) {
        QCPAxis *x = rect->axis(QCPAxis::atBottom);
        QCPAxis *y = rect->axis(QCPAxis::atLeft);
        auto *shade = new QCPItemRect(m_plot);
        shade->setLayer(QStringLiteral("shade"));
        shade->setClipAxisRect(rect);
        shade->setPen(Qt::NoPen);
        shade->setBrush(QColor(0, 0, 0, 22));
        shade->setSelectable(false);
        auto *line = new QCPItemStraightLine(m_plot);
        line->setClipAxisRect(rect);
        line->setPen(QPen(QColor(0x20, 0x20, 0x20), 2.0));
        line->setSelectable(false);
        for (QCPItemPosition *p : {shade->topLeft, shade->bottomRight, line->point1, line->point2}) {
            p->setAxes(x, y);
            p->setAxisRect(rect);
            p->setTypeX(QCPItemPosition::ptPlotCoords);
            p->setTypeY(QCPItemPosition::ptAxisRectRatio);
        }
        shade->topLeft->setCoords(logX ? lo / 1e6 : lo - (hi - lo), 0.0);
        (rect == m_histRect ? m_histLine : m_curveLine) = line;
        (rect == m_histRect ? m_histShade : m_curveShade) = shade;
    }

    // A new quantity starts with every spectrum kept.
    m_threshold = v.front();
    updateThreshold();
    emit thresholdChanged(m_threshold);
}

void MisclassificationView::updateThreshold()
{
    if (!m_title)
        return;
    const QString name = m_quantities[static_cast<size_t>(m_current)].name;
    m_title->setText(tr("%1 \u2265 %2: %3").arg(name, formatValue(m_threshold), thresholdText()));
    for (QCPItemStraightLine *line : {m_histLine, m_curveLine}) {
        line->point1->setCoords(m_threshold, 0.0);
        line->point2->setCoords(m_threshold, 1.0);
    }
    for (QCPItemRect *shade : {m_histShade, m_curveShade})
        shade->bottomRight->setCoords(m_threshold, 1.0);
    m_plot->replot(m_dragging ? QCustomPlot::rpQueuedReplot : QCustomPlot::rpRefreshHint);
}

} // namespace photopeak::ui
