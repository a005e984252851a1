// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "library/SpectrumDataset.h"

#include <QAbstractTableModel>
#include <QIcon>

#include <memory>
#include <vector>

namespace photopeak::ui {

// The one item model over the opened spectra: a flat table, one row per spectrum (multi-spectrum files
// give one row per stored spectrum). Rows with problems carry a warning icon and the problem text as
// tooltip; nothing is hidden. Read-only; replaced as a whole when another dataset is opened.
class DatasetModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, FolderColumn, LabelsColumn, LiveTimeColumn, CountsColumn, FlagsColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,  // numbers for numeric columns, text otherwise
        EntryIndexRole,               // index into dataset()->entries()
        HasProblemRole,               // bool: the row shows a warning
        FilterTextRole,               // everything the filter box searches, lower case
    };

    explicit DatasetModel(QObject *parent = nullptr);

    void setDataset(std::shared_ptr<const SpectrumDataset> dataset);
    const std::shared_ptr<const SpectrumDataset> &dataset() const { return m_dataset; }
    const DatasetEntry *entry(int row) const;
    int problemCount() const { return m_problemCount; }

    // True when a row deserves a warning: anything flagged except the mere absence of a live time in the
    // format (informational, shown in the Flags column only).
    static bool isWarning(const DatasetEntry &entry);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayData(const DatasetEntry &entry, int row, int column) const;
    QString folderOf(const DatasetEntry &entry) const;

    std::shared_ptr<const SpectrumDataset> m_dataset;
    std::vector<double> m_totals;  // cached total counts per row (sorting asks often)
    std::vector<bool> m_warning;
    int m_problemCount = 0;
    QIcon m_warningIcon;
    QIcon m_errorIcon;
};

} // namespace photopeak::ui
