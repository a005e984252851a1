// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// MainWindow's analysis part: classify actions, results dock, progress, exports. The work itself is done
// by AnalysisSession (models, background classification) and the core (AnalysisTable).
#include "main/MainWindow.h"
#include "training/TrainingPanel.h"

#include "analysis/AnalysisTable.h"
#include "io/AtomicFile.h"
#include "io/OutputGuard.h"
#include "ml/SpectrumClassifier.h"
#include "ml/SpectrumClassifierModel.h"
#include "ml/latent/LatentSpectrumModel.h"
#include "model/ModelRegistry.h"
#include "util/SharedResources.h"
#include "ml/latent/LatentModel.h"
#include "data/DataBrowserDock.h"
#include "data/DatasetModel.h"
#include "main/TaskProgressWidget.h"
#include "main/ViewActions.h"
#include "report/ReportExporter.h"
#include "results/ClassificationJob.h"
#include "results/ResultsDock.h"
#include "results/ResultsModel.h"
#include "session/AnalysisSession.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace photopeak::ui {

void MainWindow::createAnalysis()
{
    m_session = new AnalysisSession(this);
    m_resultsDock = new ResultsDock(m_session->results(), this);
    addDockWidget(Qt::BottomDockWidgetArea, m_resultsDock);
    m_taskProgress = new TaskProgressWidget(this);
    m_taskProgress->setObjectName(QStringLiteral("taskProgress"));
    statusBar()->addPermanentWidget(m_taskProgress);

    m_classifySelection = new QAction(QIcon(QStringLiteral(":/icons/classify.svg")), tr("&Classify Selection"), this);
    m_classifySelection->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_classifySelection->setIconText(tr("Classify"));
    m_classifySelection->setToolTip(tr("Classify the selected spectra with the current model (Ctrl+R)"));
    connect(m_classifySelection, &QAction::triggered, this, &MainWindow::classifySelection);

    m_classifyAll = new QAction(tr("Classify &All"), this);
    m_classifyAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_classifyAll->setToolTip(tr("Classify every opened spectrum (Ctrl+Shift+R)"));
    connect(m_classifyAll, &QAction::triggered, this, &MainWindow::classifyAll);

    m_cancelClassify = new QAction(tr("Cancel Classification"), this);
    m_cancelClassify->setEnabled(false);
    connect(m_cancelClassify, &QAction::triggered, m_session, &AnalysisSession::cancel);
    connect(m_taskProgress, &TaskProgressWidget::cancelRequested, m_session, &AnalysisSession::cancel);

    QAction *shippedEfficiency = new QAction(tr("Use the Shipped &XGD Efficiency Curve"), this);
    shippedEfficiency->setToolTip(tr("Activities with the efficiency curve fitted from the XGD reference sources "
                                     "(only valid for the XGD detector)"));
    connect(shippedEfficiency, &QAction::triggered, this, [this] { useEfficiencyCurve(findSharedResource(QStringLiteral("efficiency/xgd.json"))); });

    m_efficiency = new QAction(tr("&Efficiency Curve for Activities…"), this);
    m_efficiency->setToolTip(tr("Choose the detector's efficiency curve; with it, classification estimates the "
                                "activity of every reported isotope"));
    connect(m_efficiency, &QAction::triggered, this, &MainWindow::chooseEfficiencyCurve);

    m_exportCsv = new QAction(tr("Export Results as C&SV…"), this);
    m_exportCsv->setEnabled(false);
    connect(m_exportCsv, &QAction::triggered, this, &MainWindow::exportResultsCsv);
    connect(m_resultsDock, &ResultsDock::exportCsvRequested, this, &MainWindow::exportResultsCsv);

    m_exporter = new ReportExporter(this);
    m_exportReports = new QAction(QIcon(QStringLiteral(":/icons/report.svg")), tr("Export PNG &Reports…"), this);
    m_exportReports->setEnabled(false);
    m_exportReports->setToolTip(tr("One PNG per classified spectrum: annotated spectrum, results, header and model"));
    connect(m_exportReports, &QAction::triggered, this, &MainWindow::exportReports);
    connect(m_resultsDock, &ResultsDock::exportReportsRequested, this, &MainWindow::exportReports);
    m_exportPdf = new QAction(tr("Export Report as P&DF…"), this);
    m_exportPdf->setEnabled(false);
    m_exportPdf->setToolTip(tr("One vector PDF: a summary table, then one page per classified spectrum"));
    connect(m_exportPdf, &QAction::triggered, this, [this] { exportReportDocument(ReportDocument::Format::Pdf); });
    m_exportHtml = new QAction(tr("Export Report as &HTML…"), this);
    m_exportHtml->setEnabled(false);
    m_exportHtml->setToolTip(tr("One self-contained web page to share: summary table and every page as an image"));
    connect(m_exportHtml, &QAction::triggered, this, [this] { exportReportDocument(ReportDocument::Format::Html); });
    connect(m_exporter, &ReportExporter::progress, m_taskProgress, &TaskProgressWidget::setProgress);
    connect(m_exporter, &ReportExporter::finished, this, [this](int written, const QStringList &errors) {
        m_taskProgress->end();
        disconnect(m_taskProgress, &TaskProgressWidget::cancelRequested, m_exporter, &ReportExporter::cancel);
        QString message = m_exporter->wasCancelled() ? tr("Report export cancelled after %n reports", nullptr, written)
                          : m_exporter->writtenFiles().size() == 1 && !m_exporter->writtenFiles().front().endsWith(QLatin1String(".png"))
                              ? tr("Wrote %1").arg(QDir::toNativeSeparators(m_exporter->writtenFiles().front()))
                              : tr("Wrote %n PNG reports", nullptr, written);
        if (!errors.isEmpty()) {
            message += tr("; %n failed: ", nullptr, int(errors.size())) + errors.first();
            QMessageBox::warning(this, tr("PNG Reports"), errors.join(QLatin1Char('\n')));
        }
        statusBar()->showMessage(message, 10000);
    });

    m_analysisMenu = new QMenu(tr("&Analysis"), this);
    m_analysisMenu->addAction(m_classifySelection);
    m_analysisMenu->addAction(m_classifyAll);
    m_analysisMenu->addAction(m_cancelClassify);
    m_analysisMenu->addSeparator();
    QAction *classical = m_analysisMenu->addAction(tr("Rank Nuclides from &Peaks"));
    classical->setCheckable(true);
    classical->setToolTip(tr("Beside the model's result, rank nuclides from the fitted peaks (slower on large folders)"));
    classical->setChecked(QSettings().value(QStringLiteral("analysis/classical"), true).toBool());
    m_session->setClassicalRanking(classical->isChecked());
    connect(classical, &QAction::toggled, this, [this](bool on) {
        m_session->setClassicalRanking(on);
        QSettings().setValue(QStringLiteral("analysis/classical"), on);
    });
    m_analysisMenu->addSeparator();
    m_analysisMenu->addAction(tr("Use Selection as Session &Background"), this, &MainWindow::useSelectionAsSessionBackground);
    m_analysisMenu->addAction(tr("Clear Session Background"), this, [this] {
        m_session->setSessionBackground(std::nullopt);
        statusBar()->showMessage(tr("Detection uses the model's training background again"), 8000);
    });
    m_analysisMenu->addSeparator();
    m_analysisMenu->addAction(m_efficiency);
    m_analysisMenu->addAction(shippedEfficiency);
    m_analysisMenu->addSeparator();
    m_analysisMenu->addAction(m_exportCsv);
    m_analysisMenu->addAction(m_exportReports);
    m_analysisMenu->addAction(m_exportPdf);
    m_analysisMenu->addAction(m_exportHtml);

    ClassificationJob *job = m_session->job();
    connect(job, &ClassificationJob::busyChanged, m_cancelClassify, &QAction::setEnabled);
    connect(job, &ClassificationJob::progress, m_taskProgress,
            [this](qint64 done, qint64 total, const QString &) { m_taskProgress->setProgress(done, total); });
    connect(job, &ClassificationJob::busyChanged, this, [this](bool busy) {
        if (!busy)
            m_taskProgress->end();
    });
    connect(job, &ClassificationJob::cancelled, this,
            [this] { statusBar()->showMessage(tr("Classification cancelled; the previous results are unchanged."), 8000); });
    connect(m_session, &AnalysisSession::classificationStarted, this, [this](int count) {
        m_taskProgress->begin(tr("Classifying %1 / %2"));
        statusBar()->showMessage(tr("Classifying %n spectra with %1…", nullptr, count).arg(m_session->modelDescription()));
    });
    connect(m_session, &AnalysisSession::classificationFinished, this, &MainWindow::onClassificationFinished);
    connect(m_session, &AnalysisSession::failed, this,
            [this](const QString &message) { QMessageBox::information(this, tr("Classify"), message); });
    connect(m_resultsDock, &ResultsDock::entryActivated, m_browser, &DataBrowserDock::selectEntry);
}

