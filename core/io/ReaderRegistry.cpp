// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/ReaderRegistry.h"

#include "io/BuiltinFormats.h"

#include <QFile>
#include <QFileInfo>

namespace photopeak {

ReaderRegistry::ReaderRegistry() = default;

const ReaderRegistry &ReaderRegistry::instance()
{
    static const ReaderRegistry registry = [] {
        ReaderRegistry r;
        registerBuiltinFormats(r);
        return r;
    }();
    return registry;
}

void ReaderRegistry::addReader(std::unique_ptr<SpectrumReader> reader) { m_readers.push_back(std::move(reader)); }
void ReaderRegistry::addWriter(std::unique_ptr<SpectrumWriter> writer) { m_writers.push_back(std::move(writer)); }

const SpectrumReader *ReaderRegistry::readerFor(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    const QByteArray head = file.read(4096);
    const qint64 size = file.size();
    const SpectrumReader *best = nullptr;
    int bestScore = 0;
    for (const auto &reader : m_readers) {
        const int score = reader->confidence(path, size, head);
        if (score > bestScore) {
            bestScore = score;
            best = reader.get();
        }
        if (bestScore >= 100)  // certain: asking the others (some parse text) only costs time
            break;
    }
    return best;
}

const SpectrumWriter *ReaderRegistry::writerFor(const QString &path) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    for (const auto &writer : m_writers)
        if (writer->fileSuffixes().contains(suffix))
            return writer.get();
    return nullptr;
}

Result<std::vector<Spectrum>> ReaderRegistry::read(const QString &path) const
{
    const QFileInfo info(path);
    if (!info.exists())
        return makeError(path, QStringLiteral("file does not exist"), unsigned(SpectrumProblem::Unreadable));
    if (info.isDir())
        return makeError(path, QStringLiteral("is a folder, not a file"), unsigned(SpectrumProblem::Unreadable));
    QFile probe(path);
    if (!probe.open(QIODevice::ReadOnly))
        return makeError(path, QStringLiteral("cannot be opened: %1").arg(probe.errorString()),
                         unsigned(SpectrumProblem::Unreadable));
    probe.close();
    const SpectrumReader *reader = readerFor(path);
    if (!reader)
        return makeError(path, QStringLiteral("unknown format: no reader understands this file (known: %1)")
                                   .arg(readableSuffixes().join(QStringLiteral(", "))),
                         unsigned(SpectrumProblem::UnknownFormat));
    return reader->read(path);
}

Status ReaderRegistry::write(const QString &path, const std::vector<Spectrum> &spectra) const
{
    const SpectrumWriter *writer = writerFor(path);
    if (!writer)
        return makeError(path, QStringLiteral("no writer for files ending in .%1 (writable: %2)")
                                   .arg(QFileInfo(path).suffix(), writableSuffixes().join(QStringLiteral(", "))));
    if (spectra.empty())
        return makeError(path, QStringLiteral("nothing to write: no spectra"));
    if (spectra.size() > 1 && !writer->holdsManySpectra())
        return makeError(path, QStringLiteral("%1 holds one spectrum per file but %2 were given")
                                   .arg(writer->formatName())
                                   .arg(spectra.size()));
    return writer->write(path, spectra);
}

Status ReaderRegistry::writeChunks(const QString &path, const SpectrumWriter::Chunks &chunks) const
{
    const SpectrumWriter *writer = writerFor(path);
    if (!writer || !writer->holdsManySpectra()) {
        // One spectrum per file: count first rather than gather a batch only to refuse it.
        size_t count = 0;
        chunks([&](const std::vector<Spectrum> &chunk) { count += chunk.size(); });
        if (writer && count > 1)
            return makeError(path, QStringLiteral("%1 holds one spectrum per file but %2 were given")
                                       .arg(writer->formatName())
                                       .arg(count));
        std::vector<Spectrum> all;
        chunks([&](const std::vector<Spectrum> &chunk) { all.insert(all.end(), chunk.begin(), chunk.end()); });
        return write(path, all);
    }
    return writer->writeChunks(path, chunks);
}

QStringList ReaderRegistry::readableSuffixes() const
{
    QStringList out;
    for (const auto &reader : m_readers)
        for (const QString &s : reader->fileSuffixes())
            if (!out.contains(s))
                out << s;
    return out;
}

QStringList ReaderRegistry::writableSuffixes() const
{
    QStringList out;
    for (const auto &writer : m_writers)
        for (const QString &s : writer->fileSuffixes())
            if (!out.contains(s))
                out << s;
    return out;
}

} // namespace photopeak
