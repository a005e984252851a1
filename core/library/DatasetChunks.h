// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "jobs/JobControl.h"
#include "library/BatchInputs.h"
#include "library/SpectrumDataset.h"
#include "util/Result.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace photopeak {

// Files and folders given to a batch command, opened a chunk of files at a time so that a batch of any size
// needs memory for one chunk (read, analyse, write, release). A folder is listed first (SpectrumDataset::
// listFolder; its entries skipped with a reason come as a last chunk of unreadable entries); each chunk is a
// SpectrumDataset whose root is the folder, so labels and names are those of SpectrumDataset::openFolder.
// A multi-spectrum file (HDF5 table) is one chunk, bounded by the reader's limits.
class DatasetChunks {
public:
    static constexpr int FilesPerChunk = 1024;
    // `take(input, isDirectory, chunk)`: chunk is an error only when the input itself cannot be opened (a folder
    // that does not exist). Inputs are visited in the order given. Returns false if `job` was cancelled.
    using Take = std::function<void(const QString &input, bool isDirectory, Result<SpectrumDataset> &&chunk)>;
    static bool forEach(const QStringList &inputs, const Take &take, const JobControl *job = nullptr,
                        int filesPerChunk = FilesPerChunk);
    // The same over listed inputs, e.g. the part of a shard: BatchInputs::select(BatchInputs::list(paths), shard).
    static bool forEach(const std::vector<BatchInput> &inputs, const Take &take, const JobControl *job = nullptr,
                        int filesPerChunk = FilesPerChunk);
};

} // namespace photopeak
