// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "jobs/JobControl.h"
#include "jobs/Shard.h"
#include "library/SpectrumDataset.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace photopeak {

// One input of a spectrum batch (classify, report, convert) as the user named it, with what of it a run reads.
struct BatchInput {
    QString path;        // as given on the command line
    bool isFolder = false;
    // Folders: SpectrumDataset::listFolder's files (a shard: a block of them), then its skipped entries
    // (unreadable folders, broken links), which openFolder puts after the files.
    QString root;
    QStringList files;
    std::vector<DatasetEntry> skipped;
    std::optional<Error> error;  // a folder that cannot be listed: one item, its error

    qsizetype itemCount() const { return !isFolder || error ? 1 : files.size() + qsizetype(skipped.size()); }
};

// The inputs of a spectrum batch in the one stable order every run uses: inputs as given, each folder's files
// sorted by path (then its skipped entries), a file (or a path that does not exist, which then gives its error
// row) as one item. A shard takes its block of that order (Shard), so shard outputs concatenated in shard order
// are the single run's.
class BatchInputs {
public:
    static std::vector<BatchInput> list(const QStringList &paths);
    // The inputs keeping only the items of `shard`; inputs left with no item are dropped.
    static std::vector<BatchInput> select(const std::vector<BatchInput> &inputs, const Shard &shard);
    static qsizetype itemCount(const std::vector<BatchInput> &inputs);
    // Opens one input as SpectrumDataset::openFolder / openFile would (a shard: only its part).
    static Result<SpectrumDataset> open(const BatchInput &input, const JobControl *job = nullptr);
};

} // namespace photopeak
