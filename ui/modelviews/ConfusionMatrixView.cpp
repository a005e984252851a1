// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "modelviews/ConfusionMatrixView.h"

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
#include <numeric>

namespace photopeak::ui {

namespace {
const QString kNone = QStringLiteral("(none)");
const QString kSourceSet = QStringLiteral("source");

QCPColorGradient shareGradient()
{
    // Sequential blues: none of the four frame colours is a blue, so frames stay visible on any cell.
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorStopAt(0.0, QColor(0xf7, 0xfb, 0xff));
    g.setColorStopAt(0.35, QColor(0xc6, 0xdb, 0xef));
    g.setColorStopAt(0.7, QColor(0x6b, 0xae, 0xd6));
    g.setColorStopAt(1.0, QColor(0x08, 0x51, 0x9c));
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    return g;
}

QString percentText(double share)
{
    if (share > 0.0 && share < 0.0005)  // a few spectra in a large row: not "0.0 %"
        return QStringLiteral("< ") + QLocale().toString(0.1, 'f', 1) + QStringLiteral(" %");
    return QLocale().toString(100.0 * share, 'f', 1) + QStringLiteral(" %");
}
} // namespace

QColor ConfusionMatrixView::relationColor(SetRelation relation)
{
    switch (relation) {
    case SetRelation::Perfect: return QColor(0x1a, 0x9e, 0x3a);       // green
    case SetRelation::Incomplete: return QColor(0xd4, 0xa0, 0x00);    // gold
    case SetRelation::OverComplete: return QColor(0xf0, 0x6c, 0x00);  // orange
    case SetRelation::Wrong: return QColor(0xd0, 0x1c, 0x1c);         // red
    }
    return QColor();
}

QString ConfusionMatrixView::relationLabel(SetRelation relation)
{
    switch (relation) {
    case SetRelation::Perfect: return tr("correct (P = T)");
    case SetRelation::Incomplete: return tr("incomplete (P \u2282 T)");
    case SetRelation::OverComplete: return tr("over-complete (T \u2282 P)");
    case SetRelation::Wrong: return tr("wrong");
    }
    return QString();
}

QSet<QString> ConfusionMatrixView::keySet(const QString &key)
{
    QSet<QString> set;
    if (key.isEmpty() || key == kNone)
        return set;
    for (const QString &label : key.split(QLatin1Char('+'), Qt::SkipEmptyParts))
        set.insert(label.trimmed());
    return set;
}

SetRelation ConfusionMatrixView::relationOf(const QString &truthKey, const QString &predictedKey)
{
    return compareLabelSets(keySet(truthKey), keySet(predictedKey));
}

ConfusionMatrixView::ConfusionMatrixView(QWidget *parent)
    : QWidget(parent), m_modeBox(new QComboBox(this)), m_isotopeBox(new QComboBox(this))
{
    const modelplot::PlotFrame frame(this);
    m_stack = frame.stack;
    m_placeholder = frame.placeholder;
    m_plot = frame.plot;
    m_modeBox->addItem(tr("Source / background"), int(Mode::Binary));
    m_modeBox->addItem(tr("Per isotope"), int(Mode::PerIsotope));
    m_modeBox->addItem(tr("By label set"), int(Mode::LabelSet));
    m_modeBox->setCurrentIndex(m_modeBox->findData(int(m_mode)));
    m_isotopeBox->setMinimumContentsLength(10);
    m_isotopeBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    frame.bar->addWidget(new QLabel(tr("Matrix:"), this));
    frame.bar->addWidget(m_modeBox);
    frame.bar->addWidget(m_isotopeBox);
    frame.bar->addStretch(1);

    // Layout: title over the matrix, legend of the frames and the colour scale beside it.
    m_plot->setAutoAddPlottableToLegend(false);
    auto *top = m_plot->plotLayout();
    top->insertRow(0);
    auto *title = new QCPTextElement(m_plot, QString(), modelplot::plotFont(0.5, true));
    title->setTextColor(QColor(0x20, 0x20, 0x20));
    title->setMargins(QMargins(8, 6, 8, 2));
    top->addElement(0, 0, title);
    auto *side = new QCPLayoutGrid;
    top->addElement(1, 1, side);
    top->setColumnStretchFactors({1.0, 0.001});
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->axisRect()->insetLayout()->simplify();
    side->addElement(0, 0, m_plot->legend);
    m_plot->legend->setVisible(true);
    m_plot->legend->setIconSize(18, 16);
    auto *scale = new QCPColorScale(m_plot);
    side->addElement(1, 0, scale);
    side->setRowStretchFactors({0.001, 1.0});
    side->setRowSpacing(12);
    side->setMargins(QMargins(4, 8, 8, 8));
    scale->setType(QCPAxis::atRight);
    scale->setGradient(shareGradient());
    scale->setDataRange(QCPRange(0.0, 100.0));
    scale->setBarWidth(12);
    modelplot::styleAxis(scale->axis());
    scale->axis()->setLabel(tr("Share of the true row (%)"));
    scale->axis()->grid()->setVisible(false);
    for (const SetRelation r :
         {SetRelation::Perfect, SetRelation::Incomplete, SetRelation::OverComplete, SetRelation::Wrong}) {
        QCPGraph *g = m_plot->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, QPen(relationColor(r), 2.5), Qt::white, 13));
        g->setName(relationLabel(r));
        g->addToLegend();
    }

    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis, m_plot->xAxis2, m_plot->yAxis2}) {
        axis->grid()->setVisible(false);
        axis->setSubTicks(false);
        axis->setTickLength(0, 0);
    }
    m_plot->xAxis2->setTicks(false);
    m_plot->yAxis2->setTicks(false);
    m_plot->yAxis->setRangeReversed(true);
    m_plot->yAxis2->setRangeReversed(true);

    connect(m_modeBox, &QComboBox::currentIndexChanged, this,
            [this] { setMode(Mode(m_modeBox->currentData().toInt())); });
    connect(m_isotopeBox, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *e) { m_pressPos = e->pos(); });
    connect(m_plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent *e) {
        if (e->button() != Qt::LeftButton || (e->pos() - m_pressPos).manhattanLength() > 3)
            return;
        const QPoint c = cellAt(e->pos());
        if (c.x() >= 0)
            emit cellActivated(m_rows[c.y()], m_columns[c.x()]);
    });

    updateControls();
    redraw();
}

