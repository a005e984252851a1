// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "jobs/JobControl.h"
#include "library/SpectrumDataset.h"
#include "ml/PreparedSet.h"
#include "spectrum/EnergyGrid.h"
#include "util/Result.h"

#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

// Which entries of an opened dataset a model is trained on. Every set is explicit: an empty set selects
// nothing (a user who unchecks every label set gets "no spectra selected", never "all of them").
struct TrainingSelection {
    QSet<QString> labelSets;  // label set keys (Spectrum::labelKey(): "Cs137", "Co60+Cs137", "background", "")
    QSet<QString> folders;    // TrainingSetBuilder::folderOf() of the entries to use
    // Entries whose label set key is this one are labelled background (in addition to those labelled
    // background already); "" = the unlabelled entries, like the CLI's -B folders.
    QString backgroundLabelSet = QStringLiteral("background");
};

// The rules by which labelled training sets are built from opened datasets, shared by the CLI (folders of
// sources and backgrounds) and the GUI (a subset of the dataset loaded in the window). Never modifies files
// or the datasets given by const reference: selected spectra are copied.
class TrainingSetBuilder {
public:
    // Labels for entries without one, from the folder names below the opened root, else from the root's
    // own last folders (so that data/srcs/Cs137/15s works as well as data/srcs).
    static void labelFromRootPath(SpectrumDataset &dataset);
    // Entries of `dataset` without labels get `labels`.
    static void labelUnlabelled(SpectrumDataset &dataset, const QStringList &labels);
    // The CLI's training set: `sources` folders with labels from their names, `backgrounds` folders whose
    // unlabelled spectra are labelled background, prepared on `grid`.
    static Result<PreparedSet> fromFolders(const QStringList &sources, const QStringList &backgrounds,
                                           const EnergyGrid &grid = EnergyGrid::xgdDefault(),
                                           const JobControl *job = nullptr);

    // First component of an entry's relative path: the top folder below the opened root, or the file itself
    // for files opened alone (an HDF5 table, a single spectrum).
    static QString folderOf(const DatasetEntry &entry);
    // Usable and inside the selection (label set and folder).
    static bool isSelected(const DatasetEntry &entry, const TrainingSelection &selection);
    // The labels an entry is trained with: background for the selection's background label set.
    static QStringList trainingLabels(const Spectrum &spectrum, const TrainingSelection &selection);
    // Copies of the selected usable entries with their training labels and relative paths (no root path).
    static SpectrumDataset select(const SpectrumDataset &dataset, const TrainingSelection &selection,
                                  const JobControl *job = nullptr);
    // Selected entries prepared on `grid` for SpectrumClassifier::train. Fails when nothing is selected or
    // the job was cancelled.
    static Result<PreparedSet> preparedSet(const SpectrumDataset &dataset, const TrainingSelection &selection,
                                           const EnergyGrid &grid, const JobControl *job = nullptr);
    // Selected spectra (copies, training labels) for LatentTrainer::train.
    static Result<std::vector<Spectrum>> spectra(const SpectrumDataset &dataset, const TrainingSelection &selection,
                                                 const JobControl *job = nullptr);
    // Latent components of a selection: the single labels of the selected label sets (`labelsByKey` maps a
    // label set key to its labels), sorted, then background when a selected set is or means background.
    static QStringList latentComponents(const QMap<QString, QStringList> &labelsByKey,
                                        const TrainingSelection &selection);
};

} // namespace photopeak
