#pragma once

#include "jobs/JobControl.h"
#include "jobs/Shard.h"
#include "library/SpectrumDataset.h"

#include <QStringList>

#include <vector>

namespace photopeak {

// One input of a spectrum batch (classify, report) as the user named it, with the files of it a run reads.
struct BatchInput {
    QString path;        // as given on the command line
    bool isFolder = false;
    QStringList files;   // folders: absolute paths in SpectrumDataset::listFolder order (a shard: a block of them)
};

// The inputs of a spectrum batch in the one stable order every run uses: inputs as given, each folder's files
// sorted by path, a file (or a path that does not exist, which then gives its error row) as one item. A shard
// takes its block of that order (Shard), so shard outputs concatenated in shard order are the single run's.
class BatchInputs {
public:
    static std::vector<BatchInput> list(const QStringList &paths);
    // The inputs keeping only the items of `shard`; inputs left with no item are dropped.
    static std::vector<BatchInput> select(const std::vector<BatchInput> &inputs, const Shard &shard);
    // Items (files of folders, plus single inputs).
    static qsizetype itemCount(const std::vector<BatchInput> &inputs);
    // Opens one input: a folder's listed files (relative paths and labels from the folder) or the file.
    static Result<SpectrumDataset> open(const BatchInput &input, const JobControl *job = nullptr);
};

} // namespace photopeak
