// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "hits/HitClusterer.h"
#include "hits/HitEvaluation.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QCustomPlot;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace photopeak {

class HitListModel;
namespace ui {
class ClassConfusionView;
class JobRunner;
}

// Artefact rules, clustering with its BIC/AIC/elbow curves and cross-validated classification of the open
// collection. Work runs off the GUI thread; results go into the model (flags, clusters, predictions).
class HitAnalysisPanel : public QWidget {
    Q_OBJECT
public:
    explicit HitAnalysisPanel(HitListModel *model, QWidget *parent = nullptr);
    ~HitAnalysisPanel() override;

    void markArtefacts();
    void cluster();
    void crossValidate();
    bool isBusy() const { return m_busy; }
    QCustomPlot *curvePlot() const { return m_curves; }
    ui::ClassConfusionView *confusionView() const { return m_matrix; }

signals:
    void clustersChanged(int k);
    void evaluated();
    void message(const QString &text);

private:
    void setBusy(bool busy);
    void showCurves(const ClusterResult &r);
    void showEvaluation(const HitEvaluation &e);

    HitListModel *m_model;
    QComboBox *m_clusterMethod, *m_classMethod;
    QSpinBox *m_kMax, *m_folds, *m_epochs;
    QPushButton *m_filterButton, *m_clusterButton, *m_evaluateButton;
    QLabel *m_filterSummary;
    QCustomPlot *m_curves;
    QPlainTextEdit *m_confusion;
    ui::ClassConfusionView *m_matrix;
    ui::JobRunner *m_runner;
    bool m_busy = false;
};

} // namespace photopeak
