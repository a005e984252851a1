// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "live/LiveWindow.h"

#include "live/AlarmBanner.h"
#include "live/LiveCharts.h"
#include "live/LiveControls.h"
#include "help/ManualWindow.h"
#include "io/AtomicFile.h"
#include "io/OutputGuard.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QSystemTrayIcon>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QVBoxLayout>
#include <QWhatsThis>

#include <algorithm>

namespace photopeak::ui {

LiveWindow::LiveWindow(QWidget *parent) : QWidget(parent, Qt::Window)
{
    setWindowTitle(tr("Live Monitoring — Photopeak"));
    m_banner = new AlarmBanner(this);
    m_charts = new LiveCharts(this);
    m_controls = new LiveControls(this);
    m_alarmTable = new QTableWidget(0, 5, this);
    m_alarmTable->setHorizontalHeaderLabels({tr("Raised"), tr("Cleared"), tr("Isotopes"), tr("Spectrum"), tr("Evidence")});
    m_alarmTable->horizontalHeader()->setStretchLastSection(true);
    for (int c = 0; c < 4; ++c)
        m_alarmTable->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_alarmTable->verticalHeader()->setVisible(false);
    m_alarmTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_alarmTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_status = new QLabel(this);
    m_watchButton = new QPushButton(tr("Watch Folder…"), this);
    m_replayButton = new QPushButton(tr("Replay Folder…"), this);
    m_stopButton = new QPushButton(tr("Stop"), this);
    m_stopButton->setEnabled(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_watchButton);
    buttons->addWidget(m_replayButton);
    buttons->addWidget(m_stopButton);
    buttons->addWidget(m_status, 1);
    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_controls);
    sideLayout->addWidget(new QLabel(tr("Alarm log"), side));
    sideLayout->addWidget(m_alarmTable, 1);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_charts);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({900, 380});
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
    resize(1280, 860);
    // A window of its own: F1 and Shift+F1 work here too.
    new QShortcut(QKeySequence::HelpContents, this, [this] { ManualWindow::open(this, QStringLiteral("live")); });
    new QShortcut(QKeySequence::WhatsThis, this, [] { QWhatsThis::enterWhatsThisMode(); });
    m_banner->setWhatsThis(tr("<b>Alarm banner</b>: red with the isotope, the time, the spectrum and the evidence while an "
                              "alarm is up; green with the state otherwise."));
    m_charts->setWhatsThis(tr("<b>Strip charts</b>: count rate with the rolling background, significance with the "
                              "threshold, each isotope's probability; below, the latest spectrum and the running sum."));
    m_controls->setWhatsThis(tr("<b>Alarm settings</b>: threshold in sigma, raise after / clear after N intervals, naming "
                                "probability, sliding and cumulative sums, background length. Changes apply at once."));
    m_alarmTable->setWhatsThis(tr("<b>Alarm log</b>: one row per alarm, raised and cleared; export it as CSV."));

    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("live monitoring"));
    m_worker = new LiveWorker;
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &LiveWorker::result, this, &LiveWindow::onResult);
    connect(m_worker, &LiveWorker::started, this, [this](const QString &d) { setWatching(true, d); });
    connect(m_worker, &LiveWorker::stopped, this, [this] { setWatching(false, m_description); });
    connect(m_worker, &LiveWorker::problem, this, [this](const QString &m) { m_status->setText(m); });
    m_thread->start();

    connect(m_watchButton, &QPushButton::clicked, this, &LiveWindow::chooseFolderToWatch);
    connect(m_replayButton, &QPushButton::clicked, this, &LiveWindow::chooseFolderToReplay);
    connect(m_stopButton, &QPushButton::clicked, this, &LiveWindow::stop);
    connect(m_controls, &LiveControls::exportLogRequested, this, &LiveWindow::exportAlarmLog);
    connect(m_controls, &LiveControls::changed, this, [this] {
        const LiveAnalysis::Options o = m_controls->options();
        m_charts->setThresholds(o.alarm.sigma, o.alarm.isotopeProbability);
        m_charts->replot();
        QMetaObject::invokeMethod(m_worker, [w = m_worker, o] { w->setOptions(o); }, Qt::QueuedConnection);
    });
    connect(m_controls, &LiveControls::resetBackgroundRequested, this, [this] {
        QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->resetBackground(); }, Qt::QueuedConnection);
    });
}