void MainWindow::classifySelection()
{
    QList<int> entries = m_browser->selectedEntries();
    if (entries.isEmpty()) {
        classifyAll();
        return;
    }
    m_session->classify(entries);
}

void MainWindow::classifyAll()
{
    m_session->classify();
}

void MainWindow::onClassificationFinished(int count, double seconds)
{
    const QLocale locale;
    statusBar()->showMessage(tr("Classified %1 spectra in %2 s with %3")
                                 .arg(locale.toString(count), locale.toString(seconds, 'f', 2), m_session->modelDescription()));
    m_exportCsv->setEnabled(count > 0);
    m_exportReports->setEnabled(count > 0);
    m_exportPdf->setEnabled(count > 0);
    m_exportHtml->setEnabled(count > 0);
    m_resultsDock->show();
    m_resultsDock->raise();
    m_resultsDock->selectEntry(m_browser->currentEntry());
    // Redraw the current spectrum with its new annotations.
    onSelectionChanged(m_browser->selectedEntries(), m_browser->currentEntry());
}

void MainWindow::exportResultsCsv()
{
    const auto &rows = m_session->results()->results();
    if (rows.empty())
        return;
    QString path = QFileDialog::getSaveFileName(this, tr("Export Results"), m_settings.lastDirectory()
                                                    + QStringLiteral("/photopeak-results.csv"),
                                                tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".csv");
    // The dialog has asked before replacing a file; a spectrum of the open data set is never replaced.
    OutputGuard guard({}, true);
    if (const auto &ds = m_session->dataset())
        for (const DatasetEntry &e : ds->entries())
            if (e.isReadable())
                guard.addInput(e.spectrum.sourcePath);
    Status st = guard.isInput(path) ? makeError(path, tr("is a spectrum file of the open data set; choose another name"))
                                    : writeFileAtomically(path, AnalysisTable::toCsv(rows, {}, m_session->latentModel() != nullptr),
                                                          OutputKind::table());
    if (!st) {
        QMessageBox::warning(this, tr("Export Results"), tr("Cannot write the results: %1").arg(st.error().toString()));
        return;
    }
    statusBar()->showMessage(tr("Wrote %n rows to %1", nullptr, int(rows.size())).arg(QDir::toNativeSeparators(path)), 8000);
}

