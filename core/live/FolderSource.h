// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "live/FileFollower.h"
#include "live/LiveSource.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QSet>
#include <QString>

#include <map>
#include <memory>
#include <vector>

class QFileSystemWatcher;
class QTimer;

namespace photopeak {

// A folder an instrument writes spectra into (one file per interval, series files that grow, a new subfolder
// per day). New files, and new versions of known files, are read once complete (FileFollower). Change notices
// come from QFileSystemWatcher, one watch per folder: a notice lists only the folder it names, and compares
// names without building paths, so a folder of thousands of files costs little per new spectrum. A slow
// rescan (fallbackMs) catches what notices miss (network shares, files rewritten in place): it lists every
// folder and looks at the files being written plus a rotating slice of the others (rescanFiles per round).
// Files that disappear are forgotten; a renamed file (same size and time) is not delivered again.
class FolderSource : public LiveSource {
public:
    struct Options {
        qint64 settleMs = 500;      // formats without size or end marker: unchanged this long = complete
        qint64 fallbackMs = 2000;   // rescan period without change notices
        bool existing = false;      // also deliver the files already there when watching starts (oldest first)
        bool subfolders = true;     // follow subfolders (also ones created later), hidden ones excepted
        int rescanFiles = 250;      // files looked at (one stat each) per rescan, in rotation
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
    // Folders and files followed now (the watched folder and its subfolders).
    int folderCount() const { return static_cast<int>(m_dirs.size()); }
    int fileCount() const { return static_cast<int>(m_files.size()); }

private:
    struct Folder {
        QSet<QByteArray> files, folders;  // names in the file system's encoding
    };

    struct Arrivals {
        std::vector<QByteArray> files, folders;
    };

    void scheduleScan(const QString &folder);
    void scanFolders(const QStringList &folders);
    // Forgets what left `folder` (followers into *gone) and returns what is new in it.
    Arrivals diffFolder(const QString &folder, std::vector<std::unique_ptr<FileFollower>> *gone);
    void addArrivals(const QString &folder, const Arrivals &news, std::vector<std::unique_ptr<FileFollower>> *gone);
    void rescan();
    void forgetFolder(const QString &folder, std::vector<std::unique_ptr<FileFollower>> *gone);
    void addFile(const QString &path, std::vector<std::unique_ptr<FileFollower>> *gone);
    void pollFile(const QString &path);
    void handle(FileFollower &follower, FileFollower::Outcome outcome);
    void armSettleTimer();
    qint64 nowMs() const { return m_clock.elapsed(); }

    QString m_folder;
    Options m_options;
    QSet<QByteArray> m_suffixes;
    std::map<QString, Folder> m_dirs;  // absolute folder path -> what it held at its last listing
    std::map<QString, std::unique_ptr<FileFollower>> m_files;
    QSet<QString> m_waiting;           // files being written (watched one by one)
    QSet<QString> m_dirty;             // folders with a change notice not yet listed
    std::map<QString, qint64> m_due;   // files waiting for their size to settle: when to look again
    QString m_sweep;                   // the rescan's position in m_files
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_fallback = nullptr, *m_settle = nullptr, *m_scanTimer = nullptr;
    QElapsedTimer m_clock;
    int m_filesDone = 0;
};

} // namespace photopeak