void ConfusionMatrixView::setBinary(const BinaryMetrics &metrics, const QString &positiveName,
                                    const QString &negativeName)
{
    m_binary = metrics;
    m_hasBinary = metrics.count() > 0;
    m_positiveName = positiveName.isEmpty() ? tr("Source") : positiveName;
    m_negativeName = negativeName.isEmpty() ? tr("Background") : negativeName;
    updateControls();
    redraw();
}

void ConfusionMatrixView::setPerIsotope(const QStringList &isotopes, const QMap<QString, PerLabelCounts> &counts)
{
    m_isotopes = isotopes;
    m_perIsotope = counts;
    updateControls();
    redraw();
}

void ConfusionMatrixView::setLabelSetConfusion(const QMap<QString, QMap<QString, int>> &confusion)
{
    m_labelSets = confusion;
    updateControls();
    redraw();
}

void ConfusionMatrixView::setLabelSetMetrics(const LabelSetMetrics &metrics)
{
    m_isotopes = metrics.universe();
    m_perIsotope.clear();
    for (const QString &label : m_isotopes)
        m_perIsotope.insert(label, metrics.perLabel(label));
    m_labelSets = metrics.confusion();
    updateControls();
    redraw();
}

void ConfusionMatrixView::clear()
{
    m_binary = BinaryMetrics();
    m_hasBinary = false;
    m_isotopes.clear();
    m_perIsotope.clear();
    m_labelSets.clear();
    updateControls();
    redraw();
}

