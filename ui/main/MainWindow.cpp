// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "main/MainWindow.h"

#include "app/Logging.h"
#include "app/Resources.h"
#include "bench/BenchController.h"
#include "data/DataBrowserDock.h"
#include "data/DatasetModel.h"
#include "data/SpectrumInfoPanel.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/PreferencesDialog.h"
#include "help/ManualWindow.h"
#include "hits/HitsWidget.h"
#include "images/ImagePanel.h"
#include "tables/TablesPanel.h"
#include "io/ReaderRegistry.h"
#include "live/LiveActions.h"
#include "loading/DatasetLoader.h"
#include "main/AnnotationActions.h"
#include "main/RecentPathsMenu.h"
#include "modelviews/LatentViews.h"
#include "main/TaskProgressWidget.h"
#include "main/ViewActions.h"
#include "plot/SpectrumView.h"
#include "results/ResultsDock.h"
#include "session/AnalysisSession.h"
#include "training/TrainingPanel.h"
#include "undo/UndoActions.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenuBar>
#include <QMimeData>
#include <QScreen>
#include <QScrollArea>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QWhatsThis>

namespace photopeak::ui {

namespace {
// Saved dock layouts of an older version (fewer docks) are ignored rather than restored half-way.
constexpr int kLayoutVersion = 2;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new DatasetModel(this))
    , m_loader(new DatasetLoader(this))
    , m_view(new SpectrumView(this))
{
    initResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Photopeak"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/photopeak.svg")));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("viewTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_view, tr("Spectrum"));
    setCentralWidget(m_tabs);

    m_viewActions = new ViewActions(m_settings, this);
    m_annotationActions = new AnnotationActions(this);
    m_undoActions = new UndoActions(this);
    m_view->setOptions(m_viewActions->options());
    createActions();
    createDocks();
    createAnalysis();
    createModelViews();
    createTrainingDock();
    m_bench = new BenchController(m_view, undoStack(), m_annotationActions->peaks(), this);
    m_bench->setAnalysisSource([this](int entry) { return m_session->analysisOf(entry); });
    connect(m_bench, &BenchController::displayChanged, this,
            [this] { onSelectionChanged(m_browser->selectedEntries(), m_browser->currentEntry()); });
    createMenus();
    describePanels();
    m_view->insertToolActions({m_openFile, m_openFolder, nullptr});
    m_view->insertToolActions(m_viewActions->toolBarActions());

    m_progress = new TaskProgressWidget(this);
    m_progress->cancelButton()->setToolTip(tr("Stop reading (Esc); the previously opened data stays"));
    m_progress->cancelButton()->setObjectName(QStringLiteral("cancelLoadingButton"));
    connect(m_progress, &TaskProgressWidget::cancelRequested, m_loader, &DatasetLoader::cancel);
    connect(m_loader, &DatasetLoader::started, m_progress, [this] { m_progress->begin(tr("Reading spectra %1 / %2")); });
    connect(m_loader, &DatasetLoader::progress, m_progress, &TaskProgressWidget::setProgress);
    connect(m_loader, &DatasetLoader::busyChanged, m_progress, [this](bool busy) {
        if (!busy)
            m_progress->end();
    });
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->showMessage(tr("Open a spectrum file or a folder of spectra to begin."));

    connect(m_viewActions, &ViewActions::optionsChanged, m_view, &SpectrumView::setOptions);
    connect(m_annotationActions, &AnnotationActions::changed, this,
            [this] { m_view->setAnnotations(annotationsFor(m_browser->currentEntry())); });
    connect(m_annotationActions->useAsBackground(), &QAction::triggered, this, [this] {
        const DatasetEntry *e = m_model->entry(m_browser->currentEntry());
        if (!e || !e->isUsable() || !e->spectrum.hasLiveTime()) {
            statusBar()->showMessage(tr("A background overlay needs a readable spectrum with a live time."), 8000);
            return;
        }
        m_backgroundEntry = m_browser->currentEntry();
        m_annotationActions->clearBackground()->setEnabled(true);
        statusBar()->showMessage(tr("Background overlay: %1 (scaled by live time)").arg(e->spectrum.displayName()), 8000);
        m_view->setAnnotations(annotationsFor(m_browser->currentEntry()));
    });
    connect(m_annotationActions->clearBackground(), &QAction::triggered, this, [this] {
        m_backgroundEntry = -1;
        m_annotationActions->clearBackground()->setEnabled(false);
        m_view->setAnnotations(annotationsFor(m_browser->currentEntry()));
    });
    connect(m_viewActions, &ViewActions::resetZoomRequested, m_view, &SpectrumView::resetZoom);
    connect(m_view, &SpectrumView::plotted, this, &MainWindow::onPlotted);
    connect(m_browser, &DataBrowserDock::selectionChanged, this, &MainWindow::onSelectionChanged);
    connect(m_loader, &DatasetLoader::finished, this, &MainWindow::onLoadFinished);
    connect(m_loader, &DatasetLoader::cancelled, this, &MainWindow::onLoadCancelled);
    connect(m_loader, &DatasetLoader::busyChanged, m_cancelLoad, &QAction::setEnabled);
    connect(m_loader, &DatasetLoader::started, this, [this](const QStringList &paths) {
        statusBar()->showMessage(tr("Opening %1…").arg(QDir::toNativeSeparators(paths.join(QStringLiteral(", ")))));
    });

    restoreLayout();
}

