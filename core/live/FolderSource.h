#pragma once

#include "live/FileFollower.h"
#include "live/LiveSource.h"

#include <QElapsedTimer>
#include <QSet>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>

class QFileSystemWatcher;
class QTimer;

namespace photopeak {

// A folder an instrument writes spectra into (one file per interval, or series files that grow). New files,
// and new versions of known files, are read once complete (FileFollower). Change notices come from
// QFileSystemWatcher; a slow rescan (fallbackMs) catches what it misses (network shares, rewritten files).
// Files that disappear are forgotten; a renamed file (same size and time) is not delivered again.
class FolderSource : public LiveSource {
public:
    struct Options {
        qint64 settleMs = 500;      // formats without size or end marker: unchanged this long = complete
        qint64 fallbackMs = 2000;   // rescan period without change notices
        bool existing = false;      // also deliver the files already there when watching starts (oldest first)
    };

    explicit FolderSource(QString folder);
    FolderSource(QString folder, Options options);
    ~FolderSource() override;

    Status start() override;
    void stop() override;
    bool isRunning() const override { return m_watcher != nullptr; }
    QString describe() const override;
    const QString &folder() const { return m_folder; }
    // Files delivered or failed so far (for a replay waiting for its last file).
    int filesDone() const { return m_filesDone; }

private:
    void scheduleScan();
    void scan(bool everyFile);
    void pollFile(const QString &path);
    void handle(FileFollower &follower, FileFollower::Outcome outcome);
    void armSettleTimer();
    QStringList listFiles() const;
    qint64 nowMs() const { return m_clock.elapsed(); }

    QString m_folder;
    Options m_options;
    QSet<QString> m_suffixes;
    std::map<QString, std::unique_ptr<FileFollower>> m_files;
    std::map<QString, qint64> m_due;  // files waiting for their size to settle: when to look again
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_fallback = nullptr, *m_settle = nullptr, *m_scanTimer = nullptr;
    QElapsedTimer m_clock;
    int m_filesDone = 0;
};

} // namespace photopeak