bool ConfusionMatrixView::hasData(Mode mode) const
{
    switch (mode) {
    case Mode::Binary: return m_hasBinary;
    case Mode::PerIsotope: return !m_isotopes.isEmpty();
    case Mode::LabelSet: return !m_labelSets.isEmpty();
    }
    return false;
}

void ConfusionMatrixView::setMode(Mode mode)
{
    const bool changed = mode != m_mode;
    m_mode = mode;
    {
        const QSignalBlocker block(m_modeBox);
        m_modeBox->setCurrentIndex(m_modeBox->findData(int(mode)));
    }
    updateControls();
    if (changed)
        redraw();
}

void ConfusionMatrixView::setIsotope(const QString &isotope)
{
    const int index = m_isotopeBox->findText(isotope);
    if (index >= 0)
        m_isotopeBox->setCurrentIndex(index);  // redraws
}

QString ConfusionMatrixView::isotope() const { return m_isotopeBox->currentText(); }

void ConfusionMatrixView::updateControls()
{
    const QString current = m_isotopeBox->currentText();
    {
        const QSignalBlocker block(m_isotopeBox);
        m_isotopeBox->clear();
        m_isotopeBox->addItems(m_isotopes);
        const int index = m_isotopeBox->findText(current);
        m_isotopeBox->setCurrentIndex(index >= 0 ? index : 0);
    }
    m_isotopeBox->setVisible(m_mode == Mode::PerIsotope);
}

const ConfusionMatrixView::Cell *ConfusionMatrixView::cell(int row, int column) const
{
    if (row < 0 || column < 0 || row >= m_rows.size() || column >= m_columns.size())
        return nullptr;
    return &m_cells[row * m_columns.size() + column];
}

QColor ConfusionMatrixView::frameColor(int row, int column) const
{
    const QCPItemRect *frame = m_frames.value(qMakePair(row, column), nullptr);
    return frame ? frame->pen().color() : QColor();
}

QPoint ConfusionMatrixView::cellAt(const QPoint &pos) const
{
    if (m_rows.isEmpty() || !m_plot->axisRect()->rect().contains(pos))
        return QPoint(-1, -1);
    const int column = qRound(m_plot->xAxis->pixelToCoord(pos.x()));
    const int row = qRound(m_plot->yAxis->pixelToCoord(pos.y()));
    if (row < 0 || column < 0 || row >= m_rows.size() || column >= m_columns.size())
        return QPoint(-1, -1);
    return QPoint(column, row);
}

ConfusionMatrixView::Matrix ConfusionMatrixView::twoByTwo(const QString &positive, const QString &negative, int tp,
                                                          int fn, int fp, int tn)
{
    Matrix m;
    m.rows = m.columns = QStringList{positive, negative};
    // As sets: the positive class present or not. A miss is then incomplete, a false alarm over-complete.
    m.rowSets = m.columnSets = QList<QSet<QString>>{QSet<QString>{kSourceSet}, QSet<QString>{}};
    m.counts = {{tp, fn}, {fp, tn}};
    return m;
}

