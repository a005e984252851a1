// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "live/FolderSource.h"

#include "io/ReaderRegistry.h"
#include "live/DirectoryListing.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <utility>

namespace photopeak {

namespace {
QSet<QByteArray> readableSuffixes()
{
    QSet<QByteArray> out;
    for (const QString &s : ReaderRegistry::instance().readableSuffixes())
        out.insert(QFile::encodeName(s.toLower()));
    return out;
}

QString childPath(const QString &folder, const QByteArray &name) { return folder + QLatin1Char('/') + QFile::decodeName(name); }

QString parentOf(const QString &path) { return path.left(std::max<qsizetype>(0, path.lastIndexOf(QLatin1Char('/')))); }
} // namespace

FolderSource::FolderSource(QString folder) : FolderSource(std::move(folder), Options()) {}

FolderSource::FolderSource(QString folder, Options options)
    : m_folder(QDir::cleanPath(QDir(folder).absolutePath())), m_options(options), m_suffixes(readableSuffixes())
{
}

FolderSource::~FolderSource() { stop(); }

QString FolderSource::describe() const
{
    return QStringLiteral("folder %1%2").arg(QDir::toNativeSeparators(m_folder),
                                             m_options.subfolders ? QStringLiteral(" (with subfolders)") : QString());
}

Status FolderSource::start()
{
    if (isRunning())
        return Ok{};
    const QFileInfo info(m_folder);
    if (!info.exists() || !info.isDir())
        return makeError(m_folder, QStringLiteral("no such folder to watch"));
    if (!info.isReadable())
        return makeError(m_folder, QStringLiteral("folder cannot be read"));
    m_clock.start();
    m_watcher = new QFileSystemWatcher();
    QObject::connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_watcher, [this](const QString &path) { scheduleScan(path); });
    QObject::connect(m_watcher, &QFileSystemWatcher::fileChanged, m_watcher, [this](const QString &path) { pollFile(path); });
    m_fallback = new QTimer();
    m_fallback->setInterval(int(m_options.fallbackMs));
    QObject::connect(m_fallback, &QTimer::timeout, m_fallback, [this] { rescan(); });
    m_fallback->start();
    m_scanTimer = new QTimer();
    m_scanTimer->setSingleShot(true);
    m_scanTimer->setInterval(0);
    QObject::connect(m_scanTimer, &QTimer::timeout, m_scanTimer, [this] {
        const QSet<QString> dirty = std::exchange(m_dirty, {});
        scanFolders(QStringList(dirty.begin(), dirty.end()));
        if (!m_watcher)
            return;
        // Files being written get a file watch; a notice of their folder also looks at them once more.
        for (const QString &path : QStringList(m_waiting.begin(), m_waiting.end()))
            if (dirty.contains(parentOf(path)))
                pollFile(path);
    });
    m_settle = new QTimer();
    m_settle->setSingleShot(true);
    QObject::connect(m_settle, &QTimer::timeout, m_settle, [this] {
        const qint64 now = nowMs();
        QStringList due;
        for (const auto &[path, when] : m_due)
            if (when <= now)
                due << path;
        for (const QString &path : due) {
            m_due.erase(path);
            pollFile(path);
        }
        armSettleTimer();
    });

    // The folders (watched) and the files already there: oldest first; delivered only when asked for, else
    // their current state is known so that only what changes later is delivered.
    QStringList pending{m_folder}, files;
    while (!pending.isEmpty()) {
        const QString folder = pending.takeFirst();
        const DirectoryListing listing = DirectoryListing::read(folder, m_suffixes, m_options.subfolders);
        Folder &known = m_dirs[folder];
        m_watcher->addPath(folder);  // without a native watcher the fallback rescan still finds new files
        for (const QByteArray &name : listing.files) {
            known.files.insert(name);
            files << childPath(folder, name);
        }
        for (const QByteArray &name : listing.folders) {
            known.folders.insert(name);
            pending << childPath(folder, name);
        }
    }
    std::vector<std::pair<QDateTime, QString>> byTime;
    for (const QString &path : files)
        byTime.emplace_back(QFileInfo(path).lastModified(), path);
    std::sort(byTime.begin(), byTime.end());
    for (const auto &[when, path] : byTime) {
        auto follower = std::make_unique<FileFollower>(path);
        if (!m_options.existing)
            follower->markSeen();
        m_files.emplace(path, std::move(follower));
    }
    if (m_options.existing)
        for (const auto &[when, path] : byTime)
            pollFile(path);
    return Ok{};
}

