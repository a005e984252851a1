// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/TrainingSetBuilder.h"

#include "spectrum/LabelParser.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace photopeak {

namespace {
const QString kSource = QStringLiteral("training set");

Status cancelledError() { return makeError(kSource, QStringLiteral("cancelled")); }
} // namespace

void TrainingSetBuilder::labelFromRootPath(SpectrumDataset &ds)
{
    const QStringList parts = QDir(ds.rootPath()).absolutePath().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QString tail = parts.mid(std::max<qsizetype>(0, parts.size() - 3)).join(QLatin1Char('/'));
    for (DatasetEntry &e : ds.entries())
        if (e.spectrum.labels.isEmpty())
            e.spectrum.labels = LabelParser::fromRelativePath(tail + QLatin1Char('/') + e.relativePath);
}

void TrainingSetBuilder::labelUnlabelled(SpectrumDataset &ds, const QStringList &labels)
{
    for (DatasetEntry &e : ds.entries())
        if (e.spectrum.labels.isEmpty())
            e.spectrum.labels = labels;
}

Result<PreparedSet> TrainingSetBuilder::fromFolders(const QStringList &sources, const QStringList &backgrounds,
                                                    const EnergyGrid &grid, const JobControl *job)
{
    std::vector<SpectrumDataset> datasets;
    auto open = [&](const QString &folder, bool background) -> Status {
        auto ds = SpectrumDataset::openFolder(folder, job);
        if (!ds)
            return ds.error();
        labelFromRootPath(*ds);
        if (background)
            labelUnlabelled(*ds, {LabelParser::backgroundLabel()});
        datasets.push_back(std::move(ds.value()));
        return Ok{};
    };
    for (const QString &f : sources)
        if (const Status st = open(f, false); !st)
            return st.error();
    for (const QString &f : backgrounds)
        if (const Status st = open(f, true); !st)
            return st.error();
    if (JobControl::cancelled(job))
        return cancelledError().error();
    return PreparedSet::fromDatasets(std::move(datasets), grid, job);
}

QString TrainingSetBuilder::folderOf(const DatasetEntry &entry)
{
    const QString &rel = entry.relativePath;
    if (rel.isEmpty())
        return QFileInfo(entry.spectrum.sourcePath).fileName();
    const qsizetype slash = rel.indexOf(QLatin1Char('/'));
    return slash < 0 ? rel : rel.left(slash);
}

bool TrainingSetBuilder::isSelected(const DatasetEntry &entry, const TrainingSelection &selection)
{
    return entry.isUsable() && selection.labelSets.contains(entry.spectrum.labelKey())
           && selection.folders.contains(folderOf(entry));
}

QStringList TrainingSetBuilder::trainingLabels(const Spectrum &spectrum, const TrainingSelection &selection)
{
    if (spectrum.labelKey() == selection.backgroundLabelSet)
        return {LabelParser::backgroundLabel()};
    return spectrum.labels;
}

SpectrumDataset TrainingSetBuilder::select(const SpectrumDataset &dataset, const TrainingSelection &selection,
                                           const JobControl *job)
{
    // The copy has no root path: its entries keep their relative paths, by which PreparedSet names items and
    // acquisition series.
    SpectrumDataset out;
    std::vector<DatasetEntry> &entries = out.entries();
    const qint64 total = dataset.size();
    qint64 done = 0;
    for (const DatasetEntry &e : dataset.entries()) {
        if ((++done & 1023) == 0) {
            if (JobControl::cancelled(job))
                return out;
            JobControl::report(job, done, total, QStringLiteral("Selecting spectra"));
        }
        if (!isSelected(e, selection))
            continue;
        entries.push_back(e);
        DatasetEntry &copy = entries.back();
        copy.spectrum.labels = trainingLabels(e.spectrum, selection);
    }
    return out;
}

Result<PreparedSet> TrainingSetBuilder::preparedSet(const SpectrumDataset &dataset, const TrainingSelection &selection,
                                                    const EnergyGrid &grid, const JobControl *job)
{
    SpectrumDataset selected = select(dataset, selection, job);
    if (JobControl::cancelled(job))
        return cancelledError().error();
    if (selected.size() == 0)
        return makeError(kSource, QStringLiteral("no usable spectra selected"));
    std::vector<SpectrumDataset> datasets;
    datasets.push_back(std::move(selected));
    PreparedSet set = PreparedSet::fromDatasets(std::move(datasets), grid, job);
    if (JobControl::cancelled(job))
        return cancelledError().error();
    return set;
}

Result<std::vector<Spectrum>> TrainingSetBuilder::spectra(const SpectrumDataset &dataset,
                                                          const TrainingSelection &selection, const JobControl *job)
{
    std::vector<Spectrum> out;
    const qint64 total = dataset.size();
    qint64 done = 0;
    for (const DatasetEntry &e : dataset.entries()) {
        if ((++done & 1023) == 0) {
            if (JobControl::cancelled(job))
                return cancelledError().error();
            JobControl::report(job, done, total, QStringLiteral("Selecting spectra"));
        }
        if (!isSelected(e, selection))
            continue;
        out.push_back(e.spectrum);
        out.back().labels = trainingLabels(e.spectrum, selection);
    }
    if (JobControl::cancelled(job))
        return cancelledError().error();
    if (out.empty())
        return makeError(kSource, QStringLiteral("no usable spectra selected"));
    return out;
}

QStringList TrainingSetBuilder::latentComponents(const QMap<QString, QStringList> &labelsByKey,
                                                 const TrainingSelection &selection)
{
    QStringList isotopes;
    bool background = false;
    for (auto it = labelsByKey.begin(); it != labelsByKey.end(); ++it) {
        if (!selection.labelSets.contains(it.key()))
            continue;
        QStringList labels = it.value();
        labels.removeDuplicates();
        if (it.key() == selection.backgroundLabelSet || labels == QStringList{LabelParser::backgroundLabel()}) {
            background = true;
            continue;
        }
        if (labels.size() == 1 && !isotopes.contains(labels.front()))
            isotopes << labels.front();
    }
    isotopes.sort(Qt::CaseInsensitive);
    if (background)
        isotopes << LabelParser::backgroundLabel();
    return isotopes;
}

} // namespace photopeak