ConfusionMatrixView::Matrix ConfusionMatrixView::currentMatrix() const
{
    Matrix m;
    switch (m_mode) {
    case Mode::Binary: {
        const BinaryMetrics &b = m_binary;
        m = twoByTwo(m_positiveName, m_negativeName, b.truePositives(), b.falseNegatives(), b.falsePositives(),
                     b.trueNegatives());
        m.title = tr("%1 spectra: detection rate %2, false-alarm rate %3")
                      .arg(b.count())
                      .arg(b.detectionRate().percent(), b.falseAlarmRate().percent());
        m.xTitle = tr("Decision");
        m.yTitle = tr("Truth");
        break;
    }
    case Mode::PerIsotope: {
        const QString iso = m_isotopeBox->currentText();
        const PerLabelCounts c = m_perIsotope.value(iso);
        m = twoByTwo(iso, tr("not %1").arg(iso), c.truePositive, c.falseNegative, c.falsePositive, c.trueNegative);
        m.title = tr("%1 in %2 spectra: precision %3, recall %4")
                      .arg(iso)
                      .arg(c.truePositive + c.falseNegative + c.falsePositive + c.trueNegative)
                      .arg(c.precision().percent(), c.recall().percent());
        m.xTitle = tr("Predicted");
        m.yTitle = tr("True");
        break;
    }
    case Mode::LabelSet: {
        QStringList truths = modelplot::sortedKeys(m_labelSets.keys());
        QStringList predicted;
        int total = 0, perfect = 0;
        for (auto row = m_labelSets.cbegin(); row != m_labelSets.cend(); ++row)
            for (auto col = row->cbegin(); col != row->cend(); ++col) {
                predicted << col.key();
                total += col.value();
                if (relationOf(row.key(), col.key()) == SetRelation::Perfect)
                    perfect += col.value();
            }
        // Columns: the true keys in row order (so the diagonal is the diagonal), then keys only predicted.
        QStringList extra;
        for (const QString &k : modelplot::sortedKeys(predicted))
            if (!truths.contains(k))
                extra << k;
        m.rows = truths;
        m.columns = truths + extra;
        for (const QString &k : m.rows)
            m.rowSets << keySet(k);
        for (const QString &k : m.columns)
            m.columnSets << keySet(k);
        m.counts.assign(static_cast<size_t>(m.rows.size()), std::vector<int>(static_cast<size_t>(m.columns.size()), 0));
        for (int r = 0; r < m.rows.size(); ++r)
            for (int c = 0; c < m.columns.size(); ++c)
                m.counts[r][c] = m_labelSets.value(m.rows[r]).value(m.columns[c], 0);
        m.title = tr("Label sets of %1 spectra: %2 exactly right")
                      .arg(total)
                      .arg(Ratio{double(perfect), double(total)}.percent());
        m.xTitle = tr("Predicted label set");
        m.yTitle = tr("True label set");
        break;
    }
    }
    return m;
}

