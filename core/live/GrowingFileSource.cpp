// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "live/GrowingFileSource.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

#include <initializer_list>

namespace photopeak {

GrowingFileSource::GrowingFileSource(QString path) : GrowingFileSource(std::move(path), Options()) {}

GrowingFileSource::GrowingFileSource(QString path, Options options)
    : m_follower(QFileInfo(path).absoluteFilePath()), m_options(options)
{
}

GrowingFileSource::~GrowingFileSource() { stop(); }

QString GrowingFileSource::describe() const
{
    return QStringLiteral("file %1").arg(QDir::toNativeSeparators(m_follower.path()));
}

Status GrowingFileSource::start()
{
    if (isRunning())
        return Ok{};
    const QFileInfo info(m_follower.path());
    if (!info.absoluteDir().exists())
        return makeError(m_follower.path(), QStringLiteral("the folder of the file to follow does not exist"));
    if (info.exists() && !info.isFile())
        return makeError(m_follower.path(), QStringLiteral("is not a file"));
    m_clock.start();
    if (!m_options.existing && info.exists())
        m_follower.markSeen();
    m_watcher = new QFileSystemWatcher();
    // The folder too: a file replaced by rename, or created later, loses or has no file watch.
    m_watcher->addPath(info.absolutePath());
    if (info.exists())
        m_watcher->addPath(m_follower.path());
    QObject::connect(m_watcher, &QFileSystemWatcher::fileChanged, m_watcher, [this](const QString &) { poll(); });
    QObject::connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_watcher, [this](const QString &) { poll(); });
    m_fallback = new QTimer();
    m_fallback->setInterval(int(m_options.fallbackMs));
    QObject::connect(m_fallback, &QTimer::timeout, m_fallback, [this] { poll(); });
    m_fallback->start();
    m_settle = new QTimer();
    m_settle->setSingleShot(true);
    QObject::connect(m_settle, &QTimer::timeout, m_settle, [this] { poll(); });
    poll();
    return Ok{};
}

void GrowingFileSource::stop()
{
    for (QObject *o : std::initializer_list<QObject *>{m_watcher, m_fallback, m_settle})
        if (o) {
            o->disconnect();
            o->deleteLater();
        }
    m_watcher = nullptr;
    m_fallback = m_settle = nullptr;
}

void GrowingFileSource::poll()
{
    if (!m_watcher)
        return;
    using Kind = FileFollower::Outcome::Kind;
    const FileFollower::Outcome out = m_follower.poll(m_clock.elapsed(), m_options.settleMs);
    if (out.kind != Kind::Gone) {
        m_reported = false;
        if (!m_watcher->files().contains(m_follower.path()))
            m_watcher->addPath(m_follower.path());
    }
    switch (out.kind) {
    case Kind::Nothing:
        break;
    case Kind::Gone:
        if (!m_reported)
            report(makeError(m_follower.path(), QStringLiteral("file is gone; waiting for it to come back")));
        m_reported = true;
        break;
    case Kind::Wait:
        if (out.dueMs >= 0)
            m_settle->start(int(std::max<qint64>(0, out.dueMs - m_clock.elapsed())));
        break;
    case Kind::Failed:
        report(out.error);
        break;
    case Kind::Read:
        for (const LiveSpectrum &s : out.spectra) {
            deliver(s);
            if (!m_watcher)
                return;
        }
        break;
    }
}

} // namespace photopeak
