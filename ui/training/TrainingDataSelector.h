// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "ml/TrainingSetBuilder.h"

#include <QGroupBox>
#include <QMap>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace photopeak {
class SpectrumDataset;
}

namespace photopeak::ui {

// The training panel's data selection: label sets and folders of the loaded dataset with counts, checked
// except unlabelled spectra, and which label set means background.
class TrainingDataSelector : public QGroupBox {
    Q_OBJECT
public:
    explicit TrainingDataSelector(QWidget *parent = nullptr);

    void setDataset(std::shared_ptr<const photopeak::SpectrumDataset> dataset);
    const std::shared_ptr<const photopeak::SpectrumDataset> &dataset() const { return m_dataset; }

    photopeak::TrainingSelection selection() const;
    // Usable spectra inside the current selection, and in the whole dataset.
    int selectedSpectrumCount() const;
    int usableSpectrumCount() const;
    // Latent components of the selection: every checked single label, then background.
    QStringList latentComponents() const;
    QStringList latentComponents(const photopeak::TrainingSelection &selection) const;
    // Every folder of the loaded data (training inputs, never overwritten).
    const QStringList &folders() const { return m_folders; }

    // Check or uncheck one label set (its key, "" = unlabelled) or folder; false if there is none.
    bool setLabelSetChecked(const QString &key, bool checked);
    bool setFolderChecked(const QString &folder, bool checked);
    QStringList labelSetKeys() const;
    QStringList folderNames() const;

signals:
    void selectionChanged();

private:
    void fillLists();
    void updateSummary();

    std::shared_ptr<const photopeak::SpectrumDataset> m_dataset;
    // Per usable entry: index of its label set and of its folder (selection counts without strings).
    std::vector<int> m_entryLabelSet, m_entryFolder;
    QStringList m_labelSetKeys, m_folders;
    QMap<QString, QStringList> m_labelsByKey;
    bool m_filling = false;

    QTreeWidget *m_labelList = nullptr;
    QTreeWidget *m_folderList = nullptr;
    QComboBox *m_background = nullptr;
    QLabel *m_selectionSummary = nullptr;
};

} // namespace photopeak::ui
