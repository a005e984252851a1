// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "live/LiveWorker.h"

#include <QWidget>

#include <functional>
#include <map>
#include <memory>
#include <vector>

class QLabel;
class QPushButton;
class QSystemTrayIcon;
class QTableWidget;
class QTemporaryDir;
class QThread;

namespace photopeak::ui {

class AlarmBanner;
class LiveCharts;
class LiveControls;

// The live view: follows a folder (or a replay of measured spectra) with the loaded models. Strip charts of
// count rate, significance and isotope probabilities, the latest spectrum and the running sum, an alarm
// banner, threshold and hysteresis controls, the alarm log (CSV export), a beep and a tray message when an
// alarm is raised. The monitoring runs in a worker thread; results are drawn once per event-loop turn.
class LiveWindow : public QWidget {
    Q_OBJECT
public:
    using AnalyzerProvider = std::function<std::shared_ptr<const SpectrumAnalyzer>()>;

    explicit LiveWindow(QWidget *parent = nullptr);
    ~LiveWindow() override;

    // Where the models come from when watching starts (the main window's current models).
    void setAnalyzerProvider(AnalyzerProvider provider) { m_provider = std::move(provider); }

    bool watchFolder(const QString &folder);
    // Replays `inputs` (in acquisition order, at `speed` times the measured pace) into a temporary folder
    // and watches that folder.
    bool replay(const QStringList &inputs, double speed);
    void stop();

    bool isWatching() const { return m_watching; }
    int resultCount() const { return m_results; }
    AlarmBanner *banner() const { return m_banner; }
    LiveCharts *charts() const { return m_charts; }
    LiveControls *controls() const { return m_controls; }
    QTableWidget *alarmTable() const { return m_alarmTable; }

public slots:
    void chooseFolderToWatch();
    void chooseFolderToReplay();
    void exportAlarmLog();

signals:
    void watchingChanged(bool watching);
    // After a batch of results was put into the charts, banner and log (the charts repaint right after).
    void resultsShown(const QStringList &files);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    bool begin(LiveRequest request);
    void onResult(const LiveResultPtr &result);
    void refresh();
    void showAlarm(const AlarmRecord &alarm, bool raised);
    void setWatching(bool on, const QString &description);

    AnalyzerProvider m_provider;
    QThread *m_thread;
    LiveWorker *m_worker;
    AlarmBanner *m_banner;
    LiveCharts *m_charts;
    LiveControls *m_controls;
    QTableWidget *m_alarmTable;
    QLabel *m_status;
    QPushButton *m_watchButton, *m_replayButton, *m_stopButton;
    QSystemTrayIcon *m_tray = nullptr;
    std::unique_ptr<QTemporaryDir> m_replayDir;
    std::vector<LiveResultPtr> m_pending;
    bool m_refreshQueued = false;
    bool m_watching = false;
    int m_results = 0;
    QString m_description;
    QString m_watchedFolder;
    std::map<int, int> m_alarmRows;  // alarm id -> table row
    std::vector<double> m_latencies;
};

} // namespace photopeak::ui
