// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/PreparedSpectrum.h"
#include "jobs/JobControl.h"
#include "library/SpectrumDataset.h"
#include "spectrum/EnergyGrid.h"
#include "util/Result.h"

#include <QStringList>

#include <vector>

namespace photopeak {

// One usable labelled spectrum: the raw channels (for Poisson resampling) and its prepared grid counts.
struct PreparedItem {
    Spectrum spectrum;
    PreparedSpectrum prepared;
    QStringList isotopes;      // ground truth isotopes (empty for backgrounds and unlabelled spectra)
    bool background = false;   // labelled background
    int group = 0;             // acquisition series (folder, merged with folders holding identical copies)
    QString relativePath;      // to the dataset root it came from, prefixed by that root's name
};

// Labelled spectra on one energy grid, ready for feature extraction. Problem files are kept aside with
// their reasons, never dropped silently and never modified.
class PreparedSet {
public:
    // Takes the spectra out of the datasets (no copy). Prepares them in parallel.
    static PreparedSet fromDatasets(std::vector<SpectrumDataset> datasets, const EnergyGrid &grid,
                                    const JobControl *job = nullptr);

    const std::vector<PreparedItem> &items() const { return m_items; }
    int size() const { return static_cast<int>(m_items.size()); }
    const QStringList &skipped() const { return m_skipped; }  // "path: reason"
    // A copy holding the items whose `keep` entry is true (groups unchanged), e.g. for held-out validation.
    PreparedSet subset(const std::vector<bool> &keep) const;
    // Isotopes that occur alone in some spectrum (trainable one-vs-rest), sorted.
    QStringList singleIsotopes() const;
    // Content hash over everything a model learns from (library/ContentHash).
    QString contentHash() const;
    const EnergyGrid &grid() const { return m_grid; }

private:
    EnergyGrid m_grid;
    std::vector<PreparedItem> m_items;
    QStringList m_skipped;
};

} // namespace photopeak
