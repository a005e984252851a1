// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "jobs/JobControl.h"
#include "library/DatasetEntry.h"
#include "util/Result.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

// The files of a folder tree that may be spectra, and every entry that was skipped with its reason.
struct FolderListing {
    QString root;                 // absolute
    QStringList files;            // absolute paths, sorted by relative path
    std::vector<DatasetEntry> skipped;  // unreadable folders, broken links, link loops (message says why)
};

// A labelled collection of spectra opened from a folder (recursively) or from single files.
class SpectrumDataset {
public:
    // Walks `folder` recursively, following symbolic links to files and folders; a folder reached again
    // (a link loop or a second link to it) is listed as skipped, never walked twice. Files that are never
    // spectra (documentation, manifests, hidden files) are left out silently; unreadable files stay listed
    // so that reading reports them.
    static Result<FolderListing> listFolder(const QString &folder);
    // Reads `files` (absolute, below `root`) in parallel; entries in the order given.
    static SpectrumDataset openFiles(const QString &root, const QStringList &files, const JobControl *job = nullptr);
    // Reads every file below `folder` whose suffix a reader claims (plus files no reader claims, which
    // are listed as unknown format). Labels: from the file (HDF5 label datasets) or else from folder names.
    // Files are read in parallel; the order is the sorted relative path. Never modifies any file.
    static Result<SpectrumDataset> openFolder(const QString &folder, const JobControl *job = nullptr);
    // Entries already made (e.g. FolderListing::skipped), below `root`.
    static SpectrumDataset fromEntries(const QString &root, std::vector<DatasetEntry> entries);
    // One file (which may hold many spectra). Unreadable files give an entry with the message.
    static SpectrumDataset openFile(const QString &file);

    const QString &rootPath() const { return m_root; }
    const std::vector<DatasetEntry> &entries() const { return m_entries; }
    std::vector<DatasetEntry> &entries() { return m_entries; }
    int size() const { return static_cast<int>(m_entries.size()); }
    bool wasCancelled() const { return m_cancelled; }

    void append(SpectrumDataset other);
    // Number of entries per label set key ("Co60+Cs137", "background", "" for unlabelled); usable only.
    QMap<QString, int> labelSetCounts() const;
    // Entries with any flag (unreadable, all-zero, slope 0, distance 0, ...) except a format without live time.
    std::vector<const DatasetEntry *> problemEntries() const;
    int fileCount() const;

private:
    QString m_root;
    std::vector<DatasetEntry> m_entries;
    bool m_cancelled = false;
};

} // namespace photopeak
