// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "library/DatasetChunks.h"

#include <QFileInfo>

#include <algorithm>

namespace photopeak {

bool DatasetChunks::forEach(const QStringList &inputs, const Take &take, const JobControl *job, int filesPerChunk)
{
    return forEach(BatchInputs::list(inputs), take, job, filesPerChunk);
}

bool DatasetChunks::forEach(const std::vector<BatchInput> &inputs, const Take &take, const JobControl *job, int filesPerChunk)
{
    const int chunkSize = std::max(1, filesPerChunk);
    for (const BatchInput &input : inputs) {
        if (JobControl::cancelled(job))
            return false;
        if (!input.isFolder) {
            take(input.path, false, SpectrumDataset::openFile(input.path));
            continue;
        }
        if (input.error) {
            take(input.path, true, *input.error);
            continue;
        }
        for (qsizetype first = 0; first < input.files.size(); first += chunkSize) {
            if (JobControl::cancelled(job))
                return false;
            take(input.path, true, SpectrumDataset::openFiles(input.root, input.files.mid(first, chunkSize), job));
        }
        if (!input.skipped.empty())
            take(input.path, true, SpectrumDataset::fromEntries(input.root, input.skipped));
    }
    return !JobControl::cancelled(job);
}

} // namespace photopeak