void ConfusionMatrixView::redraw()
{
    m_plot->clearItems();
    m_frames.clear();
    m_cells.clear();
    m_rows.clear();
    m_columns.clear();
    m_title.clear();

    if (!hasData(m_mode)) {
        switch (m_mode) {
        case Mode::Binary:
            m_placeholder->setText(tr("<p style='font-size:15pt'>No detection results</p>"
                                      "<p>Evaluate a detector to see its source / background decisions.</p>"));
            break;
        case Mode::PerIsotope:
        case Mode::LabelSet:
            m_placeholder->setText(tr("<p style='font-size:15pt'>No identification results</p>"
                                      "<p>Evaluate a model on labelled spectra to see its confusion matrix.</p>"));
            break;
        }
        m_stack->setCurrentWidget(m_placeholder);
        m_plot->replot();
        return;
    }
    m_stack->setCurrentWidget(m_plot);

    const Matrix m = currentMatrix();
    m_rows = m.rows;
    m_columns = m.columns;
    m_title = m.title;
    if (auto *title = qobject_cast<QCPTextElement *>(m_plot->plotLayout()->element(0, 0)))
        title->setText(m.title);

    const int nr = static_cast<int>(m.rows.size()), nc = static_cast<int>(m.columns.size());
    const bool small = nr <= 2 && nc <= 2;
    QCPColorGradient gradient = shareGradient();  // color() updates a cache: not const
    QFont countFont = modelplot::plotFont(small ? 4.0 : (std::max(nr, nc) <= 8 ? 0.5 : -1.0), small);
    QFont shareFont = modelplot::plotFont(small ? 0.5 : -1.5);

    for (int r = 0; r < nr; ++r) {
        const auto &row = m.counts[static_cast<size_t>(r)];
        const int rowTotal = std::accumulate(row.begin(), row.end(), 0);
        for (int c = 0; c < nc; ++c) {
            Cell cell;
            cell.row = r;
            cell.column = c;
            cell.truth = m.rows[r];
            cell.predicted = m.columns[c];
            cell.count = row[static_cast<size_t>(c)];
            cell.rowShare = rowTotal > 0 ? double(cell.count) / rowTotal : 0.0;
            cell.relation = compareLabelSets(m.rowSets[r], m.columnSets[c]);
            cell.framed = cell.count > 0;
            m_cells << cell;

            auto *fill = new QCPItemRect(m_plot);
            fill->topLeft->setCoords(c - 0.5, r - 0.5);
            fill->bottomRight->setCoords(c + 0.5, r + 0.5);
            fill->setPen(QPen(QColor(0xd8, 0xd8, 0xd8), 1));
            fill->setBrush(cell.count > 0 ? QBrush(QColor::fromRgb(gradient.color(cell.rowShare, QCPRange(0, 1))))
                                          : QBrush(Qt::white));
            fill->setSelectable(false);
            if (cell.framed) {
                constexpr double inset = 0.06;
                auto *frame = new QCPItemRect(m_plot);
                frame->topLeft->setCoords(c - 0.5 + inset, r - 0.5 + inset);
                frame->bottomRight->setCoords(c + 0.5 - inset, r + 0.5 - inset);
                frame->setPen(QPen(relationColor(cell.relation), small ? 4.0 : 2.5));
                frame->setBrush(Qt::NoBrush);
                frame->setSelectable(false);
                m_frames.insert(qMakePair(r, c), frame);
            }
            if (cell.count > 0 || small) {
                const bool dark = cell.rowShare > 0.55;
                auto *text = new QCPItemText(m_plot);
                text->position->setCoords(c, r);
                text->setPositionAlignment(Qt::AlignCenter);
                text->setTextAlignment(Qt::AlignCenter);
                text->setFont(countFont);
                text->setColor(dark ? Qt::white : QColor(0x20, 0x20, 0x20));
                text->setText(QLocale().toString(cell.count));
                text->setSelectable(false);
                if (small) {
                    auto *share = new QCPItemText(m_plot);
                    share->position->setParentAnchor(text->bottom);
                    share->position->setCoords(0, 4);
                    share->setPositionAlignment(Qt::AlignTop | Qt::AlignHCenter);
                    share->setFont(shareFont);
                    share->setColor(text->color());
                    share->setText(rowTotal > 0 ? percentText(cell.rowShare) : QStringLiteral("n/a"));
                    share->setSelectable(false);
                }
            }
        }
    }

    auto xTicker = QSharedPointer<QCPAxisTickerText>::create();
    for (int c = 0; c < nc; ++c)
        xTicker->addTick(c, m.columns[c]);
    auto yTicker = QSharedPointer<QCPAxisTickerText>::create();
    for (int r = 0; r < nr; ++r)
        yTicker->addTick(r, m.rows[r]);
    m_plot->xAxis->setTicker(xTicker);
    m_plot->yAxis->setTicker(yTicker);
    int longest = 0;
    for (const QString &k : m.columns)
        longest = std::max(longest, static_cast<int>(k.size()));
    // Long keys slant upward to the right, ending at their column.
    m_plot->xAxis->setTickLabelRotation(nc > 2 && longest > 6 ? -40 : 0);
    m_plot->xAxis->setLabel(m.xTitle);
    m_plot->yAxis->setLabel(m.yTitle);
    m_plot->xAxis->setRange(-0.5, nc - 0.5);
    m_plot->yAxis->setRange(-0.5, nr - 0.5);
    m_plot->replot();
}

} // namespace photopeak::ui
