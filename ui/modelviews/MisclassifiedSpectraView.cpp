// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "modelviews/MisclassifiedSpectraView.h"

#include "modelviews/ModelPlotStyle.h"
#include "plot/SpectrumPlotter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <qcustomplot.h>

#include <algorithm>

namespace photopeak::ui {

namespace {
QStringList keyLabels(const QString &key)
{
    if (key.isEmpty() || key == QLatin1String("(none)"))
        return {};
    return key.split(QLatin1Char('+'), Qt::SkipEmptyParts);
}
} // namespace

MisclassifiedSpectraView::MisclassifiedSpectraView(QWidget *parent)
    : QWidget(parent), m_chooser(new QComboBox(this)), m_header(new QLabel(this))
{
    m_frame = modelplot::PlotFrame(this);
    m_plot = m_frame.plot;
    m_frame.bar->addWidget(m_header);
    m_chooser->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_chooser->setToolTip(tr("Misclassified spectrum: true labels → predicted"));
    m_frame.bar->addWidget(m_chooser, 1);
    auto *show = new QPushButton(tr("Show Spectrum"), this);
    show->setToolTip(tr("Select this spectrum in the data browser"));
    m_frame.bar->addWidget(show);
    m_frame.addSaveButton(QStringLiteral("misclassified.png"), [this] { return m_current >= 0; }, &m_inputs);
    connect(m_chooser, qOverload<int>(&QComboBox::currentIndexChanged), this, &MisclassifiedSpectraView::showExample);
    connect(show, &QPushButton::clicked, this, [this] {
        if (m_current >= 0)
            emit entryActivated(m_examples[size_t(m_current)].entryIndex);
    });
    clear(tr("Classify labelled spectra with a latent model to see the ones it got wrong."));
}

void MisclassifiedSpectraView::clear(const QString &why)
{
    m_examples.clear();
    m_current = -1;
    {
        const QSignalBlocker block(m_chooser);
        m_chooser->clear();
    }
    m_chooser->setEnabled(false);
    m_header->clear();
    m_frame.showPlaceholder(tr("Misclassified spectra"), why);
}

void MisclassifiedSpectraView::setExamples(std::vector<LatentExample> examples, int total)
{
    if (examples.empty()) {
        clear(total > 0 ? tr("All %1 labelled spectra were classified correctly.").arg(total)
                        : tr("Classify labelled spectra with a latent model to see the ones it got wrong."));
        return;
    }
    m_examples = std::move(examples);
    m_header->setText(tr("%1 of %2 wrong:").arg(m_examples.size()).arg(total));
    {
        const QSignalBlocker block(m_chooser);
        m_chooser->clear();
        for (const LatentExample &e : m_examples)
            m_chooser->addItem(tr("%1 — true %2 → predicted %3").arg(e.name, e.trueKey, e.predictedKey));
    }
    m_chooser->setEnabled(true);
    m_frame.showPlot();
    showExample(0);
}

void MisclassifiedSpectraView::showExample(int index)
{
    if (index < 0 || index >= exampleCount())
        return;
    m_current = index;
    if (m_chooser->currentIndex() != index) {
        const QSignalBlocker block(m_chooser);
        m_chooser->setCurrentIndex(index);
    }
    rebuild();
}

void MisclassifiedSpectraView::rebuild()
{
    draw(m_plot, m_examples[size_t(m_current)]);
}

void MisclassifiedSpectraView::draw(QCustomPlot *plot, const LatentExample &e)
{
    modelplot::clearLayout(plot);
    auto *layout = plot->plotLayout();
    auto *title = new QCPTextElement(plot, tr("%1: true %2, predicted %3 · cosine similarity %4")
                                                 .arg(e.name, e.trueKey, e.predictedKey)
                                                 .arg(e.cosine, 0, 'f', 4),
                                     modelplot::plotFont(0.0, true));
    layout->addElement(0, 0, title);
    auto *left = new QCPAxisRect(plot), *right = new QCPAxisRect(plot);
    auto *row = new QCPLayoutGrid;
    layout->addElement(1, 0, row);
    row->addElement(0, 0, left);
    row->addElement(0, 1, right);
    for (QCPAxisRect *r : {left, right}) {
        modelplot::styleAxisRect(r);
        r->axis(QCPAxis::atBottom)->setLabel(tr("Energy (keV)"));
        r->axis(QCPAxis::atLeft)->setNumberFormat(QStringLiteral("gb"));
    }
    left->axis(QCPAxis::atLeft)->setLabel(tr("Fraction of counts per channel"));
    const int n = e.channels(), c0 = std::clamp(e.minChannel, 0, n);
    double area = 0.0, areaD = 0.0;
    for (int c = c0; c < n; ++c) {
        area += e.counts[size_t(c)];
        areaD += e.denoised[size_t(c)];
    }
    double topLeft = 0.0, topRight = 0.0;
    auto add = [&](QCPAxisRect *r, const double *values, double scale, const QPen &pen, const QString &name) {
        QCPGraph *g = modelplot::addStepGraph(plot, e.edgesKeV, values, c0, n, scale, pen, name,
                                              r->axis(QCPAxis::atBottom), r->axis(QCPAxis::atLeft));
        double &top = r == left ? topLeft : topRight;
        for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
            top = std::max(top, it->value);
        return g;
    };
    add(left, e.counts.data(), area > 0.0 ? 1.0 / area : 0.0, QPen(QColor(0x40, 0x40, 0x40), 1.2), tr("spectrum"));
    add(left, e.denoised.data(), areaD > 0.0 ? 1.0 / areaD : 0.0, QPen(QColor(0xc0, 0x20, 0x20), 1.6), tr("denoised"));
    const QStringList truth = keyLabels(e.trueKey), predicted = keyLabels(e.predictedKey);
    for (int c = 0; c < e.components.size(); ++c) {
        const QString &name = e.components[c];
        const bool isTrue = truth.contains(name), isPredicted = predicted.contains(name);
        if (!isTrue && !isPredicted)
            continue;
        const QString role = isTrue && isPredicted ? tr("true and predicted") : isTrue ? tr("true, missed") : tr("predicted, wrong");
        add(right, e.loading(c), 1.0, QPen(SpectrumPlotter::colorFor(c), isPredicted ? 1.8 : 1.4, isPredicted ? Qt::SolidLine : Qt::DashLine),
            tr("%1 (%2): score %3, share %4 %").arg(name, role).arg(e.scores[size_t(c)], 0, 'f', 0)
                .arg(100.0 * e.shares[size_t(c)], 0, 'f', 1));
    }
    right->axis(QCPAxis::atLeft)->setLabel(tr("Loading (area 1)"));
    for (QCPAxisRect *r : {left, right}) {
        r->axis(QCPAxis::atBottom)->setRange(e.edgesKeV[size_t(c0)], e.edgesKeV.back());
        const double top = r == left ? topLeft : topRight;
        r->axis(QCPAxis::atLeft)->setRange(0.0, top > 0.0 ? top * 1.1 : 1.0);
        auto *legend = new QCPLegend;
        r->insetLayout()->addElement(legend, Qt::AlignTop | Qt::AlignRight);
        legend->setLayer(QStringLiteral("legend"));
        legend->setFont(modelplot::plotFont(-1.0));
        legend->setBrush(QColor(255, 255, 255, 225));
        for (int i = 0; i < plot->graphCount(); ++i)
            if (plot->graph(i)->keyAxis()->axisRect() == r)
                legend->addItem(new QCPPlottableLegendItem(legend, plot->graph(i)));
    }
    plot->replot();
}

} // namespace photopeak::ui
