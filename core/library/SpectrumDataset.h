#pragma once

#include "jobs/JobControl.h"
#include "library/DatasetEntry.h"
#include "util/Result.h"

#include <QMap>
#include <QString>

#include <vector>

namespace photopeak {

// A labelled collection of spectra opened from a folder (recursively) or from single files.
class SpectrumDataset {
public:
    // Reads every file below `folder` whose suffix a reader claims (plus files no reader claims, which
    // are listed as unknown format). Labels: from the file (HDF5 label datasets) or else from folder names.
    // Files are read in parallel; the order is the sorted relative path. Never modifies any file.
    static Result<SpectrumDataset> openFolder(const QString &folder, const JobControl *job = nullptr);
    // The files openFolder reads, absolute paths in its order (sorted); empty for a missing folder.
    static QStringList listFolder(const QString &folder);
    // Some files of `folder` (from listFolder), read like openFolder reads them: relative paths and labels
    // from `folder`. A shard of a batch opens its part of a folder this way.
    static SpectrumDataset openFiles(const QString &folder, const QStringList &files, const JobControl *job = nullptr);
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
