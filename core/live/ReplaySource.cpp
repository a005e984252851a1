// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "live/ReplaySource.h"

#include "io/ReaderRegistry.h"
#include "live/FolderSource.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace photopeak {

namespace {
struct ReplayFile {
    QString path;
    QDateTime start;
    double duration = 1.0;
};

ReplayFile describeFile(const QString &path)
{
    ReplayFile f{path, QFileInfo(path).lastModified(), 1.0};
    auto spectra = ReaderRegistry::instance().read(path);
    if (spectra && !spectra->empty()) {
        const Spectrum &s = spectra->front();
        if (s.startTime.isValid())
            f.start = s.startTime;
        const double d = s.realTime > 0.0 ? s.realTime : s.liveTime;
        if (std::isfinite(d) && d > 0.0)
            f.duration = d;
    }
    return f;
}

std::vector<ReplayFile> orderedFiles(const QStringList &inputs, QString *problem)
{
    const QStringList suffixes = ReaderRegistry::instance().readableSuffixes();
    std::vector<ReplayFile> out;
    for (const QString &input : inputs) {
        const QFileInfo info(input);
        if (info.isFile()) {
            out.push_back(describeFile(info.absoluteFilePath()));
            continue;
        }
        if (!info.isDir()) {
            *problem = QStringLiteral("%1: no such file or folder to replay").arg(input);
            return {};
        }
        std::vector<ReplayFile> files;
        QDirIterator it(info.absoluteFilePath(), QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (suffixes.contains(QFileInfo(path).suffix().toLower()))
                files.push_back(describeFile(path));
        }
        if (files.empty()) {
            *problem = QStringLiteral("%1: no spectrum files to replay").arg(input);
            return {};
        }
        std::stable_sort(files.begin(), files.end(), [](const ReplayFile &a, const ReplayFile &b) {
            return a.start != b.start ? a.start < b.start : a.path < b.path;
        });
        out.insert(out.end(), files.begin(), files.end());
    }
    return out;
}
} // namespace

ReplaySource::ReplaySource(QStringList inputs, Options options) : m_inputs(std::move(inputs)), m_options(std::move(options)) {}

ReplaySource::~ReplaySource() { stop(); }

QString ReplaySource::describe() const
{
    return QStringLiteral("replay of %1 at %2x%3").arg(m_inputs.join(QStringLiteral(", "))).arg(m_options.speed)
        .arg(m_options.targetFolder.isEmpty() ? QString() : QStringLiteral(" into %1").arg(m_options.targetFolder));
}

Result<QStringList> ReplaySource::collect(const QStringList &inputs)
{
    QString problem;
    const std::vector<ReplayFile> files = orderedFiles(inputs, &problem);
    if (!problem.isEmpty())
        return makeError(QStringLiteral("replay"), problem);
    QStringList out;
    for (const ReplayFile &f : files)
        out << f.path;
    return out;
}

Status ReplaySource::start()
{
    if (isRunning())
        return Ok{};
    if (!(m_options.speed > 0.0) || !std::isfinite(m_options.speed))
        return makeError(QStringLiteral("replay"), QStringLiteral("the speed must be a positive number"));
    if (m_inputs.isEmpty())
        return makeError(QStringLiteral("replay"), QStringLiteral("nothing to replay"));
    QString problem;
    const std::vector<ReplayFile> files = orderedFiles(m_inputs, &problem);
    if (!problem.isEmpty())
        return makeError(QStringLiteral("replay"), problem);
    m_files.clear();
    m_durations.clear();
    for (const ReplayFile &f : files) {
        m_files << f.path;
        m_durations.push_back(f.duration);
    }
    if (!m_options.targetFolder.isEmpty()) {
        const QString target = QDir(m_options.targetFolder).absolutePath();
        for (const QString &input : m_inputs) {
            const QFileInfo info(input);
            const QString root = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
            if (target == root || target.startsWith(root + QLatin1Char('/')))
                return makeError(target, QStringLiteral("the replay would write into the folder it replays from (%1)").arg(root));
        }
        if (!QDir().mkpath(target))
            return makeError(target, QStringLiteral("target folder cannot be created"));
        FolderSource::Options fo;
        fo.settleMs = m_options.settleMs;
        m_watcher = std::make_unique<FolderSource>(target, fo);
        Callbacks forward;
        forward.spectrum = [this](const LiveSpectrum &s) {
            deliver(s);
            checkFinished();
        };
        forward.problem = [this](const Error &e) {
            report(e);
            checkFinished();
        };
        m_watcher->setCallbacks(forward);
        if (const Status st = m_watcher->start(); !st)
            return st;
    }
    m_next = 0;
    m_allWritten = false;
    m_timer = new QTimer();
    m_timer->setSingleShot(true);
    QObject::connect(m_timer, &QTimer::timeout, m_timer, [this] { step(); });
    m_timer->start(delayMsFor(0));
    return Ok{};
}

