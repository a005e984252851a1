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
        if (in.isFolder)
            in.files = SpectrumDataset::listFolder(path);
        out.push_back(std::move(in));
    }
    return out;
}

qsizetype BatchInputs::itemCount(const std::vector<BatchInput> &inputs)
{
    qsizetype n = 0;
    for (const BatchInput &in : inputs)
        n += in.isFolder ? in.files.size() : 1;
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
        const qsizetype n = in.isFolder ? in.files.size() : 1;
        const qsizetype from = std::max(first, item), to = std::min(last, item + n);
        if (from < to) {
            BatchInput part = in;
            if (in.isFolder)
                part.files = in.files.mid(from - item, to - from);
            out.push_back(std::move(part));
        }
        item += n;
    }
    return out;
}

Result<SpectrumDataset> BatchInputs::open(const BatchInput &input, const JobControl *job)
{
    if (input.isFolder)
        return SpectrumDataset::openFiles(input.path, input.files, job);
    return SpectrumDataset::openFile(input.path);
}

} // namespace photopeak