void FolderSource::stop()
{
    // Deleted later: stop() may be called from a callback inside one of these objects' signals.
    for (QObject *o : std::initializer_list<QObject *>{m_watcher, m_fallback, m_settle, m_scanTimer})
        if (o) {
            o->disconnect();
            o->deleteLater();
        }
    m_watcher = nullptr;
    m_fallback = m_settle = m_scanTimer = nullptr;
    m_due.clear();
    m_dirty.clear();
}

void FolderSource::scheduleScan(const QString &folder)
{
    // Coalesce a burst of notices into one listing per folder, after the events already queued.
    m_dirty.insert(folder);
    if (m_scanTimer && !m_scanTimer->isActive())
        m_scanTimer->start();
}

void FolderSource::scanFolders(const QStringList &folders)
{
    // First what went (from every folder), then what came: a file moved between folders is recognised.
    std::vector<std::unique_ptr<FileFollower>> gone;
    std::vector<std::pair<QString, Arrivals>> arrived;
    for (const QString &folder : folders)
        arrived.emplace_back(folder, diffFolder(folder, &gone));
    for (auto &[folder, news] : arrived) {
        addArrivals(folder, news, &gone);
        if (!m_watcher)  // a callback stopped the source
            return;
    }
}

FolderSource::Arrivals FolderSource::diffFolder(const QString &folder, std::vector<std::unique_ptr<FileFollower>> *gone)
{
    Arrivals news;
    const auto it = m_dirs.find(folder);
    if (!m_watcher || it == m_dirs.end())
        return news;
    // A folder that cannot be listed (removed, renamed away) has lost its files and subfolders.
    const DirectoryListing listing = DirectoryListing::read(folder, m_suffixes, m_options.subfolders);
    Folder &known = it->second;
    qsizetype stillThere = 0;
    for (const QByteArray &name : listing.files) {
        if (known.files.contains(name))
            ++stillThere;
        else
            news.files.push_back(name);
    }
    if (stillThere != known.files.size()) {  // some went: only then is a set of the listing built
        const QSet<QByteArray> present(listing.files.begin(), listing.files.end());
        for (auto name = known.files.begin(); name != known.files.end();) {
            if (present.contains(*name)) {
                ++name;
                continue;
            }
            const QString path = childPath(folder, *name);
            if (const auto f = m_files.find(path); f != m_files.end()) {
                gone->push_back(std::move(f->second));
                m_files.erase(f);
            }
            m_watcher->removePath(path);
            m_due.erase(path);
            m_waiting.remove(path);
            name = known.files.erase(name);
        }
    }
    const QSet<QByteArray> presentFolders(listing.folders.begin(), listing.folders.end());
    for (auto name = known.folders.begin(); name != known.folders.end();) {
        if (presentFolders.contains(*name)) {
            ++name;
            continue;
        }
        forgetFolder(childPath(folder, *name), gone);
        name = known.folders.erase(name);
    }
    for (const QByteArray &name : listing.folders)
        if (!known.folders.contains(name))
            news.folders.push_back(name);
    return news;
}

void FolderSource::addArrivals(const QString &folder, const Arrivals &news, std::vector<std::unique_ptr<FileFollower>> *gone)
{
    for (const QByteArray &name : news.files) {
        if (const auto it = m_dirs.find(folder); it != m_dirs.end())
            it->second.files.insert(name);
        addFile(childPath(folder, name), gone);
        if (!m_watcher)
            return;
    }
    for (const QByteArray &name : news.folders) {
        // A folder made (or moved in) while watching: everything in it is new.
        const QString sub = childPath(folder, name);
        if (const auto it = m_dirs.find(folder); it != m_dirs.end())
            it->second.folders.insert(name);
        m_dirs.emplace(sub, Folder());
        m_watcher->addPath(sub);
        addArrivals(sub, diffFolder(sub, gone), gone);
        if (!m_watcher)
            return;
    }
}

void FolderSource::forgetFolder(const QString &folder, std::vector<std::unique_ptr<FileFollower>> *gone)
{
    const QString prefix = folder + QLatin1Char('/');
    m_watcher->removePath(folder);
    m_dirs.erase(folder);
    for (auto it = m_dirs.lower_bound(prefix); it != m_dirs.end() && it->first.startsWith(prefix);) {
        m_watcher->removePath(it->first);
        it = m_dirs.erase(it);
    }
    for (auto it = m_files.lower_bound(prefix); it != m_files.end() && it->first.startsWith(prefix);) {
        m_watcher->removePath(it->first);
        m_due.erase(it->first);
        m_waiting.remove(it->first);
        gone->push_back(std::move(it->second));
        it = m_files.erase(it);
    }
}

