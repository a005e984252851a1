// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "live/LiveAnalysis.h"
#include "live/LiveResult.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace photopeak {
class LiveMonitor;
}

namespace photopeak::ui {

using LiveResultPtr = std::shared_ptr<const LiveResult>;

// What to watch: a folder, one growing series file, or a replay of measured spectra into a folder.
struct LiveRequest {
    enum class Kind { Folder, File, Replay } kind = Kind::Folder;
    QString path;              // folder or file watched; the replay's target folder
    QStringList replayInputs;  // Replay: folders or files replayed, in this order
    double speed = 10.0;       // Replay
    bool existing = false;     // Folder/File: also the spectra already there
    std::shared_ptr<const SpectrumAnalyzer> analyzer;
    LiveAnalysis::Options options;
};

// The monitoring session off the GUI thread: lives in a worker thread, owns the LiveMonitor (its file-system
// watcher and timers run in that thread's event loop) and sends every result to the window as a signal.
class LiveWorker : public QObject {
    Q_OBJECT
public:
    explicit LiveWorker(QObject *parent = nullptr);
    ~LiveWorker() override;

    // Call in the worker's thread (queued from the GUI).
    void start(const LiveRequest &request);
    void stop();
    void setOptions(const LiveAnalysis::Options &options);
    void resetBackground();
    Status saveAlarmLog(const QString &path) const;

signals:
    void started(const QString &description);
    void result(const photopeak::ui::LiveResultPtr &result);
    void problem(const QString &message);
    void stopped();

private:
    std::unique_ptr<LiveMonitor> m_monitor;
};

} // namespace photopeak::ui

Q_DECLARE_METATYPE(photopeak::ui::LiveResultPtr)