MainWindow::~MainWindow() = default;

QUndoStack *MainWindow::undoStack() const { return m_undoActions->stack(); }

void MainWindow::createActions()
{
    m_openFile = new QAction(QIcon(QStringLiteral(":/icons/open-file.svg")), tr("&Open File…"), this);
    m_openFile->setShortcut(QKeySequence::Open);
    m_openFile->setIconText(tr("Open"));
    m_openFile->setToolTip(tr("Open one or more spectrum files (Ctrl+O)"));
    connect(m_openFile, &QAction::triggered, this, &MainWindow::openFileDialog);

    m_openFolder = new QAction(QIcon(QStringLiteral(":/icons/open-folder.svg")), tr("Open &Folder…"), this);
    m_openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_openFolder->setIconText(tr("Folder"));
    m_openFolder->setToolTip(tr("Open every spectrum below a folder; folder names become labels (Ctrl+Shift+O)"));
    connect(m_openFolder, &QAction::triggered, this, &MainWindow::openFolderDialog);

    m_cancelLoad = new QAction(tr("&Cancel Loading"), this);
    m_cancelLoad->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelLoad->setEnabled(false);
    connect(m_cancelLoad, &QAction::triggered, m_loader, &DatasetLoader::cancel);
    addAction(m_cancelLoad);

    m_find = new QAction(tr("&Filter Data…"), this);
    m_find->setShortcut(QKeySequence::Find);
    addAction(m_find);

    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_about = new QAction(QIcon(QStringLiteral(":/icons/photopeak.svg")), tr("&About Photopeak"), this);
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createDocks()
{
    m_browser = new DataBrowserDock(m_model, this);
    addDockWidget(Qt::LeftDockWidgetArea, m_browser);
    connect(m_find, &QAction::triggered, m_browser, &DataBrowserDock::focusFilter);

    m_info = new SpectrumInfoPanel;
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_info);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_infoDock = new QDockWidget(tr("Spectrum"), this);
    m_infoDock->setObjectName(QStringLiteral("spectrumInfoDock"));
    m_infoDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable
                            | QDockWidget::DockWidgetClosable);
    m_infoDock->setWidget(scroll);
    addDockWidget(Qt::LeftDockWidgetArea, m_infoDock);
    splitDockWidget(m_browser, m_infoDock, Qt::Vertical);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openFile);
    file->addAction(m_openFolder);
    file->addAction(tr("Open &Hit Collection…"), this, [this] { HitsWidget::openInTabs(m_tabs, this); });
    file->addAction(tr("Open CREDO &JSON Export…"), this, [this] { HitsWidget::openJsonInTabs(m_tabs, this); });
    file->addAction(tr("Open &Image Stack…"), this, [this] { ImagePanel::openInTabs(m_tabs); });
    file->addAction(tr("Open &Event Table…"), this, [this] { TablesPanel::openInTabs(m_tabs); });
    m_recentMenu = new RecentPathsMenu(m_settings, this);
    file->addMenu(m_recentMenu);
    connect(m_recentMenu, &RecentPathsMenu::openRequested, this, [this](const QString &path) { openPaths({path}); });
    file->addSeparator();
    (new LiveActions(this, m_session))->fillMenu(file);
    file->addSeparator();
    file->addAction(m_cancelLoad);
    file->addSeparator();
    QAction *preferences = file->addAction(tr("&Preferences…"), this, [this] {
        PreferencesDialog dialog(this);
        dialog.exec();
    });
    preferences->setMenuRole(QAction::PreferencesRole);
    preferences->setShortcut(QKeySequence::Preferences);
    file->addSeparator();
    file->addAction(m_quit);

    m_undoActions->fillMenu(menuBar()->addMenu(tr("&Edit")));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_viewActions->fillMenu(view);
    view->addSeparator();
    m_annotationActions->fillMenu(view);
    view->addSeparator();
    view->addAction(m_find);
    QMenu *panels = view->addMenu(tr("P&anels"));
    panels->addAction(m_browser->toggleViewAction());
    panels->addAction(m_infoDock->toggleViewAction());

    panels->addAction(m_resultsDock->toggleViewAction());
    panels->addAction(m_trainingDock->toggleViewAction());
    view->addMenu(m_latentViews->menu());

    menuBar()->insertMenu(view->menuAction(), m_analysisMenu);
    menuBar()->insertMenu(view->menuAction(), m_bench->menu());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    // F1 opens the manual at the section of the panel that has the focus.
    QAction *manual = help->addAction(tr("&Manual"), this,
                                      [this] { ManualWindow::open(this, ManualWindow::sectionFor(QApplication::focusWidget())); });
    manual->setObjectName(QStringLiteral("manualAction"));
    manual->setShortcut(QKeySequence::HelpContents);
    QAction *whatsThis = help->addAction(tr("What's &This?"), this, [] { QWhatsThis::enterWhatsThisMode(); });
    whatsThis->setShortcut(QKeySequence::WhatsThis);
    help->addSeparator();
    help->addAction(m_about);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::describePanels()
{
    const auto describe = [](QWidget *panel, const QString &section, const QString &text) {
        ManualWindow::setManualSection(panel, section);
        panel->setWhatsThis(QStringLiteral("<p>%1</p><p><i>%2</i></p>").arg(text, tr("F1 opens the manual at this panel.")));
    };
    describe(m_browser, QStringLiteral("browser"),
             tr("<b>Data browser</b>: every opened spectrum with its labels, live time, counts and flags. Click rows to "
                "plot them; files that cannot be used stay listed with the reason."));
    describe(m_infoDock, QStringLiteral("info"),
             tr("<b>Spectrum</b>: what the file says about the current spectrum: channels, times, distance, "
                "calibration, start, detector and the problems found."));
    describe(m_view, QStringLiteral("view"),
             tr("<b>Spectrum view</b>: the selected spectra. Wheel zooms, drag pans, double-click resets; identified "
                "isotopes are shaded with opacity = probability."));
    describe(m_resultsDock, QStringLiteral("results"),
             tr("<b>Results</b>: one row per classified spectrum with the decision, the source probability and each "
                "isotope's probability and activity. Click a row to see its spectrum."));
    describe(m_trainingDock, QStringLiteral("training"),
             tr("<b>Training</b>: choose the labelled spectra, the task, method and validation, and train a model; "
                "save and load models here."));
}

