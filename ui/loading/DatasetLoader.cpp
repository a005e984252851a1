// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "loading/DatasetLoader.h"

#include "app/Logging.h"

#include "jobs/JobRunner.h"

#include <QFileInfo>

namespace photopeak::ui {

DatasetLoader::DatasetLoader(QObject *parent) : QObject(parent), m_runner(new JobRunner(this))
{
    connect(m_runner, &JobRunner::progress, this, &DatasetLoader::progress);
    connect(m_runner, &JobRunner::busyChanged, this, &DatasetLoader::busyChanged);
    connect(m_runner, &JobRunner::cancelled, this, [this] { emit cancelled(m_paths); });
    connect(m_runner, &JobRunner::failed, this, [this] { emit cancelled(m_paths); });
}

DatasetLoader::~DatasetLoader() = default;

bool DatasetLoader::isBusy() const { return m_runner->isBusy(); }

std::shared_ptr<DatasetLoader::Outcome> DatasetLoader::run(const QStringList &paths, const JobControl *job)
{
    auto result = std::make_shared<Outcome>();
    Outcome &out = *result;
    for (const QString &path : paths) {
        if (JobControl::cancelled(job))
            break;
        const QFileInfo info(path);
        if (info.isDir()) {
            auto result = SpectrumDataset::openFolder(info.absoluteFilePath(), job);
            if (!result) {
                out.errors << result.error().toString();
                continue;
            }
            out.dataset.append(std::move(result).value());
        } else if (info.exists()) {
            out.dataset.append(SpectrumDataset::openFile(info.absoluteFilePath()));
        } else {
            out.errors << QObject::tr("%1: no such file or folder").arg(path);
        }
    }
    out.cancelled = JobControl::cancelled(job);
    return result;
}

void DatasetLoader::start(const QStringList &paths)
{
    m_paths = paths;
    qCDebug(lcLoad) << "load started" << paths;
    // The outcome travels by pointer: a dataset of thousands of spectra is never copied.
    m_runner->start([paths](const JobControl *job) { return run(paths, job); },
                    [this, paths](std::shared_ptr<Outcome> out) {
                        qCDebug(lcLoad) << "load finished" << paths;
                        emit finished(std::make_shared<const SpectrumDataset>(std::move(out->dataset)), paths, out->errors);
                    });
    emit started(paths);
}

void DatasetLoader::cancel() { m_runner->cancel(); }

} // namespace photopeak::ui
