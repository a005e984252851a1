// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "results/ClassificationJob.h"

#include "jobs/JobRunner.h"

namespace photopeak::ui {

namespace {
using Results = std::shared_ptr<std::vector<SpectrumAnalysis>>;

Results analyse(const SpectrumDataset &dataset, const SpectrumAnalyzer &analyzer, const QList<int> &entries,
                const JobControl *job)
{
    auto out = std::make_shared<std::vector<SpectrumAnalysis>>();
    if (entries.isEmpty()) {
        *out = analyzer.analyseAll(dataset, job);
        return out;
    }
    out->reserve(static_cast<size_t>(entries.size()));
    const auto &all = dataset.entries();
    for (int i = 0; i < entries.size(); ++i) {
        if (JobControl::cancelled(job))
            break;
        const int e = entries[i];
        if (e < 0 || e >= static_cast<int>(all.size()))
            continue;
        const DatasetEntry &entry = all[static_cast<size_t>(e)];
        out->push_back(analyzer.analyse(entry, SpectrumAnalyzer::entryName(entry), e));
        JobControl::report(job, i + 1, entries.size(), QObject::tr("Classifying"));
    }
    return out;
}
} // namespace

ClassificationJob::ClassificationJob(QObject *parent) : QObject(parent), m_runner(new JobRunner(this))
{
    connect(m_runner, &JobRunner::progress, this, &ClassificationJob::progress);
    connect(m_runner, &JobRunner::busyChanged, this, &ClassificationJob::busyChanged);
    connect(m_runner, &JobRunner::cancelled, this, &ClassificationJob::cancelled);
    connect(m_runner, &JobRunner::failed, this, &ClassificationJob::cancelled);
}

ClassificationJob::~ClassificationJob() = default;

bool ClassificationJob::isBusy() const { return m_runner->isBusy(); }

void ClassificationJob::start(std::shared_ptr<const SpectrumDataset> dataset,
                              std::shared_ptr<const SpectrumAnalyzer> analyzer, QList<int> entries)
{
    m_clock.start();
    m_runner->start(
        [dataset, analyzer, entries](const JobControl *job) { return analyse(*dataset, *analyzer, entries, job); },
        [this](Results results) { emit finished(std::move(*results), m_clock.elapsed() / 1000.0); });
}

void ClassificationJob::cancel() { m_runner->cancel(); }

} // namespace photopeak::ui