void FolderSource::addFile(const QString &path, std::vector<std::unique_ptr<FileFollower>> *gone)
{
    // A new name with the signature of a gone, delivered file is that file renamed (or moved).
    std::unique_ptr<FileFollower> follower;
    const FileFollower::Signature sig = FileFollower::signatureOf(path);
    for (auto &old : *gone)
        if (old && old->delivered().isValid() && old->delivered() == sig) {
            follower = std::move(old);
            follower->rename(path);
            break;
        }
    if (!follower)
        follower = std::make_unique<FileFollower>(path);
    m_files.emplace(path, std::move(follower));
    pollFile(path);
}

void FolderSource::rescan()
{
    if (!m_watcher)
        return;
    // Folders whose watch was lost (the watched folder removed and made again) are watched again.
    const QStringList watched = m_watcher->directories();
    const QSet<QString> watchedSet(watched.begin(), watched.end());
    QStringList folders;
    for (const auto &[folder, known] : m_dirs) {
        folders << folder;
        if (!watchedSet.contains(folder) && QFileInfo(folder).isDir())
            m_watcher->addPath(folder);
    }
    scanFolders(folders);
    if (!m_watcher)
        return;
    QStringList toPoll(m_waiting.begin(), m_waiting.end());
    // A rotating slice of the other files: rewritten in place, or notices missed.
    auto it = m_files.upper_bound(m_sweep);
    for (int k = 0; k < m_options.rescanFiles && k < static_cast<int>(m_files.size()); ++k) {
        if (it == m_files.end())
            it = m_files.begin();
        toPoll << it->first;
        m_sweep = it->first;
        ++it;
    }
    toPoll.removeDuplicates();
    for (const QString &path : toPoll) {
        pollFile(path);
        if (!m_watcher)
            return;
    }
}

void FolderSource::pollFile(const QString &path)
{
    if (!m_watcher)
        return;
    const auto it = m_files.find(path);
    if (it == m_files.end()) {
        scheduleScan(parentOf(path));
        return;
    }
    handle(*it->second, it->second->poll(nowMs(), m_options.settleMs));
}

void FolderSource::handle(FileFollower &follower, FileFollower::Outcome outcome)
{
    using Kind = FileFollower::Outcome::Kind;
    const QString path = follower.path();
    if (outcome.kind != Kind::Wait)
        m_waiting.remove(path);
    switch (outcome.kind) {
    case Kind::Nothing:
        break;
    case Kind::Gone:
        scheduleScan(parentOf(path));
        break;
    case Kind::Wait:
        m_waiting.insert(path);
        // Watch the file itself while it is written (directory notices do not report growth). The last piece may
        // have been written before the watch was set: look once more right after setting it.
        if (!m_watcher->files().contains(path) && m_watcher->addPath(path)) {
            handle(follower, follower.poll(nowMs(), m_options.settleMs));
            return;
        }
        if (outcome.dueMs >= 0) {
            m_due[path] = outcome.dueMs;
            armSettleTimer();
        }
        break;
    case Kind::Failed:
        ++m_filesDone;
        report(outcome.error);
        break;
    case Kind::Read:
        ++m_filesDone;
        // Keep watching files that may grow by records; single spectra are rechecked by the rescan only.
        if (follower.records() <= 1 && !path.endsWith(QLatin1String(".n42"), Qt::CaseInsensitive)
            && !path.endsWith(QLatin1String(".xml"), Qt::CaseInsensitive)
            && !path.endsWith(QLatin1String(".rcspg"), Qt::CaseInsensitive))
            m_watcher->removePath(path);
        else if (!m_watcher->files().contains(path))
            m_watcher->addPath(path);
        for (const LiveSpectrum &s : outcome.spectra) {
            deliver(s);
            if (!m_watcher)  // a callback stopped the source
                return;
        }
        break;
    }
}

void FolderSource::armSettleTimer()
{
    if (!m_settle || m_due.empty())
        return;
    qint64 first = std::numeric_limits<qint64>::max();
    for (const auto &[path, when] : m_due)
        first = std::min(first, when);
    const qint64 wait = std::max<qint64>(0, first - nowMs());
    if (!m_settle->isActive() || m_settle->remainingTime() > wait)
        m_settle->start(int(wait));
}

} // namespace photopeak