void MainWindow::exportReports()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder for PNG Reports"), m_settings.lastDirectory());
    if (!folder.isEmpty())
        exportReportsTo(folder);
}

void MainWindow::exportReportDocument(ReportDocument::Format format)
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, format == ReportDocument::Format::Pdf ? tr("Folder for the PDF Report") : tr("Folder for the HTML Report"),
        m_settings.lastDirectory());
    if (!folder.isEmpty())
        exportReportsTo(folder, format);
}

bool MainWindow::exportReportsTo(const QString &folder, std::optional<ReportDocument::Format> document)
{
    const auto &rows = m_session->results()->results();
    if (rows.empty() || !m_session->dataset())
        return false;
    if (m_exporter->isRunning()) {
        QMessageBox::information(this, tr("PNG Reports"), tr("A report export is already running."));
        return false;
    }
    ReportExporter::Options options;
    options.outputDir = folder;
    options.document = document;
    options.render.plot = m_viewActions->options();
    options.render.latent = m_session->latentModel();  // its views: beside each spectrum and one model page
    if (const DatasetEntry *bg = m_model->entry(m_backgroundEntry))
        options.background = std::make_shared<const Spectrum>(bg->spectrum);
    if (const Status st = m_exporter->start(m_session->dataset(), rows, options); !st) {
        QMessageBox::warning(this, tr("PNG Reports"), st.error().toString());
        return false;
    }
    m_taskProgress->begin(tr("Writing reports %1 / %2"));
    connect(m_taskProgress, &TaskProgressWidget::cancelRequested, m_exporter, &ReportExporter::cancel,
            Qt::UniqueConnection);
    statusBar()->showMessage(tr("Writing %n PNG reports to %1…", nullptr, int(rows.size())).arg(QDir::toNativeSeparators(folder)));
    return true;
}

