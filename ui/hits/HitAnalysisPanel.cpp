// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitAnalysisPanel.h"

#include "hits/HitFilter.h"
#include "hits/HitListModel.h"
#include "jobs/JobControl.h"
#include "jobs/JobRunner.h"
#include "tables/ClassConfusionView.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace photopeak {

HitAnalysisPanel::HitAnalysisPanel(HitListModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_clusterMethod(new QComboBox(this)), m_classMethod(new QComboBox(this)),
      m_kMax(new QSpinBox(this)), m_folds(new QSpinBox(this)), m_epochs(new QSpinBox(this)),
      m_filterButton(new QPushButton(tr("Mark artefacts"), this)), m_clusterButton(new QPushButton(tr("Cluster"), this)),
      m_evaluateButton(new QPushButton(tr("Train and cross-validate"), this)), m_filterSummary(new QLabel(this)),
      m_curves(new QCustomPlot(this)), m_confusion(new QPlainTextEdit(this)),
      m_matrix(new ui::ClassConfusionView(this)), m_runner(new ui::JobRunner(this))
{
    m_clusterMethod->addItem(tr("k-means"), int(ClusterMethod::KMeans));
    m_clusterMethod->addItem(tr("Gaussian mixture"), int(ClusterMethod::GaussianMixture));
    m_kMax->setRange(2, 20);
    m_kMax->setValue(8);
    m_classMethod->addItem(tr("published rule (solidity > 0.7, ellipticity > 0.6)"), int(HitMethod::Rule));
    m_classMethod->addItem(tr("SVM on features (calibrated)"), int(HitMethod::Svm));
    m_classMethod->addItem(tr("CNN on crops (augmented)"), int(HitMethod::Cnn));
    m_classMethod->setCurrentIndex(1);
    m_folds->setRange(2, 10);
    m_folds->setValue(5);
    m_epochs->setRange(1, 200);
    m_epochs->setValue(30);
    m_clusterMethod->setObjectName(QStringLiteral("clusterMethod"));
    m_classMethod->setObjectName(QStringLiteral("classMethod"));
    m_folds->setObjectName(QStringLiteral("folds"));
    m_epochs->setObjectName(QStringLiteral("cnnEpochs"));
    m_filterButton->setObjectName(QStringLiteral("markArtefactsButton"));
    m_clusterButton->setObjectName(QStringLiteral("clusterButton"));
    m_evaluateButton->setObjectName(QStringLiteral("evaluateButton"));
    m_filterSummary->setWordWrap(true);
    setMinimumWidth(360);
    m_curves->setMinimumWidth(300);

    auto *artefacts = new QGroupBox(tr("Artefacts"), this);
    auto *al = new QVBoxLayout(artefacts);
    al->addWidget(m_filterButton);
    al->addWidget(m_filterSummary);

    auto *clusters = new QGroupBox(tr("Clusters"), this);
    auto *cl = new QFormLayout(clusters);
    cl->addRow(tr("Method:"), m_clusterMethod);
    cl->addRow(tr("Largest k:"), m_kMax);
    cl->addRow(m_clusterButton);
    m_curves->setMinimumHeight(230);
    m_curves->legend->setVisible(true);
    m_curves->legend->setFont(QFont(font().family(), 7));
    // The legend in a row of its own under the plot: inside, it covered the curves at small k.
    auto *legendRow = new QCPLayoutGrid;
    m_curves->plotLayout()->addElement(1, 0, legendRow);
    m_curves->axisRect()->insetLayout()->take(m_curves->legend);
    legendRow->addElement(0, 0, m_curves->legend);
    m_curves->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_curves->legend->setBorderPen(Qt::NoPen);
    m_curves->plotLayout()->setRowStretchFactor(1, 0.001);
    m_curves->xAxis->setLabel(tr("k"));
    m_curves->yAxis->setLabel(tr("AIC, BIC"));
    m_curves->yAxis2->setLabel(tr("within-cluster SS"));
    m_curves->yAxis2->setVisible(true);
    cl->addRow(m_curves);
    m_curves->setVisible(false);  // empty axes until there are curves

    auto *classes = new QGroupBox(tr("Classification"), this);
    auto *fl = new QFormLayout(classes);
    fl->addRow(tr("Method:"), m_classMethod);
    fl->addRow(tr("Grouped folds:"), m_folds);
    fl->addRow(tr("CNN epochs:"), m_epochs);
    fl->addRow(m_evaluateButton);
    m_confusion->setReadOnly(true);
    m_confusion->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_confusion->setMinimumHeight(120);
    m_confusion->setPlaceholderText(tr("Out-of-fold confusion matrix and scores appear here."));
    m_matrix->setObjectName(QStringLiteral("hitConfusion"));
    m_matrix->setMinimumHeight(260);
    m_matrix->setVisible(false);  // shown once there is a matrix
    fl->addRow(m_matrix);
    fl->addRow(m_confusion);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(artefacts);
    layout->addWidget(clusters);
    layout->addWidget(classes, 1);

    connect(m_filterButton, &QPushButton::clicked, this, &HitAnalysisPanel::markArtefacts);
    connect(m_clusterButton, &QPushButton::clicked, this, &HitAnalysisPanel::cluster);
    connect(m_evaluateButton, &QPushButton::clicked, this, &HitAnalysisPanel::crossValidate);
    connect(m_runner, &ui::JobRunner::busyChanged, this, &HitAnalysisPanel::setBusy);
    connect(m_runner, &ui::JobRunner::failed, this, &HitAnalysisPanel::message);
    connect(m_runner, &ui::JobRunner::progress, this, [this](qint64 done, qint64 total, const QString &stage) {
        emit message(tr("%1 %2 of %3").arg(stage).arg(done).arg(total));
    });
}

HitAnalysisPanel::~HitAnalysisPanel() = default;  // the runner cancels its work and waits for it

void HitAnalysisPanel::setBusy(bool busy)
{
    m_busy = busy;
    m_filterButton->setEnabled(!busy);
    m_clusterButton->setEnabled(!busy);
    m_evaluateButton->setEnabled(!busy);
}

void HitAnalysisPanel::markArtefacts()
{
    HitCollection *c = m_model->collection();
    if (!c)
        return;
    const HitFilterReport r = HitFilter::apply(c->hits(), HitFilterOptions{});
    m_model->refreshFlags();
    QStringList parts;
    for (int i = 0; i < HitFilterOptions::RuleCount; ++i)
        parts << QStringLiteral("%1: %2").arg(HitFilterOptions::ruleName(HitFilterOptions::Rule(i))).arg(r.counts[size_t(i)]);
    m_filterSummary->setText(tr("%1 of %2 hits clean (marked hits are kept, with a red dot).\n%3")
                                 .arg(r.clean).arg(r.total).arg(parts.join(QStringLiteral(", "))));
    emit message(r.summary());
}

void HitAnalysisPanel::cluster()
{
    if (!m_model->collection() || m_busy)
        return;
    ClusterOptions o;
    o.method = ClusterMethod(m_clusterMethod->currentData().toInt());
    o.kMax = m_kMax->value();
    const FeatureMatrix features = m_model->features();
    setBusy(true);
    m_runner->start([features, o](const JobControl *) { return HitClusterer::run(features, o); },
                    [this](Result<ClusterResult> &&r) {
        if (!r) {
            emit message(r.error().toString());
            return;
        }
        m_model->setClusters(r->assignments);
        showCurves(*r);
        emit clustersChanged(r->chosenK);
        const bool atEdge = r->chosenK == r->scores.back().k && r->scores.size() > 1;
        emit message(tr("%1 clusters (smallest BIC) on %2").arg(r->chosenK).arg(r->features.join(QStringLiteral(", ")))
                     + (atEdge ? tr(". The BIC still falls at the largest k tried: raise \"Largest k\" to find its minimum.") : QString()));
    });
}

void HitAnalysisPanel::showCurves(const ClusterResult &r)
{
    m_curves->setVisible(true);
    m_curves->clearGraphs();
    QVector<double> k, aic, bic, wss;
    for (const ClusterScore &s : r.scores) {
        k << s.k;
        aic << s.aic;
        bic << s.bic;
        wss << s.withinSS;
    }
    auto add = [&](const QVector<double> &y, const QString &name, QColor colour, QCPAxis *axis) {
        QCPGraph *g = m_curves->addGraph(m_curves->xAxis, axis);
        g->setData(k, y);
        g->setName(name);
        g->setPen(QPen(colour, 2));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
        g->rescaleValueAxis(false, true);
    };
    add(bic, tr("BIC"), QColor(0x1f, 0x77, 0xb4), m_curves->yAxis);
    add(aic, tr("AIC"), QColor(0x2c, 0xa0, 0x2c), m_curves->yAxis);
    m_curves->yAxis->rescale();
    add(wss, tr("within-SS (elbow)"), QColor(0x99, 0x99, 0x99), m_curves->yAxis2);
    m_curves->yAxis2->rescale();
    m_curves->xAxis->setRange(r.scores.front().k - 0.5, r.scores.back().k + 0.5);
    m_curves->yAxis->scaleRange(1.1);
    m_curves->yAxis2->scaleRange(1.1);
    for (auto *item : m_curves->findChildren<QCPItemStraightLine *>())
        m_curves->removeItem(item);
    auto *chosen = new QCPItemStraightLine(m_curves);
    chosen->point1->setCoords(r.chosenK, 0);
    chosen->point2->setCoords(r.chosenK, 1);
    chosen->setPen(QPen(QColor(0xd6, 0x27, 0x28), 1, Qt::DashLine));
    m_curves->replot();
}

void HitAnalysisPanel::crossValidate()
{
    const HitCollection *c = m_model->collection();
    if (!c || m_busy)
        return;
    // Classes with fewer labelled hits than folds (a few hits just labelled by hand) cannot be validated yet.
    const int folds = m_folds->value();
    QStringList classes, tooFew;
    for (const QString &name : c->classNames()) {
        int n = 0;
        for (const Hit &h : c->hits())
            n += h.label == name;
        (n >= folds ? classes : tooFew) << name;
    }
    if (classes.size() < 2) {
        emit message(tr("Cross-validation needs at least two classes with %1 or more labelled hits each.").arg(folds));
        return;
    }
    HitTrainOptions o;
    o.method = HitMethod(m_classMethod->currentData().toInt());
    o.cnn.epochs = m_epochs->value();
    std::vector<int> rows;
    std::vector<const HitImage *> images;
    std::vector<int> labels, groups;
    const std::vector<int> y = c->labelIndices(classes), g = c->groups();
    for (int i = 0; i < c->size(); ++i)
        if (y[size_t(i)] >= 0) {
            rows.push_back(i);
            images.push_back(&c->hits()[size_t(i)].image);
            labels.push_back(y[size_t(i)]);
            groups.push_back(g[size_t(i)]);
        }
    const FeatureMatrix features = m_model->features().select(rows);
    setBusy(true);
    emit message(tr("Cross-validating %1 on %2 labelled hits…").arg(HitTrainOptions::methodName(o.method)).arg(rows.size())
                 + (tooFew.isEmpty() ? QString() : tr(" (left out, fewer than %1 hits: %2)").arg(folds).arg(tooFew.join(QStringLiteral(", ")))));
    m_runner->start(
        [=](const JobControl *job) {
            return HitEvaluation::crossValidate(images, features, labels, groups, classes, o, folds, 20260, job);
        },
        [this, rows, classes](Result<HitEvaluation> &&e) {
        if (!e) {
            emit message(e.error().toString());
            return;
        }
        // Out-of-fold probabilities of the labelled hits go into the grid (unlabelled hits stay unclassified).
        FeatureMatrix all(m_model->rowCount(), int(classes.size()));
        for (size_t i = 0; i < rows.size(); ++i)
            for (int k = 0; k < all.cols; ++k)
                all.at(rows[i], k) = e->probabilities.at(int(i), k);
        m_model->setPrediction(classes, all);
        showEvaluation(*e);
        emit evaluated();
    });
}

void HitAnalysisPanel::showEvaluation(const HitEvaluation &e)
{
    QString text = tr("%1, %2 grouped folds, out-of-fold:\n").arg(HitTrainOptions::methodName(e.method)).arg(m_folds->value());
    text += tr("accuracy %1 %, macro F1 %2, Brier %3\n").arg(100.0 * e.accuracy(), 0, 'f', 1).arg(e.macroF1(), 0, 'f', 3).arg(e.brier(), 0, 'f', 3);
    for (int c = 0; c < int(e.classes.size()); ++c)
        text += tr("F1 %1: %2\n").arg(e.classes[c]).arg(e.f1(c), 0, 'f', 3);
    text += QLatin1Char('\n') + e.confusionTable();
    text += tr("\n%1 misclassified (dashed frames; Show: misclassified)").arg(e.misclassified().size());
    m_confusion->setPlainText(text);
    std::vector<std::vector<double>> counts(e.classes.size(), std::vector<double>(e.classes.size(), 0.0));
    for (size_t t = 0; t < e.confusion.size() && t < counts.size(); ++t)
        for (size_t p = 0; p < e.confusion[t].size() && p < counts.size(); ++p)
            counts[t][p] = e.confusion[t][p];
    m_matrix->setMatrix(e.classes, counts, tr("%1, out-of-fold (%2 hits)").arg(HitTrainOptions::methodName(e.method)).arg(e.probabilities.rows),
                        tr("accuracy %1 %, macro F1 %2").arg(100.0 * e.accuracy(), 0, 'f', 1).arg(e.macroF1(), 0, 'f', 3));
    m_matrix->setVisible(true);
    emit message(tr("%1: accuracy %2 %").arg(HitTrainOptions::methodName(e.method)).arg(100.0 * e.accuracy(), 0, 'f', 1));
}

} // namespace photopeak
