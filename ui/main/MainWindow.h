// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "app/Settings.h"
#include "ml/TrainingSetBuilder.h"
#include "plot/ViewAnnotations.h"
#include "report/ReportDocument.h"

#include <QElapsedTimer>
#include <QMainWindow>

#include <memory>
#include <optional>

class QAction;
class QDockWidget;
class QMenu;
class QTabWidget;
class QUndoStack;

namespace photopeak {
class SpectrumDataset;
}

namespace photopeak::ui {

class AnalysisSession;
class AnnotationActions;
class BenchController;
class ReportExporter;
class ConfusionMatrixView;
class LatentScatterMatrixView;
class LatentViews;
class LoadingsView;
class MisclassificationView;
class TrainingPanel;
class DataBrowserDock;
class DatasetLoader;
class DatasetModel;
class RecentPathsMenu;
class ResultsDock;
class SpectrumInfoPanel;
class SpectrumView;
class TaskProgressWidget;
class ViewActions;
class UndoActions;

// Top-level window: composes the data browser, the spectrum view, the info panel, menus and the loader.
// Holds no drawing or parsing code of its own.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    DatasetModel *model() const { return m_model; }
    DataBrowserDock *browser() const { return m_browser; }
    SpectrumView *spectrumView() const { return m_view; }
    SpectrumInfoPanel *infoPanel() const { return m_info; }
    DatasetLoader *loader() const { return m_loader; }
    TaskProgressWidget *loadProgress() const { return m_progress; }
    ViewActions *viewActions() const { return m_viewActions; }
    AnnotationActions *annotationActions() const { return m_annotationActions; }
    AnalysisSession *session() const { return m_session; }
    ResultsDock *resultsDock() const { return m_resultsDock; }
    QTabWidget *tabs() const { return m_tabs; }
    TaskProgressWidget *taskProgress() const { return m_taskProgress; }
    ReportExporter *reportExporter() const { return m_exporter; }
    TrainingPanel *trainingPanel() const { return m_trainingPanel; }
    QDockWidget *trainingDock() const { return m_trainingDock; }
    LoadingsView *loadingsView() const { return m_loadingsView; }
    LatentScatterMatrixView *scatterView() const { return m_scatterView; }
    ConfusionMatrixView *confusionView() const { return m_confusionView; }
    MisclassificationView *misclassificationView() const { return m_misclassificationView; }
    // The one undo history (Edit ▸ Undo/Redo); push every analysis edit onto it (see undo/UndoActions.h).
    // Cleared when other data is opened.
    QUndoStack *undoStack() const;
    UndoActions *undoActions() const { return m_undoActions; }
    LatentViews *latentViews() const { return m_latentViews; }
    BenchController *bench() const { return m_bench; }

public slots:
    // Opens files and/or folders (replacing the current data) in the background: the path the menus,
    // recent files, drag and drop and command-line arguments all take.
    void openPaths(const QStringList &paths);
    void openFileDialog();
    void openFolderDialog();
    void showAbout();
    void classifySelection();
    void classifyAll();
    void useSelectionAsSessionBackground();
    void exportResultsCsv();
    // Asks for a folder and writes one PNG report per classified spectrum, in the background.
    void exportReports();
    // Starts the batch export into `folder` without asking; false when it cannot start (message shown).
    // PNG files into `folder`, or with `document` one PDF/HTML batch report there.
    bool exportReportsTo(const QString &folder, std::optional<ReportDocument::Format> document = {});
    void exportReportDocument(ReportDocument::Format format);
    void chooseEfficiencyCurve();
    // Activities from now on with this efficiency curve file; a bad file is refused with a message.
    bool useEfficiencyCurve(const QString &path);
    // Loads a classifier or latent model file (the kind is read from the file) into the session; a file
    // of another kind or a damaged one is refused with the core's message. Returns that message or empty.
    QString loadModelFile(const QString &path);

signals:
    // After a load: the first plot is on screen (ms since the load started), or there was nothing to plot.
    void firstPlotShown(qint64 msSinceOpen);
    // A load ended (finished, failed or cancelled) and its first plot, if any, is drawn.
    void loadSettled();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    // What's This texts and manual sections (F1) of the main panels.
    void describePanels();
    void createDocks();
    void restoreLayout();
    void onLoadFinished(std::shared_ptr<const photopeak::SpectrumDataset> dataset, const QStringList &paths,
                        const QStringList &errors);
    void onLoadCancelled();
    void onSelectionChanged(const QList<int> &entries, int current);
    void onPlotted(int graphs);
    void createAnalysis();
    void createModelViews();
    void createTrainingDock();
    void updateModelViews();
    ViewAnnotations annotationsFor(int entryIndex) const;
    void onClassificationFinished(int count, double seconds);
    QString fileDialogFilter() const;

    Settings m_settings;
    DatasetModel *m_model;
    DatasetLoader *m_loader;
    SpectrumView *m_view;
    DataBrowserDock *m_browser = nullptr;
    QDockWidget *m_infoDock = nullptr;
    SpectrumInfoPanel *m_info = nullptr;
    TaskProgressWidget *m_progress = nullptr;
    ViewActions *m_viewActions = nullptr;
    UndoActions *m_undoActions = nullptr;
    BenchController *m_bench = nullptr;
    RecentPathsMenu *m_recentMenu = nullptr;
    AnalysisSession *m_session = nullptr;
    ResultsDock *m_resultsDock = nullptr;
    QTabWidget *m_tabs = nullptr;
    TaskProgressWidget *m_taskProgress = nullptr;
    QDockWidget *m_trainingDock = nullptr;
    TrainingPanel *m_trainingPanel = nullptr;
    LoadingsView *m_loadingsView = nullptr;
    LatentScatterMatrixView *m_scatterView = nullptr;
    ConfusionMatrixView *m_confusionView = nullptr;
    MisclassificationView *m_misclassificationView = nullptr;
    LatentViews *m_latentViews = nullptr;
    std::optional<TrainingSelection> m_latentTrainingSelection;
    bool m_modelViewsStale = false;
    AnnotationActions *m_annotationActions = nullptr;
    ReportExporter *m_exporter = nullptr;
    QAction *m_exportReports = nullptr;
    QAction *m_exportPdf = nullptr;
    QAction *m_exportHtml = nullptr;
    int m_backgroundEntry = -1;  // entry overlaid as background (-1 = none)  // classified since the model views were last filled  // what the current latent model was trained on

    QAction *m_openFile = nullptr;
    QAction *m_openFolder = nullptr;
    QAction *m_cancelLoad = nullptr;
    QAction *m_find = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_about = nullptr;
    QAction *m_classifySelection = nullptr;
    QAction *m_classifyAll = nullptr;
    QAction *m_cancelClassify = nullptr;
    QAction *m_exportCsv = nullptr;
    QAction *m_efficiency = nullptr;
    QMenu *m_analysisMenu = nullptr;

    QElapsedTimer m_loadClock;
    bool m_awaitingFirstPlot = false;
};

} // namespace photopeak::ui