QString MainWindow::loadModelFile(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    // The one loader: the registry reads the kind from the file header and refuses unknown kinds.
    auto model = ModelRegistry::instance().load(path);
    if (!model)
        return model.error().toString();
    if (const auto *classifier = dynamic_cast<const SpectrumClassifierModel *>(model->get())) {
        m_session->setClassifier(classifier->classifier(), name);
        m_trainingPanel->showLoadedClassifier(classifier->classifier(), path);
        statusBar()->showMessage(tr("Loaded classifier %1").arg(QDir::toNativeSeparators(path)), 8000);
        return {};
    }
    if (const auto *latent = dynamic_cast<const LatentSpectrumModel *>(model->get())) {
        m_latentTrainingSelection.reset();
        m_session->setLatentModel(latent->latentModel(), name);
        m_trainingPanel->showLoadedLatentModel(latent->latentModel(), path);
        statusBar()->showMessage(tr("Loaded latent model %1").arg(QDir::toNativeSeparators(path)), 8000);
        return {};
    }
    return tr("%1: a %2 model (%3) does not analyse spectra; open it in its own workflow")
        .arg(QDir::toNativeSeparators(path), (*model)->kind(), (*model)->description());
}

void MainWindow::chooseEfficiencyCurve()
{
    const QString shipped = findSharedResource(QStringLiteral("efficiency/xgd.json"));
    const QString path = QFileDialog::getOpenFileName(this, tr("Efficiency Curve"),
                                                      shipped.isEmpty() ? m_settings.lastDirectory() : QFileInfo(shipped).path(),
                                                      tr("Efficiency curves (*.json);;All files (*)"));
    if (!path.isEmpty())
        useEfficiencyCurve(path);
}

bool MainWindow::useEfficiencyCurve(const QString &path)
{
    if (path.isEmpty()) {
        QMessageBox::warning(this, tr("Efficiency Curve"), tr("The shipped efficiency curve is not installed."));
        return false;
    }
    if (const QString problem = m_session->setEfficiencyFile(path); !problem.isEmpty()) {
        QMessageBox::warning(this, tr("Efficiency Curve"), problem);
        return false;
    }
    statusBar()->showMessage(tr("Activities will use the efficiency curve %1; classify again to estimate them")
                                 .arg(QDir::toNativeSeparators(path)), 8000);
    return true;
}

void MainWindow::useSelectionAsSessionBackground()
{
    const auto dataset = m_session->dataset();
    const QList<int> entries = m_browser->selectedEntries();
    if (!dataset || entries.isEmpty() || !m_session->classifier()) {
        QMessageBox::information(this, tr("Session Background"),
                                 tr("Load or train a classifier and select the background spectra of this session first."));
        return;
    }
    std::vector<const Spectrum *> spectra;
    for (int i : entries)
        if (i >= 0 && i < dataset->size() && dataset->entries()[size_t(i)].isReadable())
            spectra.push_back(&dataset->entries()[size_t(i)].spectrum);
    auto background = SessionBackground::fromSpectra(spectra, m_session->classifier()->grid(), tr("selection"));
    if (!background) {
        QMessageBox::warning(this, tr("Session Background"), background.error().toString());
        return;
    }
    const QString text = background->describe();
    m_session->setSessionBackground(std::move(background.value()));
    statusBar()->showMessage(tr("Session background: %1; classify again to use it").arg(text), 10000);
}

} // namespace photopeak::ui
