#include "live/FolderSource.h"

#include "io/ReaderRegistry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QSet>
#include <QTimer>

#include <algorithm>
#ifdef Q_OS_UNIX
#include <dirent.h>
#endif
#include <initializer_list>
#include <limits>

namespace photopeak {

namespace {
QSet<QString> readableSuffixes()
{
    const QStringList list = ReaderRegistry::instance().readableSuffixes();
    return QSet<QString>(list.begin(), list.end());
}
} // namespace

FolderSource::FolderSource(QString folder) : FolderSource(std::move(folder), Options()) {}

FolderSource::FolderSource(QString folder, Options options)
    : m_folder(QDir(folder).absolutePath()), m_options(options), m_suffixes(readableSuffixes())
{
}

FolderSource::~FolderSource() { stop(); }

QString FolderSource::describe() const { return QStringLiteral("folder %1").arg(QDir::toNativeSeparators(m_folder)); }

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
    m_watcher->addPath(m_folder);  // without a native watcher the fallback rescan still finds new files
    QObject::connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_watcher, [this](const QString &) { scheduleScan(); });
    QObject::connect(m_watcher, &QFileSystemWatcher::fileChanged, m_watcher, [this](const QString &path) { pollFile(path); });
    m_fallback = new QTimer();
    m_fallback->setInterval(int(m_options.fallbackMs));
    QObject::connect(m_fallback, &QTimer::timeout, m_fallback, [this] { scan(true); });
    m_fallback->start();
    m_scanTimer = new QTimer();
    m_scanTimer->setSingleShot(true);
    m_scanTimer->setInterval(0);
    QObject::connect(m_scanTimer, &QTimer::timeout, m_scanTimer, [this] { scan(false); });
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

    // Files already there: oldest first; delivered only when asked for, else their current state is known.
    std::vector<std::pair<QDateTime, QString>> byTime;
    for (const QString &name : listFiles())
        byTime.emplace_back(QFileInfo(QDir(m_folder).filePath(name)).lastModified(), name);
    std::sort(byTime.begin(), byTime.end());
    QStringList files;
    for (const auto &[when, name] : byTime)
        files << name;
    for (const QString &name : files) {
        const QString path = QDir(m_folder).filePath(name);
        auto follower = std::make_unique<FileFollower>(path);
        if (!m_options.existing)
            follower->markSeen();
        m_files.emplace(path, std::move(follower));
    }
    if (m_options.existing)
        for (const QString &name : files)
            pollFile(QDir(m_folder).filePath(name));
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
}

QStringList FolderSource::listFiles() const
{
    // Called on every directory notice: suffixes compared by hand (name filters cost a pattern match per file
    // and pattern) and, on Unix, the entries read straight from the directory (no file information built).
    QStringList out;
    auto keep = [&](const QString &name) {
        const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
        if (dot > 0 && m_suffixes.contains(name.mid(dot + 1).toLower()))
            out << name;
    };
#ifdef Q_OS_UNIX
    if (DIR *dir = ::opendir(QFile::encodeName(m_folder).constData())) {
        while (const dirent *e = ::readdir(dir))
            if (e->d_name[0] != '.' && (e->d_type == DT_REG || e->d_type == DT_LNK || e->d_type == DT_UNKNOWN))
                keep(QFile::decodeName(e->d_name));
        ::closedir(dir);
        return out;
    }
#endif
    for (const QString &name : QDir(m_folder).entryList(QDir::Files, QDir::NoSort))
        keep(name);
    return out;
}

void FolderSource::scheduleScan()
{
    // Coalesce a burst of notices into one listing, after the events already queued.
    if (m_scanTimer && !m_scanTimer->isActive())
        m_scanTimer->start();
}

void FolderSource::scan(bool everyFile)
{
    if (!m_watcher)
        return;
    const QDir dir(m_folder);
    QSet<QString> present;
    for (const QString &name : listFiles())
        present.insert(dir.filePath(name));
    // Gone files; a new name with the signature of a gone, delivered file is that file renamed.
    std::vector<std::unique_ptr<FileFollower>> gone;
    for (auto it = m_files.begin(); it != m_files.end();) {
        if (!present.contains(it->first)) {
            m_watcher->removePath(it->first);
            m_due.erase(it->first);
            gone.push_back(std::move(it->second));
            it = m_files.erase(it);
        } else {
            ++it;
        }
    }
    QStringList toPoll;
    for (const QString &path : present) {
        if (m_files.count(path))
            continue;
        std::unique_ptr<FileFollower> follower;
        const FileFollower::Signature sig = FileFollower::signatureOf(path);
        for (auto &old : gone)
            if (old && old->delivered().isValid() && old->delivered() == sig) {
                follower = std::move(old);
                follower->rename(path);
                break;
            }
        if (!follower)
            follower = std::make_unique<FileFollower>(path);
        m_files.emplace(path, std::move(follower));
        toPoll << path;
    }
    // A directory notice means files came or went: look at those and at the ones being written. The slow rescan
    // also looks at every known file (rewritten in place, or missed notices).
    for (const auto &[path, follower] : m_files)
        if (everyFile || follower->waiting())
            toPoll << path;
    toPoll.removeDuplicates();
    for (const QString &path : toPoll)
        pollFile(path);
}

void FolderSource::pollFile(const QString &path)
{
    if (!m_watcher)
        return;
    const auto it = m_files.find(path);
    if (it == m_files.end()) {
        scheduleScan();
        return;
    }
    handle(*it->second, it->second->poll(nowMs(), m_options.settleMs));
}

void FolderSource::handle(FileFollower &follower, FileFollower::Outcome outcome)
{
    using Kind = FileFollower::Outcome::Kind;
    const QString path = follower.path();
    switch (outcome.kind) {
    case Kind::Nothing:
        break;
    case Kind::Gone:
        scheduleScan();
        break;
    case Kind::Wait:
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
            && !path.endsWith(QLatin1String(".xml"), Qt::CaseInsensitive))
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
