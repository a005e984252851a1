// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/OutputGuard.h"

#include "io/AtomicFile.h"
#include "io/OutputLedger.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

namespace photopeak {

namespace {
bool processAlive(qint64 pid)
{
#ifdef Q_OS_UNIX
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
#else
    Q_UNUSED(pid);
    return true;
#endif
}

QString describeKind(const QString &kind)
{
    if (kind.startsWith(QLatin1String("model:")))
        return QStringLiteral("%1 model").arg(kind.mid(6));
    if (kind == QLatin1String("table"))
        return QStringLiteral("CSV table");
    if (kind == QLatin1String("report"))
        return QStringLiteral("JSON report");
    if (kind == QLatin1String("image"))
        return QStringLiteral("PNG report");
    if (kind == QLatin1String("efficiency"))
        return QStringLiteral("efficiency curve");
    return kind;
}
} // namespace

OutputGuard::OutputGuard(const QStringList &inputs, bool force) : m_force(force)
{
    addInputs(inputs);
}

void OutputGuard::addInput(const QString &path)
{
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    if (!info.exists())
        return;
    if (info.isDir())
        m_inputFolders << info.canonicalFilePath();
    else
        m_inputFiles << info.canonicalFilePath();
}

void OutputGuard::addInputs(const QStringList &paths)
{
    for (const QString &p : paths)
        addInput(p);
}

QString OutputGuard::canonicalPath(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists())
        return info.canonicalFilePath();
    // A dangling link: the file it names would be written.
    if (info.isSymLink())
        return canonicalPath(info.symLinkTarget());
    const QString dir = info.absoluteDir().canonicalPath();
    return dir.isEmpty() ? info.absoluteFilePath() : dir + QLatin1Char('/') + info.fileName();
}

bool OutputGuard::isInput(const QString &output) const
{
    const QString c = canonicalPath(output);
    if (m_inputFiles.contains(c))
        return true;
    if (!QFileInfo::exists(c))
        return false;
    for (const QString &folder : m_inputFolders)
        if (c.startsWith(folder + QLatin1Char('/')) || folder == QLatin1String("/"))
            return true;
    return false;
}

Status OutputGuard::check(const QString &output, const QString &kind) const
{
    if (output.isEmpty())
        return Ok{};
    const QString c = canonicalPath(output);
    if (m_inputFiles.contains(c))
        return makeError(output, QStringLiteral("is an input of this run; refusing to overwrite it (write the output elsewhere)"));
    const QFileInfo info(c);
    if (info.isDir())
        return makeError(output, QStringLiteral("is a folder; give a file name for the output"));
    if (!info.exists())
        return Ok{};
    for (const QString &folder : m_inputFolders)
        if (c.startsWith(folder + QLatin1Char('/')) || folder == QLatin1String("/"))
            return makeError(output, QStringLiteral("lies inside the input folder %1, which this run reads; refusing to "
                                                    "overwrite it (write the output elsewhere)").arg(folder));
    if (m_force)
        return Ok{};
    const QString recorded = OutputLedger::recordedKind(c);
    if (recorded.isEmpty())
        return makeError(output, QStringLiteral("exists and was not written by Photopeak (or was changed since); refusing "
                                                "to replace it"), Overridable);
    // A writer that names no kind (OutputKind::other) may replace any output Photopeak wrote.
    if (recorded != kind && kind != OutputKind::other())
        return makeError(output, QStringLiteral("is a %1 written by Photopeak, not a %2; refusing to replace it")
                                     .arg(describeKind(recorded), describeKind(kind)), Overridable);
    return Ok{};
}

Status OutputGuard::check(const std::vector<std::pair<QString, QString>> &outputsAndKinds) const
{
    QStringList seen;
    for (const auto &[output, kind] : outputsAndKinds) {
        if (output.isEmpty())
            continue;
        if (const Status st = check(output, kind); !st)
            return st;
        const QString c = canonicalPath(output);
        if (seen.contains(c))
            return makeError(output, QStringLiteral("is named for two outputs of this run"));
        seen << c;
    }
    return Ok{};
}

QStringList OutputGuard::removeStaleTemporaries(const QString &output)
{
    QFileInfo info(output);
    if (info.isSymLink() && info.exists())
        info = QFileInfo(info.canonicalFilePath());
    const QDir dir = info.absoluteDir();
    const QRegularExpression pattern(QStringLiteral("^\\.%1\\.(?:(\\d+)-)?[0-9a-f]{8}\\.tmp$")
                                         .arg(QRegularExpression::escape(info.fileName())));
    QStringList removed;
    const QString prefix = QLatin1Char('.') + info.fileName() + QLatin1Char('.');
    for (const QFileInfo &t : dir.entryInfoList({prefix + QStringLiteral("*.tmp")}, QDir::Files | QDir::Hidden | QDir::System)) {
        const QRegularExpressionMatch m = pattern.match(t.fileName());
        if (!m.hasMatch())
            continue;
        const bool stale = m.captured(1).isEmpty()
                               ? t.lastModified().secsTo(QDateTime::currentDateTime()) > 3600
                               : !processAlive(m.captured(1).toLongLong());
        if (stale && QFile::remove(t.absoluteFilePath()))
            removed << t.absoluteFilePath();
    }
    return removed;
}

} // namespace photopeak