LiveWindow::~LiveWindow()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->stop(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void LiveWindow::closeEvent(QCloseEvent *event)
{
    stop();
    event->accept();
}

bool LiveWindow::begin(LiveRequest request)
{
    request.analyzer = m_provider ? m_provider() : nullptr;
    if (!request.analyzer || !request.analyzer->isValid()) {
        QMessageBox::information(this, windowTitle(), tr("Load or train a model first: live monitoring analyses every new "
                                                         "spectrum with the current model."));
        return false;
    }
    request.options = m_controls->options();
    m_watchedFolder = request.path;
    m_charts->clear(request.analyzer->isotopeLabels());
    m_charts->setThresholds(request.options.alarm.sigma, request.options.alarm.isotopeProbability);
    m_alarmTable->setRowCount(0);
    m_alarmRows.clear();
    m_pending.clear();
    m_latencies.clear();
    m_results = 0;
    m_banner->showQuiet(tr("Starting…"));
    QMetaObject::invokeMethod(m_worker, [w = m_worker, request] { w->start(request); }, Qt::QueuedConnection);
    return true;
}

bool LiveWindow::watchFolder(const QString &folder)
{
    LiveRequest r;
    r.kind = QFileInfo(folder).isFile() ? LiveRequest::Kind::File : LiveRequest::Kind::Folder;
    r.path = folder;
    return begin(r);
}

bool LiveWindow::replay(const QStringList &inputs, double speed)
{
    m_replayDir = std::make_unique<QTemporaryDir>();
    if (!m_replayDir->isValid()) {
        QMessageBox::warning(this, windowTitle(), tr("No temporary folder for the replay: %1").arg(m_replayDir->errorString()));
        return false;
    }
    LiveRequest r;
    r.kind = LiveRequest::Kind::Replay;
    r.path = m_replayDir->path();
    r.replayInputs = inputs;
    r.speed = speed;
    return begin(r);
}

void LiveWindow::stop()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->stop(); }, Qt::QueuedConnection);
}

void LiveWindow::chooseFolderToWatch()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Watch Folder"));
    if (!folder.isEmpty())
        watchFolder(folder);
}

void LiveWindow::chooseFolderToReplay()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Replay Measured Spectra From"));
    if (folder.isEmpty())
        return;
    bool ok = false;
    const double speed = QInputDialog::getDouble(this, tr("Replay Speed"),
                                                 tr("Times faster than measured (spectra come in acquisition order):"),
                                                 20.0, 0.1, 10000.0, 1, &ok);
    if (ok)
        replay({folder}, speed);
}

void LiveWindow::exportAlarmLog()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export Alarm Log"), QStringLiteral("alarms.csv"), tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".csv");
    // The user confirmed replacing a file in the dialog; the watched folder is refused (read as spectra).
    OutputGuard guard({m_watchedFolder}, true);
    Status status = guard.check(path, OutputKind::table());
    if (status && QFileInfo(path).absolutePath() == QFileInfo(m_watchedFolder).absoluteFilePath())
        status = makeError(path, tr("the alarm log cannot go into the watched folder"));
    if (!status) {
        QMessageBox::warning(this, windowTitle(), status.error().toString());
        return;
    }
    QMetaObject::invokeMethod(m_worker, [w = m_worker, path, &status] { status = w->saveAlarmLog(path); },
                              Qt::BlockingQueuedConnection);
    if (!status)
        QMessageBox::warning(this, windowTitle(), status.error().toString());
}

