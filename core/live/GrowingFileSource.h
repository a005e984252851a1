// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "live/FileFollower.h"
#include "live/LiveSource.h"

#include <QElapsedTimer>

class QFileSystemWatcher;
class QTimer;

namespace photopeak {

// One multi-record file that grows while the instrument measures (an N42 series gaining <RadMeasurement>
// elements, a spectrum file rewritten each interval): each complete new version delivers its new records.
// The file may be replaced by renaming (atomic writers) or not exist yet when watching starts.
class GrowingFileSource : public LiveSource {
public:
    struct Options {
        qint64 settleMs = 500;     // formats without end marker: unchanged this long = complete
        qint64 fallbackMs = 2000;  // recheck period without change notices
        bool existing = true;      // deliver the records already in the file when watching starts
    };

    explicit GrowingFileSource(QString path);
    GrowingFileSource(QString path, Options options);
    ~GrowingFileSource() override;

    Status start() override;
    void stop() override;
    bool isRunning() const override { return m_watcher != nullptr; }
    QString describe() const override;

private:
    void poll();

    FileFollower m_follower;
    Options m_options;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_fallback = nullptr, *m_settle = nullptr;
    QElapsedTimer m_clock;
    bool m_reported = false;  // "file gone" said once until it is back
};

} // namespace photopeak