void ReplaySource::stop()
{
    for (QObject *o : std::initializer_list<QObject *>{m_timer, m_grace})
        if (o) {
            o->disconnect();
            o->deleteLater();
        }
    m_timer = m_grace = nullptr;
    if (m_watcher)
        m_watcher->stop();
    m_out.reset();  // a partly written copy stays as it is (never deleted)
}

int ReplaySource::delayMsFor(int index) const
{
    const double s = m_options.intervalS > 0.0 ? m_options.intervalS : m_durations[size_t(index)];
    return int(std::clamp(1000.0 * s / m_options.speed, 0.0, 3.6e6));
}

QString ReplaySource::targetNameFor(const QString &source) const
{
    const QFileInfo info(source);
    const QDir target(m_options.targetFolder);
    QString name = info.fileName();
    for (int n = 2; QFileInfo::exists(target.filePath(name)); ++n)
        name = QStringLiteral("%1-%2.%3").arg(info.completeBaseName()).arg(n).arg(info.suffix());
    return target.filePath(name);
}

void ReplaySource::step()
{
    if (!m_timer)
        return;
    if (m_out) {
        writeChunk();
        return;
    }
    startFile();
}

void ReplaySource::startFile()
{
    const QString source = m_files[m_next];
    ++m_next;
    if (m_options.targetFolder.isEmpty()) {
        auto spectra = ReaderRegistry::instance().read(source);
        if (!spectra) {
            report(spectra.error());
        } else {
            const auto now = std::chrono::steady_clock::now();
            for (int i = 0; i < int(spectra->size()); ++i) {
                LiveSpectrum s;
                s.spectrum = std::move((*spectra)[size_t(i)]);
                s.path = source;
                s.record = i;
                s.completeAt = now;
                deliver(s);
                if (!m_timer)
                    return;
            }
        }
        if (m_next < int(m_files.size())) {
            m_timer->start(delayMsFor(m_next));
        } else {
            stop();
            finish();
        }
        return;
    }
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly)) {
        report(makeError(source, QStringLiteral("cannot be read for the replay: %1").arg(in.errorString())));
    } else {
        m_bytes = in.readAll();
        m_out = std::make_unique<QFile>(targetNameFor(source));
        if (!m_out->open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            report(makeError(m_out->fileName(), QStringLiteral("replay copy cannot be written: %1").arg(m_out->errorString())));
            m_out.reset();
        } else {
            m_chunk = 0;
            writeChunk();
            return;
        }
    }
    if (m_next < int(m_files.size()))
        m_timer->start(delayMsFor(m_next));
}

void ReplaySource::writeChunk()
{
    const int chunks = std::max(1, m_options.chunks);
    const qsizetype size = m_bytes.size();
    const qsizetype from = size * m_chunk / chunks, to = size * (m_chunk + 1) / chunks;
    m_out->write(m_bytes.constData() + from, to - from);
    m_out->flush();
    ++m_chunk;
    if (m_chunk < chunks) {
        m_timer->start(m_options.chunkGapMs);
        return;
    }
    const QString written = m_out->fileName();
    m_out->close();
    m_out.reset();
    if (m_written)
        m_written(written, std::chrono::steady_clock::now());
    if (!m_timer)
        return;
    if (m_next < int(m_files.size())) {
        // The next file's interval counts from the end of this one's writing.
        m_timer->start(std::max(0, delayMsFor(m_next) - (chunks - 1) * m_options.chunkGapMs));
        return;
    }
    m_allWritten = true;
    // The last copies may still be settling: finish when the watcher has them all, or after a grace time.
    m_grace = new QTimer();
    m_grace->setSingleShot(true);
    QObject::connect(m_grace, &QTimer::timeout, m_grace, [this] {
        stop();
        finish();
    });
    m_grace->start(int(m_options.settleMs) + 3000);
    checkFinished();
}

void ReplaySource::checkFinished()
{
    if (!m_allWritten || !m_watcher || !m_timer)
        return;
    if (m_watcher->filesDone() >= int(m_files.size())) {
        stop();
        finish();
    }
}

} // namespace photopeak
