#include "library/DatasetChunks.h"

#include <QFileInfo>

#include <algorithm>

namespace photopeak {

bool DatasetChunks::forEach(const QStringList &inputs, const Take &take, const JobControl *job, int filesPerChunk)
{
    const int chunkSize = std::max(1, filesPerChunk);
    for (const QString &input : inputs) {
        if (JobControl::cancelled(job))
            return false;
        if (!QFileInfo(input).isDir()) {
            take(input, false, SpectrumDataset::openFile(input));
            continue;
        }
        auto listing = SpectrumDataset::listFolder(input);
        if (!listing) {
            take(input, true, listing.error());
            continue;
        }
        for (qsizetype first = 0; first < listing->files.size(); first += chunkSize) {
            if (JobControl::cancelled(job))
                return false;
            take(input, true, SpectrumDataset::openFiles(listing->root, listing->files.mid(first, chunkSize), job));
        }
        if (!listing->skipped.empty())
            take(input, true, SpectrumDataset::fromEntries(listing->root, std::move(listing->skipped)));
    }
    return !JobControl::cancelled(job);
}

} // namespace photopeak
