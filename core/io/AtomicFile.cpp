// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/AtomicFile.h"

#include "io/OutputLedger.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace photopeak {

namespace {
QString followLink(const QString &path)
{
    const QFileInfo info(path);
    return info.isSymLink() && info.exists() ? info.canonicalFilePath() : path;
}

Status commitFile(const QString &temporaryPath, const QString &path, const QString &kind, const QByteArray &sha256)
{
    // std::rename replaces the target atomically on POSIX; QFile::rename refuses to overwrite.
    if (std::rename(QFile::encodeName(temporaryPath).constData(), QFile::encodeName(path).constData()) != 0) {
        QFile::remove(temporaryPath);
        return makeError(path, QStringLiteral("cannot be saved (rename of the temporary file failed)"));
    }
    // The output is complete either way; without its ledger entry a later run treats it as foreign (--force).
    if (const Status recorded = OutputLedger::record(path, kind, sha256); !recorded)
        qWarning("%s", qPrintable(recorded.error().toString()));
    return Ok{};
}
} // namespace

Status writeFileAtomically(const QString &path, const QByteArray &bytes, const QString &kind)
{
    const QString target = followLink(path);
    const QString temporary = temporarySibling(target);
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return makeError(path, QStringLiteral("cannot be written: %1").arg(file.errorString()));
    bool ok = file.write(bytes) == bytes.size() && file.flush();
#ifdef Q_OS_UNIX
    ok = ok && ::fsync(file.handle()) == 0;
#endif
    const QString problem = file.errorString();
    if (ok && QFileInfo::exists(target))
        file.setPermissions(QFileInfo(target).permissions());
    file.close();
    if (!ok) {
        QFile::remove(temporary);
        return makeError(path, QStringLiteral("write failed: %1").arg(problem));
    }
    return commitFile(temporary, target, kind, QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString temporarySibling(const QString &path)
{
    const QFileInfo info(followLink(path));
    return info.absoluteDir().filePath(QStringLiteral(".%1.%2-%3.tmp")
                                           .arg(info.fileName())
                                           .arg(QCoreApplication::applicationPid())
                                           .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
}

Status commitTemporary(const QString &temporaryPath, const QString &path, const QString &kind)
{
    return commitFile(temporaryPath, followLink(path), kind, QByteArray());
}

AtomicFileStream::~AtomicFileStream()
{
    if (m_file.isOpen()) {
        m_file.close();
        m_file.remove();
    }
}

Status AtomicFileStream::open(const QString &path, const QString &kind)
{
    m_path = path;
    m_kind = kind;
    m_target = followLink(path);
    m_hash.reset();
    m_file.setFileName(temporarySibling(m_target));
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return makeError(path, QStringLiteral("cannot be written: %1").arg(m_file.errorString()));
    return Ok{};
}

Status AtomicFileStream::write(QByteArrayView bytes)
{
    if (!m_file.isOpen())
        return makeError(m_path, QStringLiteral("write failed: the output is not open"));
    if (m_file.write(bytes.data(), bytes.size()) != bytes.size())
        return makeError(m_path, QStringLiteral("write failed: %1").arg(m_file.errorString()));
    m_hash.addData(bytes);
    return Ok{};
}

Status AtomicFileStream::commit()
{
    if (!m_file.isOpen())
        return makeError(m_path, QStringLiteral("write failed: the output is not open"));
    bool ok = m_file.flush();
#ifdef Q_OS_UNIX
    ok = ok && ::fsync(m_file.handle()) == 0;
#endif
    const QString problem = m_file.errorString();
    if (ok && QFileInfo::exists(m_target))
        m_file.setPermissions(QFileInfo(m_target).permissions());
    const QString temporary = m_file.fileName();
    m_file.close();
    if (!ok) {
        QFile::remove(temporary);
        return makeError(m_path, QStringLiteral("write failed: %1").arg(problem));
    }
    return commitFile(temporary, m_target, m_kind, m_hash.result().toHex());
}

} // namespace photopeak
