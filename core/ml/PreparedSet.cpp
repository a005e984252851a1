// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/PreparedSet.h"

#include "metrics/SeriesGroups.h"
#include "features/SpectrumPreparer.h"
#include "library/ContentHash.h"
#include "spectrum/LabelParser.h"
#include "jobs/Parallel.h"

#include <QDir>
#include <QFileInfo>


namespace photopeak {

PreparedSet PreparedSet::fromDatasets(std::vector<SpectrumDataset> datasets, const EnergyGrid &grid, const JobControl *job)
{
    PreparedSet set;
    set.m_grid = grid;
    for (SpectrumDataset &ds : datasets) {
        const QString rootName = QFileInfo(ds.rootPath()).fileName();
        for (DatasetEntry &e : ds.entries()) {
            // A dataset of one file (SpectrumDataset::openFile) holds its absolute path: name it within its folder.
            const QString rel = rootName + QLatin1Char('/')
                                + (QDir::isAbsolutePath(e.relativePath) ? QDir(ds.rootPath()).relativeFilePath(e.relativePath)
                                                                        : e.relativePath);
            if (!e.isUsable()) {
                set.m_skipped << QStringLiteral("%1: %2").arg(rel, e.isReadable() ? e.problemText() : e.message);
                continue;
            }
            PreparedItem item;
            item.relativePath = rel;
            item.spectrum = std::move(e.spectrum);
            for (const QString &l : item.spectrum.labels) {
                if (l == LabelParser::backgroundLabel())
                    item.background = true;
                else
                    item.isotopes << l;
            }
            if (!item.isotopes.isEmpty())
                item.background = false;
            set.m_items.push_back(std::move(item));
        }
    }
    // One rebinner per thread.
    std::vector<QString> errors(set.m_items.size());
    Parallel::forEachWithState(
        static_cast<qsizetype>(set.m_items.size()), [&] { return SpectrumPreparer(grid); },
        [&](SpectrumPreparer &preparer, qsizetype index) {
            const size_t i = static_cast<size_t>(index);
            auto p = preparer.prepare(set.m_items[i].spectrum);
            if (p)
                set.m_items[i].prepared = std::move(p.value());
            else
                errors[i] = p.error().message;
        },
        job, QStringLiteral("Preparing spectra"));
    std::vector<PreparedItem> kept;
    for (size_t i = 0; i < set.m_items.size(); ++i) {
        if (!errors[i].isEmpty())
            set.m_skipped << QStringLiteral("%1: %2").arg(set.m_items[i].relativePath, errors[i]);
        else
            kept.push_back(std::move(set.m_items[i]));
    }
    set.m_items = std::move(kept);
    std::vector<QString> series;
    std::vector<quint64> content;
    for (const PreparedItem &it : set.m_items) {
        series.push_back(it.relativePath.section(QLatin1Char('/'), 0, -2));
        content.push_back(SeriesGroups::countsKey(it.spectrum.counts));
    }
    const std::vector<int> groups = SeriesGroups::assign(series, content);
    for (size_t i = 0; i < set.m_items.size(); ++i)
        set.m_items[i].group = groups[i];
    return set;
}

PreparedSet PreparedSet::subset(const std::vector<bool> &keep) const
{
    PreparedSet out;
    out.m_grid = m_grid;
    out.m_skipped = m_skipped;
    for (size_t i = 0; i < m_items.size() && i < keep.size(); ++i)
        if (keep[i])
            out.m_items.push_back(m_items[i]);
    return out;
}

QStringList PreparedSet::singleIsotopes() const
{
    QStringList out;
    for (const PreparedItem &it : m_items)
        if (it.isotopes.size() == 1 && !out.contains(it.isotopes.front()))
            out << it.isotopes.front();
    out.sort();
    return out;
}

QString PreparedSet::contentHash() const
{
    std::vector<const Spectrum *> spectra;
    spectra.reserve(m_items.size());
    for (const PreparedItem &it : m_items)
        spectra.push_back(&it.spectrum);
    return datasetContentHash(spectra);
}

} // namespace photopeak