void MainWindow::restoreLayout()
{
    const QByteArray geometry = m_settings.windowGeometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        const QSize available = screen() ? screen()->availableGeometry().size() : QSize(1600, 1000);
        resize(QSize(1840, 1040).boundedTo(available * 0.94));
    }
    if (!restoreState(m_settings.windowState(), kLayoutVersion)) {
        resizeDocks({m_browser}, {620}, Qt::Horizontal);
        resizeDocks({m_browser, m_infoDock}, {520, 300}, Qt::Vertical);
        resizeDocks({m_resultsDock}, {300}, Qt::Vertical);
        resizeDocks({m_trainingDock}, {400}, Qt::Horizontal);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_loader->cancel();
    m_session->cancel();
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState(kLayoutVersion));
    m_settings.sync();
    QMainWindow::closeEvent(event);
}

QString MainWindow::fileDialogFilter() const
{
    QStringList patterns;
    for (const QString &suffix : ReaderRegistry::instance().readableSuffixes())
        patterns << QStringLiteral("*.") + suffix;
    return tr("Spectra (%1)").arg(patterns.join(QLatin1Char(' '))) + QStringLiteral(";;") + tr("All files (*)");
}

void MainWindow::openFileDialog()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open Spectrum Files"), m_settings.lastDirectory(),
                                                            fileDialogFilter());
    if (!files.isEmpty())
        openPaths(files);
}

void MainWindow::openFolderDialog()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Folder of Spectra"), m_settings.lastDirectory());
    if (!folder.isEmpty())
        openPaths({folder});
}

void MainWindow::openPaths(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    const QFileInfo first(paths.first());
    m_settings.setLastDirectory(first.isDir() ? first.absoluteFilePath() : first.absolutePath());
    m_loadClock.start();
    m_awaitingFirstPlot = false;
    m_loader->start(paths);
}