void LiveWindow::setWatching(bool on, const QString &description)
{
    m_watching = on;
    m_description = description;
    m_stopButton->setEnabled(on);
    m_status->setText(on ? tr("Watching %1").arg(description) : tr("Stopped (%1 spectra).").arg(m_results));
    if (!on && !m_banner->isAlarm())
        m_banner->showQuiet(tr("Not watching. %n spectra analysed.", nullptr, m_results));
    emit watchingChanged(on);
}

void LiveWindow::onResult(const LiveResultPtr &result)
{
    m_pending.push_back(result);
    if (m_refreshQueued)
        return;
    m_refreshQueued = true;
    // Everything that arrived until then is drawn in one go.
    QMetaObject::invokeMethod(this, &LiveWindow::refresh, Qt::QueuedConnection);
}

void LiveWindow::showAlarm(const AlarmRecord &a, bool raised)
{
    auto it = m_alarmRows.find(a.id);
    int row;
    if (it == m_alarmRows.end()) {
        row = m_alarmTable->rowCount();
        m_alarmTable->insertRow(row);
        m_alarmRows[a.id] = row;
    } else {
        row = it->second;
    }
    const QLocale locale;
    const QStringList cells{locale.toString(a.raisedAt.time(), QLocale::LongFormat),
                            a.clearedAt.isValid() ? locale.toString(a.clearedAt.time(), QLocale::LongFormat) : tr("active"),
                            a.isotopeText(), QStringLiteral("#%1").arg(a.sequence),
                            tr("%1; peak %2 σ").arg(a.evidence()).arg(a.peakSigma, 0, 'f', 1)};
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells[c]);
        item->setToolTip(QStringLiteral("%1\n%2").arg(QDir::toNativeSeparators(a.file), a.evidence()));
        m_alarmTable->setItem(row, c, item);
    }
    if (!raised)
        return;
    QApplication::beep();
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(windowIcon().isNull() ? qApp->windowIcon() : windowIcon(), this);
            m_tray->show();
        }
        m_tray->showMessage(tr("Photopeak alarm: %1").arg(a.isotopeText()), a.evidence(), QSystemTrayIcon::Critical);
    }
}

void LiveWindow::refresh()
{
    m_refreshQueued = false;
    if (m_pending.empty())
        return;
    std::vector<LiveResultPtr> batch;
    batch.swap(m_pending);
    m_charts->append(batch);
    for (const LiveResultPtr &r : batch) {
        ++m_results;
        m_latencies.push_back(r->latencyMs);
        if (r->alarm)
            showAlarm(*r->alarm, r->event == AlarmLogic::Event::Raised);
    }
    const LiveResult &last = *batch.back();
    if (last.alarmActive && last.alarm) {
        m_banner->showAlarm(*last.alarm);
    } else if (!last.backgroundReady) {
        m_banner->showQuiet(tr("Learning the background: %1 of %2 source-free intervals.")
                                .arg(last.backgroundIntervals + (last.addedToBackground ? 1 : 0))
                                .arg(m_controls->options().minBackgroundIntervals));
    } else {
        m_banner->showQuiet(tr("No alarm. Spectrum #%1: %2 cps, background %3 cps, %4 σ.")
                                .arg(last.sequence).arg(last.countRateCps, 0, 'f', 1).arg(last.backgroundCps, 0, 'f', 1)
                                .arg(last.sigma, 0, 'f', 1));
    }
    std::vector<double> recent(m_latencies.end() - std::min<ptrdiff_t>(100, ptrdiff_t(m_latencies.size())), m_latencies.end());
    std::nth_element(recent.begin(), recent.begin() + ptrdiff_t(recent.size() / 2), recent.end());
    m_status->setText(tr("%1 — %n spectra, decision %2 ms after the file was complete (median)", nullptr, m_results)
                          .arg(m_description).arg(recent[recent.size() / 2], 0, 'f', 1));
    m_charts->replot();
    if (receivers(SIGNAL(resultsShown(QStringList))) > 0) {
        QStringList files;
        for (const LiveResultPtr &r : batch)
            files << r->file;
        emit resultsShown(files);
    }
}

} // namespace photopeak::ui
