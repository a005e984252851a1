// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "library/BatchInputs.h"

#include <QFileInfo>

#include <algorithm>

namespace photopeak {

std::vector<BatchInput> BatchInputs::list(const QStringList &paths)
{
    std::vector<BatchInput> out;
    for (const QString &path : paths) {
        BatchInput in;
        in.path = path;
        in.isFolder = QFileInfo(path).isDir();
        if (in.isFolder) {
            auto listing = SpectrumDataset::listFolder(path);
            if (listing) {
                in.root = listing->root;
                in.files = listing->files;
                in.skipped = std::move(listing->skipped);
            } else {
                in.error = listing.error();
            }
        }
        out.push_back(std::move(in));
    }
    return out;
}

qsizetype BatchInputs::itemCount(const std::vector<BatchInput> &inputs)
{
    qsizetype n = 0;
    for (const BatchInput &in : inputs)
        n += in.itemCount();
    return n;
}

std::vector<BatchInput> BatchInputs::select(const std::vector<BatchInput> &inputs, const Shard &shard)
{
    if (shard.isWhole())
        return inputs;
    const auto [first, last] = shard.range(itemCount(inputs));
    std::vector<BatchInput> out;
    qsizetype item = 0;
    for (const BatchInput &in : inputs) {
        const qsizetype n = in.itemCount();
        const qsizetype from = std::max(first, item) - item, to = std::min(last, item + n) - item;
        item += n;
        if (from >= to)
            continue;
        BatchInput part = in;
        if (in.isFolder && !in.error) {
            const qsizetype files = in.files.size();
            part.files = in.files.mid(std::min(from, files), std::max<qsizetype>(0, std::min(to, files) - from));
            part.skipped.clear();
            for (qsizetype k = std::max(from, files); k < to; ++k)
                part.skipped.push_back(in.skipped[size_t(k - files)]);
        }
        out.push_back(std::move(part));
    }
    return out;
}

Result<SpectrumDataset> BatchInputs::open(const BatchInput &input, const JobControl *job)
{
    if (input.error)
        return *input.error;
    if (!input.isFolder)
        return SpectrumDataset::openFile(input.path);
    SpectrumDataset ds = SpectrumDataset::openFiles(input.root, input.files, job);
    if (!input.skipped.empty())
        ds.append(SpectrumDataset::fromEntries(input.root, input.skipped));
    return ds;
}

} // namespace photopeak
