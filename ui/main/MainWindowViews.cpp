// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// MainWindow's model part: the training dock and the model view tabs (loadings, latent space, confusion
// matrix, misclassification), fed from the analysis session after each training or classification.
#include "main/MainWindow.h"

#include "data/DataBrowserDock.h"
#include "modelviews/ConfusionMatrixView.h"
#include "modelviews/LatentScatterMatrixView.h"
#include "modelviews/LatentViews.h"
#include "modelviews/LoadingsView.h"
#include "modelviews/MisclassificationView.h"
#include "plot/SpectrumView.h"
#include "results/ResultsModel.h"
#include "session/AnalysisSession.h"
#include "session/ResultEvaluation.h"
#include "training/TrainingPanel.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QScrollArea>
#include <QStatusBar>
#include <QTabWidget>

namespace photopeak::ui {

void MainWindow::createModelViews()
{
    m_loadingsView = new LoadingsView;
    m_loadingsView->setObjectName(QStringLiteral("loadingsView"));
    m_scatterView = new LatentScatterMatrixView;
    m_scatterView->setObjectName(QStringLiteral("scatterView"));
    m_confusionView = new ConfusionMatrixView;
    m_confusionView->setObjectName(QStringLiteral("confusionView"));
    m_misclassificationView = new MisclassificationView;
    m_misclassificationView->setObjectName(QStringLiteral("misclassificationView"));
    m_tabs->addTab(m_loadingsView, tr("Loadings"));
    m_tabs->addTab(m_scatterView, tr("Latent Space"));
    m_tabs->addTab(m_confusionView, tr("Confusion Matrix"));
    m_tabs->addTab(m_misclassificationView, tr("Misclassification"));
    m_tabs->setTabToolTip(1, tr("Loadings of the latent model: one mean normalised spectrum per component"));
    m_tabs->setTabToolTip(2, tr("Latent shares of the classified spectra, pairwise; click a point to see its spectrum"));
    m_tabs->setTabToolTip(3, tr("Classified spectra against the labels of their folders and file names"));
    m_tabs->setTabToolTip(4, tr("How accuracy grows when only confident results are kept"));
    m_latentViews = new LatentViews(m_tabs, this);

    const auto showEntry = [this](int entryIndex) {
        if (m_browser->selectEntry(entryIndex))
            m_tabs->setCurrentWidget(m_view);
    };
    connect(m_scatterView, &LatentScatterMatrixView::pointActivated, this, showEntry);
    connect(m_latentViews, &LatentViews::entryActivated, this, showEntry);
    connect(m_session, &AnalysisSession::modelsChanged, this, [this] {
        if (m_session->latentModel())
            m_loadingsView->setModel(*m_session->latentModel());
        else
            m_loadingsView->clear();
        m_latentViews->setModel(m_session->latentModel());
    });
    // The views are filled when one of them is shown: classifying thousands of spectra must not stall the
    // window to draw views nobody looks at.
    connect(m_session, &AnalysisSession::classificationFinished, this, [this] {
        m_modelViewsStale = true;
        if (m_tabs->currentWidget() != m_view)
            updateModelViews();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_modelViewsStale && m_tabs->currentWidget() != m_view)
            updateModelViews();
    });
}

void MainWindow::updateModelViews()
{
    m_modelViewsStale = false;
    const auto &dataset = m_session->dataset();
    if (!dataset)
        return;
    const QStringList components = m_session->latentModel() ? m_session->latentModel()->components() : QStringList{};
    const ResultEvaluation e = ResultEvaluation::compute(*dataset, m_session->results()->results(), components,
                                                         m_latentTrainingSelection);
    if (e.labelled == 0) {
        m_confusionView->clear();
        m_misclassificationView->clear();
        m_scatterView->clear();
        m_latentViews->clearEvaluation(tr("The classified spectra carry no labels (folder or file names)."));
        statusBar()->showMessage(tr("The classified spectra carry no labels (folder or file names): the confusion "
                                    "matrix and misclassification views stay empty."), 8000);
        return;
    }
    m_confusionView->setBinary(e.detection, tr("Source"), tr("Background"));
    m_confusionView->setLabelSetMetrics(e.isotopeSets);
    m_misclassificationView->setQuantities(e.quantities, e.correct);
    if (e.scatter.empty())
        m_scatterView->clear();
    else
        m_scatterView->setData(e.scatterComponents, e.scatter, tr("Share"));
    m_latentViews->setEvaluation(e.scatterComponents, e.scatter, *dataset);
}

void MainWindow::createTrainingDock()
{
    m_trainingPanel = new TrainingPanel;
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_trainingPanel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_trainingDock = new QDockWidget(tr("Training"), this);
    m_trainingDock->setObjectName(QStringLiteral("trainingDock"));
    m_trainingDock->setWidget(scroll);
    addDockWidget(Qt::RightDockWidgetArea, m_trainingDock);

    connect(m_trainingPanel, &TrainingPanel::classifierReady, this,
            [this](std::shared_ptr<const SpectrumClassifier> model) {
                m_session->setClassifier(std::move(model), tr("trained in this session"));
                statusBar()->showMessage(tr("Classifier ready: Analysis ▸ Classify (Ctrl+R) to use it."), 8000);
            });
    connect(m_trainingPanel, &TrainingPanel::latentModelReady, this, [this](std::shared_ptr<const LatentModel> model) {
        m_latentTrainingSelection = m_trainingPanel->currentRequest().selection;
        m_session->setLatentModel(std::move(model), tr("trained in this session"));
        m_tabs->setCurrentWidget(m_loadingsView);
        statusBar()->showMessage(tr("Latent model ready: its loadings are shown; classify to see the latent space."), 8000);
    });

    QAction *train = m_trainingDock->toggleViewAction();
    train->setText(tr("&Training Panel"));
    train->setIcon(QIcon(QStringLiteral(":/icons/train.svg")));
    train->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_analysisMenu->insertAction(m_analysisMenu->actions().value(0), train);
    m_analysisMenu->insertSeparator(m_analysisMenu->actions().value(1));
    m_view->insertToolActions({nullptr, train, m_classifySelection});
}

} // namespace photopeak::ui
