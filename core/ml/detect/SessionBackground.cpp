// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/detect/SessionBackground.h"

#include "features/SpectrumPreparer.h"
#include "library/SpectrumDataset.h"

#include <QFileInfo>
#include <QSet>

namespace photopeak {

Result<SessionBackground> SessionBackground::fromSpectra(const std::vector<const Spectrum *> &spectra, const EnergyGrid &grid,
                                                         const QString &source)
{
    // A file holding a measurement and its embedded background (the reader labels that one background): only
    // the background counts.
    auto isBackground = [](const Spectrum *s) { return s->labels == QStringList{QStringLiteral("background")}; };
    QSet<QString> withBackground;
    for (const Spectrum *s : spectra)
        if (isBackground(s) && !s->sourcePath.isEmpty())
            withBackground.insert(s->sourcePath);
    SessionBackground out;
    out.m_source = source;
    out.m_sum.counts.assign(static_cast<size_t>(grid.binCount()), 0.0);
    SpectrumPreparer preparer(grid);
    QStringList refused;
    for (const Spectrum *s : spectra) {
        if (withBackground.contains(s->sourcePath) && !isBackground(s))
            continue;
        if (s->problems.blocksAnalysis() || !s->calibration.isValid(s->channelCount())) {
            refused << s->displayName();
            continue;
        }
        auto p = preparer.prepare(*s);
        if (!p) {
            refused << s->displayName();
            continue;
        }
        for (size_t k = 0; k < out.m_sum.counts.size(); ++k)
            out.m_sum.counts[k] += p->counts[k];
        out.m_sum.liveTime += p->liveTime;
        ++out.m_count;
    }
    if (out.m_count == 0 || !(out.m_sum.liveTime > 0.0) || !(out.m_sum.totalCounts() > 0.0))
        return makeError(source, refused.isEmpty() ? QStringLiteral("no spectrum to use as the session background")
                                                   : QStringLiteral("no usable background spectrum (unusable: %1)")
                                                         .arg(refused.mid(0, 5).join(QStringLiteral(", "))));
    return out;
}

Result<SessionBackground> SessionBackground::load(const QString &path, const EnergyGrid &grid)
{
    const QFileInfo info(path);
    if (!info.exists())
        return makeError(path, QStringLiteral("session background: no such file or folder"));
    auto ds = info.isDir() ? SpectrumDataset::openFolder(path) : Result<SpectrumDataset>(SpectrumDataset::openFile(path));
    if (!ds)
        return ds.error();
    std::vector<const Spectrum *> spectra;
    for (const DatasetEntry &e : ds->entries())
        if (e.isReadable())
            spectra.push_back(&e.spectrum);
    return fromSpectra(spectra, grid, path);
}

QString SessionBackground::describe() const
{
    return QStringLiteral("%1 spectr%2, %3 s from %4")
        .arg(m_count)
        .arg(m_count == 1 ? QStringLiteral("um") : QStringLiteral("a"))
        .arg(m_sum.liveTime, 0, 'f', 0)
        .arg(QFileInfo(m_source).fileName().isEmpty() ? m_source : QFileInfo(m_source).fileName());
}

} // namespace photopeak
