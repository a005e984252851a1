// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "live/LiveSource.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>

class QFile;
class QTimer;

namespace photopeak {

class FolderSource;

// Replays measured spectra as if an instrument were taking them now (demos, tests, benchmarks). Files of each
// input (folders searched recursively) in acquisition order (start time in the header, else modification
// time, then name), inputs in the order given. Each file comes after its own real time divided by the speed.
// Either copies each file into a target folder in chunks, the way acquisition software writes, and delivers
// what a FolderSource watching that folder reads; or, without a target, delivers the spectra directly.
// Never writes into a folder it replays from and never overwrites a file (a copy gets a "-2" name).
class ReplaySource : public LiveSource {
public:
    struct Options {
        double speed = 1.0;           // > 0: 10 = ten times faster than measured
        double intervalS = 0.0;       // > 0: this many seconds between files instead of their real times
        QString targetFolder;         // empty: deliver directly
        int chunks = 4;               // pieces each copied file is written in
        int chunkGapMs = 10;          // pause between the pieces
        qint64 settleMs = 500;        // of the folder watcher
    };
    using WrittenCallback = std::function<void(const QString &path, std::chrono::steady_clock::time_point)>;

    ReplaySource(QStringList inputs, Options options);
    ~ReplaySource() override;

    // Files of `inputs` in replay order; folders that hold no readable file are an error.
    static Result<QStringList> collect(const QStringList &inputs);

    Status start() override;
    void stop() override;
    bool isRunning() const override { return m_timer != nullptr; }
    QString describe() const override;
    // Called when a copy is complete on disk (last byte written and closed): the latency benchmark's clock.
    void setWrittenCallback(WrittenCallback callback) { m_written = std::move(callback); }
    int fileCount() const { return int(m_files.size()); }
    int filesReplayed() const { return m_next; }

private:
    void step();
    void startFile();
    void writeChunk();
    void checkFinished();
    int delayMsFor(int index) const;
    QString targetNameFor(const QString &source) const;

    QStringList m_inputs;
    Options m_options;
    QStringList m_files;
    std::vector<double> m_durations;  // s, per file
    int m_next = 0;                   // files started
    QTimer *m_timer = nullptr, *m_grace = nullptr;
    std::unique_ptr<FolderSource> m_watcher;
    std::unique_ptr<QFile> m_out;
    QByteArray m_bytes;
    int m_chunk = 0;
    bool m_allWritten = false;
    WrittenCallback m_written;
};

} // namespace photopeak