void MainWindow::onLoadFinished(std::shared_ptr<const SpectrumDataset> dataset, const QStringList &paths,
                                const QStringList &errors)
{
    for (const QString &path : paths)
        if (QFileInfo::exists(path))
            m_recentMenu->add(path);
    m_latentViews->setInputs(paths);

    const QLocale locale;
    const int count = dataset ? dataset->size() : 0;
    const qint64 ms = m_loadClock.elapsed();
    QString title = paths.size() == 1 ? QFileInfo(paths.first()).fileName() : tr("%n items", nullptr, int(paths.size()));
    setWindowTitle(tr("%1 — Photopeak").arg(title));
    QString message = tr("Opened %1 spectra from %2 in %3 s")
                          .arg(locale.toString(count), QDir::toNativeSeparators(paths.join(QStringLiteral(", "))),
                               locale.toString(ms / 1000.0, 'f', 2));
    if (!errors.isEmpty())
        message += QStringLiteral(" — ") + errors.join(QStringLiteral("; "));
    statusBar()->showMessage(message);

    m_awaitingFirstPlot = count > 0;
    qCDebug(lcLoad) << "loaded" << count << "entries in" << ms << "ms";
    undoStack()->clear();  // its commands refer to entries of the previous data
    m_session->setDataset(dataset);
    m_backgroundEntry = -1;
    m_annotationActions->clearBackground()->setEnabled(false);
    m_trainingPanel->setDataset(dataset);
    m_bench->setDataset(dataset, m_session->nuclideLibrary());
    m_model->setDataset(std::move(dataset));
    if (count == 0) {
        m_view->clear();
        emit loadSettled();
        return;
    }
    m_browser->selectFirstUsable();
}

void MainWindow::onLoadCancelled()
{
    statusBar()->showMessage(tr("Loading cancelled; the previously opened data is unchanged."), 8000);
    emit loadSettled();
}

void MainWindow::onSelectionChanged(const QList<int> &entries, int current)
{
    qCDebug(lcLoad) << "selection" << entries.size() << "entries, current" << current;
    const auto &dataset = m_model->dataset();
    std::vector<const Spectrum *> spectra;
    bool allLive = true;
    for (int index : entries)
        if (const DatasetEntry *e = m_model->entry(index); e && e->isReadable()) {
            spectra.push_back(m_bench->displaySpectrum(index));  // with the analyst's calibration, if any
            allLive = allLive && e->spectrum.hasLiveTime();
        }
    // The current row is drawn first (front colour) and described in the info panel.
    const int front = current >= 0 ? current : (entries.isEmpty() ? -1 : entries.first());
    const DatasetEntry *currentEntry = m_model->entry(front);
    if (currentEntry) {
        auto it = std::find(spectra.begin(), spectra.end(), m_bench->displaySpectrum(front));
        if (it != spectra.end())
            std::rotate(spectra.begin(), it, it + 1);
    }
    m_viewActions->setCountRateAvailable(spectra.empty() || allLive);
    m_info->setEntry(currentEntry, static_cast<int>(entries.size()));
    m_view->setAnnotations(annotationsFor(current >= 0 ? current : (entries.isEmpty() ? -1 : entries.first())), false);
    m_view->setSpectra(dataset, std::move(spectra));
    m_latentViews->setCurrentSpectrum(currentEntry && currentEntry->isUsable() ? &currentEntry->spectrum : nullptr,
                                      currentEntry ? currentEntry->spectrum.displayName() : QString());
    m_bench->setCurrent(front, entries);
    if (current >= 0)
        m_resultsDock->selectEntry(current);
}

ViewAnnotations MainWindow::annotationsFor(int entryIndex) const
{
    ViewAnnotations a;
    if (const SpectrumAnalysis *analysis = m_session->analysisOf(entryIndex))
        a.analysis = *analysis;
    a.library = m_session->nuclideLibrary();
    if (const DatasetEntry *bg = m_model->entry(m_backgroundEntry))
        a.background = &bg->spectrum;
    a.isotopes = m_annotationActions->isotopes()->isChecked();
    a.infoBox = m_annotationActions->infoBox()->isChecked();
    a.peaks = m_annotationActions->peaks()->isChecked();
    a.nuclideLines = m_annotationActions->nuclideLines()->isChecked();
    return a;
}

void MainWindow::onPlotted(int graphs)
{
    qCDebug(lcLoad) << "plotted" << graphs << "graphs; awaiting first plot:" << m_awaitingFirstPlot;
    if (!m_awaitingFirstPlot)
        return;
    m_awaitingFirstPlot = false;
    if (graphs > 0)
        emit firstPlotShown(m_loadClock.elapsed());
    emit loadSettled();
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (mime->hasUrls())
        for (const QUrl &url : mime->urls())
            if (url.isLocalFile()) {
                event->acceptProposedAction();
                return;
            }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        openPaths(paths);
    }
}

} // namespace photopeak::ui
