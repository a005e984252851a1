// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "live/LiveWorker.h"

#include "live/FolderSource.h"
#include "live/GrowingFileSource.h"
#include "live/LiveMonitor.h"
#include "live/ReplaySource.h"

#include <QTimer>

namespace photopeak::ui {

LiveWorker::LiveWorker(QObject *parent) : QObject(parent) { qRegisterMetaType<LiveResultPtr>(); }

LiveWorker::~LiveWorker() = default;

void LiveWorker::start(const LiveRequest &request)
{
    stop();
    if (!request.analyzer || !request.analyzer->isValid()) {
        emit problem(tr("No model to analyse with: load or train one first."));
        emit stopped();
        return;
    }
    std::unique_ptr<LiveSource> source;
    switch (request.kind) {
    case LiveRequest::Kind::Folder: {
        FolderSource::Options o;
        o.existing = request.existing;
        source = std::make_unique<FolderSource>(request.path, o);
        break;
    }
    case LiveRequest::Kind::File: {
        GrowingFileSource::Options o;
        o.existing = request.existing;
        source = std::make_unique<GrowingFileSource>(request.path, o);
        break;
    }
    case LiveRequest::Kind::Replay: {
        ReplaySource::Options o;
        o.speed = request.speed;
        o.targetFolder = request.path;
        source = std::make_unique<ReplaySource>(request.replayInputs, o);
        break;
    }
    }
    const QString description = source->describe();
    auto monitor = std::make_unique<LiveMonitor>(std::move(source), request.analyzer, request.options);
    LiveMonitor::Callbacks cb;
    cb.result = [this](const LiveResult &r) { emit result(std::make_shared<const LiveResult>(r)); };
    cb.problem = [this](const Error &e) { emit problem(e.toString()); };
    // The source is not stopped from inside its own callback: after the current event.
    cb.finished = [this] {
        QTimer::singleShot(0, this, [this] {
            if (m_monitor)
                m_monitor->stop();
            emit stopped();
        });
    };
    monitor->setCallbacks(cb);
    if (const Status st = monitor->start(); !st) {
        emit problem(st.error().toString());
        emit stopped();
        return;
    }
    m_monitor = std::move(monitor);
    emit started(description);
}

void LiveWorker::stop()
{
    if (!m_monitor || !m_monitor->isRunning())
        return;
    m_monitor->stop();
    emit stopped();
}

void LiveWorker::setOptions(const LiveAnalysis::Options &options)
{
    if (m_monitor)
        m_monitor->analysis().setOptions(options);
}

void LiveWorker::resetBackground()
{
    if (m_monitor)
        m_monitor->analysis().reset();
}

Status LiveWorker::saveAlarmLog(const QString &path) const
{
    if (!m_monitor)
        return AlarmLog().save(path);
    return m_monitor->analysis().alarmLog().save(path);
}

} // namespace photopeak::ui
