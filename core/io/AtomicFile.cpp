#include "io/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>

#include <cstdio>

namespace photopeak {

Status writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(path, QStringLiteral("cannot be written: %1").arg(file.errorString()));
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        return makeError(path, QStringLiteral("write failed: %1").arg(file.errorString()));
    }
    if (!file.commit())
        return makeError(path, QStringLiteral("cannot be saved: %1").arg(file.errorString()));
    return Ok{};
}

QString temporarySibling(const QString &path)
{
    const QFileInfo info(path);
    return info.absoluteDir().filePath(QStringLiteral(".%1.%2.tmp")
                                           .arg(info.fileName())
                                           .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
}

Status commitTemporary(const QString &temporaryPath, const QString &path)
{
    // std::rename replaces the target atomically on POSIX; QFile::rename refuses to overwrite.
    if (std::rename(QFile::encodeName(temporaryPath).constData(), QFile::encodeName(path).constData()) != 0) {
        QFile::remove(temporaryPath);
        return makeError(path, QStringLiteral("cannot be saved (rename of the temporary file failed)"));
    }
    return Ok{};
}

} // namespace photopeak
