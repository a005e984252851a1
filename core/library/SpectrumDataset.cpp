// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "library/SpectrumDataset.h"

#include "io/ReaderRegistry.h"
#include "spectrum/LabelParser.h"
#include "jobs/Parallel.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace photopeak {

namespace {
// Files that are never spectra (documentation, manifests, licences) are skipped without a flag.
bool isIgnoredFile(const QFileInfo &info)
{
    static const QSet<QString> ignored{QStringLiteral("md"),  QStringLiteral("txt"), QStringLiteral("tsv"),
                                       QStringLiteral("json"), QStringLiteral("jsonl"), QStringLiteral("py"),
                                       QStringLiteral("png"), QStringLiteral("pdf"), QStringLiteral("cal")};
    return info.fileName().startsWith(QLatin1Char('.')) || ignored.contains(info.suffix().toLower())
        || info.fileName().compare(QLatin1String("LICENSE"), Qt::CaseInsensitive) == 0;
}

std::vector<DatasetEntry> readOne(const QString &path, const QString &relative)
{
    std::vector<DatasetEntry> out;
    auto result = ReaderRegistry::instance().read(path);
    if (!result) {
        DatasetEntry e;
        e.spectrum.sourcePath = path;
        e.relativePath = relative;
        e.message = result.error().message;
        e.spectrum.problems = SpectrumProblems::fromBits(result.error().kind ? result.error().kind
                                                         : unsigned(SpectrumProblem::Unreadable));
        e.spectrum.labels = LabelParser::fromRelativePath(relative);
        out.push_back(std::move(e));
        return out;
    }
    const QStringList pathLabels = LabelParser::fromRelativePath(relative);
    out.reserve(result->size());
    for (Spectrum &s : *result) {
        DatasetEntry e;
        if (s.labels.isEmpty())
            s.labels = pathLabels;
        e.spectrum = std::move(s);
        e.relativePath = relative;
        out.push_back(std::move(e));
    }
    return out;
}

DatasetEntry skippedEntry(const QString &path, const QString &relative, const QString &why)
{
    DatasetEntry e;
    e.spectrum.sourcePath = path;
    e.relativePath = relative;
    e.message = why;
    e.spectrum.problems = SpectrumProblems::fromBits(unsigned(SpectrumProblem::Unreadable));
    return e;
}
} // namespace

Result<FolderListing> SpectrumDataset::listFolder(const QString &folder)
{
    const QFileInfo rootInfo(folder);
    if (!rootInfo.exists())
        return makeError(folder, QStringLiteral("folder does not exist"));
    if (!rootInfo.isDir())
        return makeError(folder, QStringLiteral("is a file, not a folder"));
    FolderListing listing;
    const QDir root(rootInfo.absoluteFilePath());
    listing.root = root.absolutePath();
    QHash<QString, QString> visited;  // canonical folder -> the path it was first walked through
    QStringList pending{listing.root};
    visited.insert(rootInfo.canonicalFilePath(), listing.root);
    while (!pending.isEmpty()) {
        const QString dirPath = pending.takeLast();
        const QDir dir(dirPath);
        if (!QFileInfo(dirPath).isReadable() || !QFileInfo(dirPath).isExecutable()) {
            listing.skipped.push_back(skippedEntry(dirPath, root.relativeFilePath(dirPath),
                                                   QStringLiteral("folder skipped: permission denied")));
            continue;
        }
        const QFileInfoList children =
            dir.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo &child : children) {
            const QString path = child.absoluteFilePath();
            const QString relative = root.relativeFilePath(path);
            if (child.isSymLink() && !child.exists()) {
                listing.skipped.push_back(skippedEntry(path, relative,
                    QStringLiteral("skipped: broken symbolic link to %1").arg(child.symLinkTarget())));
                continue;
            }
            if (child.isDir()) {
                const QString canonical = child.canonicalFilePath();
                if (const auto seen = visited.constFind(canonical); seen != visited.cend()) {
                    listing.skipped.push_back(skippedEntry(path, relative,
                        QStringLiteral("folder skipped: it is %1, already scanned (symbolic link loop or second link)")
                            .arg(root.relativeFilePath(*seen).isEmpty() || *seen == listing.root ? QStringLiteral("the scanned folder")
                                                                                               : root.relativeFilePath(*seen))));
                    continue;
                }
                visited.insert(canonical, path);
                pending << path;
                continue;
            }
            if (!child.isFile()) {
                listing.skipped.push_back(skippedEntry(path, relative, QStringLiteral("skipped: not a regular file")));
                continue;
            }
            if (!isIgnoredFile(child))
                listing.files << path;
        }
    }
    std::sort(listing.files.begin(), listing.files.end());
    return listing;
}

SpectrumDataset SpectrumDataset::openFiles(const QString &root, const QStringList &files, const JobControl *job)
{
    const QDir rootDir(root);
    std::vector<std::vector<DatasetEntry>> perFile(static_cast<size_t>(files.size()));
    Parallel::forEach(
        files.size(),
        [&](qsizetype i) { perFile[static_cast<size_t>(i)] = readOne(files[i], rootDir.relativeFilePath(files[i])); },
        job, QStringLiteral("Reading spectra"));
    SpectrumDataset ds;
    ds.m_root = rootDir.absolutePath();
    ds.m_cancelled = JobControl::cancelled(job);
    for (auto &entries : perFile)
        for (auto &e : entries)
            ds.m_entries.push_back(std::move(e));
    return ds;
}

Result<SpectrumDataset> SpectrumDataset::openFolder(const QString &folder, const JobControl *job)
{
    auto listing = listFolder(folder);
    if (!listing)
        return listing.error();
    SpectrumDataset ds = openFiles(listing->root, listing->files, job);
    for (DatasetEntry &e : listing->skipped)
        ds.m_entries.push_back(std::move(e));
    return ds;
}

SpectrumDataset SpectrumDataset::fromEntries(const QString &root, std::vector<DatasetEntry> entries)
{
    SpectrumDataset ds;
    ds.m_root = root;
    ds.m_entries = std::move(entries);
    return ds;
}

SpectrumDataset SpectrumDataset::openFile(const QString &file)
{
    const QFileInfo info(file);
    SpectrumDataset ds;
    ds.m_root = info.absolutePath();
    // Labels from the whole path: a single file opened from srcs/Cs137/... is labelled by its folders.
    ds.m_entries = readOne(info.absoluteFilePath(), info.absoluteFilePath());
    return ds;
}

void SpectrumDataset::append(SpectrumDataset other)
{
    if (m_root.isEmpty())
        m_root = other.m_root;
    for (auto &e : other.m_entries)
        m_entries.push_back(std::move(e));
}

QMap<QString, int> SpectrumDataset::labelSetCounts() const
{
    QMap<QString, int> counts;
    for (const auto &e : m_entries)
        if (e.isUsable())
            ++counts[e.spectrum.labelKey()];
    return counts;
}

std::vector<const DatasetEntry *> SpectrumDataset::problemEntries() const
{
    std::vector<const DatasetEntry *> out;
    for (const auto &e : m_entries) {
        // A format without live time (GAMMA_FLOW tables) is a property of the whole file, not a problem.
        SpectrumProblems p = e.spectrum.problems;
        p.remove(SpectrumProblem::NoLiveTime);
        if (!e.isReadable() || !p.none())
            out.push_back(&e);
    }
    return out;
}

int SpectrumDataset::fileCount() const
{
    QSet<QString> paths;
    for (const auto &e : m_entries)
        paths.insert(e.spectrum.sourcePath);
    return static_cast<int>(paths.size());
}

} // namespace photopeak
