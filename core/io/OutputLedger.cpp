// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/OutputLedger.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>

namespace photopeak {

namespace {
constexpr qint64 kMaxLedgerBytes = 64 * 1024 * 1024;
const QLatin1String kFormat("photopeak-output-ledger");

// The folder's canonical path and the file name: the same ledger entry whichever way the path was spelled.
std::pair<QString, QString> locate(const QString &file)
{
    const QFileInfo info(file);
    QFileInfo target = info;
    if (info.isSymLink() && info.exists())
        target = QFileInfo(info.canonicalFilePath());
    const QString dir = target.absoluteDir().canonicalPath();
    return {dir.isEmpty() ? target.absolutePath() : dir, target.fileName()};
}

QJsonObject readLedger(const QString &path)
{
    QFile f(path);
    if (f.size() > kMaxLedgerBytes || !f.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    return root.value(QLatin1String("format")).toString() == kFormat ? root.value(QLatin1String("files")).toObject()
                                                                    : QJsonObject();
}
} // namespace

QString OutputLedger::ledgerPath(const QString &file)
{
    return locate(file).first + QLatin1Char('/') + fileName();
}

QByteArray OutputLedger::sha256OfFile(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    if (!h.addData(&f))
        return {};
    return h.result().toHex();
}

Status OutputLedger::record(const QString &file, const QString &kind, QByteArray sha256)
{
    const auto [dir, name] = locate(file);
    const QString path = dir + QLatin1Char('/') + fileName();
    if (sha256.isEmpty())
        sha256 = sha256OfFile(dir + QLatin1Char('/') + name);
    if (sha256.isEmpty())
        return makeError(file, QStringLiteral("cannot be read back to record it as Photopeak's output"));
    QLockFile lock(path + QStringLiteral(".lock"));
    lock.setStaleLockTime(30000);
    if (!lock.tryLock(10000))
        return makeError(path, QStringLiteral("output ledger is locked by another process"));
    QJsonObject files = readLedger(path);
    for (auto it = files.begin(); it != files.end();)
        it = QFileInfo::exists(dir + QLatin1Char('/') + it.key()) ? std::next(it) : files.erase(it);
    files.insert(name, QJsonObject{{QStringLiteral("kind"), kind},
                                   {QStringLiteral("size"), QFileInfo(dir + QLatin1Char('/') + name).size()},
                                   {QStringLiteral("sha256"), QString::fromLatin1(sha256)},
                                   {QStringLiteral("written"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}});
    const QJsonObject root{{QStringLiteral("format"), kFormat},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("note"), QStringLiteral("Files Photopeak wrote in this folder; it replaces only "
                                                                   "these (unchanged) without --force.")},
                           {QStringLiteral("files"), files}};
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0
        || !out.commit())
        return makeError(path, QStringLiteral("output ledger cannot be written: %1").arg(out.errorString()));
    return Ok{};
}

QString OutputLedger::recordedKind(const QString &file)
{
    const auto [dir, name] = locate(file);
    const QJsonObject entry = readLedger(dir + QLatin1Char('/') + fileName()).value(name).toObject();
    if (entry.isEmpty())
        return {};
    const QString full = dir + QLatin1Char('/') + name;
    if (QFileInfo(full).size() != entry.value(QLatin1String("size")).toInteger(-1))
        return {};
    if (sha256OfFile(full) != entry.value(QLatin1String("sha256")).toString().toLatin1())
        return {};
    return entry.value(QLatin1String("kind")).toString();
}

} // namespace photopeak
