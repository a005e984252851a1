// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QString>

#include <vector>

namespace photopeak::ui {

class DatasetModel;

// The opened spectra as a tree: folders (components of the relative paths), files, and below a file that
// holds several spectra (HDF5 tables, N42 with several detectors) one row per spectrum. Same columns and
// roles as DatasetModel: spectrum rows (a single-spectrum file is one) answer from the flat model and carry
// their EntryIndexRole; folder and multi-spectrum file rows ("group" rows) have EntryIndexRole -1, show the
// number of spectra below them in the Counts column and the number of flagged ones in the Flags column, and
// have an empty FilterTextRole so that a filter keeps them only as parents of matches.
// Follows the flat model: rebuilt in one pass whenever it is reset.
class DatasetTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum class Kind { Folder, File, Spectrum };

    explicit DatasetTreeModel(DatasetModel *flat, QObject *parent = nullptr);

    DatasetModel *flatModel() const { return m_flat; }
    // Row of one dataset entry (column 0); invalid when out of range.
    QModelIndex indexOfEntry(int entryIndex) const;
    Kind kind(const QModelIndex &index) const;
    bool isGroup(const QModelIndex &index) const;  // folder or multi-spectrum file
    int spectrumCount(const QModelIndex &index) const;  // spectra at or below the row; root if invalid
    int flaggedCount(const QModelIndex &index) const;
    // Every entry at or below the row, in tree order (root if invalid).
    QList<int> entriesBelow(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node {
        int parent = -1;
        int row = 0;  // among the parent's children
        Kind kind = Kind::Folder;
        int entry = -1;  // dataset entry of a spectrum row, -1 for groups
        QString name;
        QString path;  // folder: relative path; file: relative path of the file
        std::vector<int> children;
        int spectra = 0;
        int flagged = 0;
        QString labels;  // common labels of everything below, empty when they differ
        bool mixedLabels = false;
    };

    void rebuild();
    int folderNode(const QString &path);
    int addNode(int parent, Kind kind, const QString &name, const QString &path, int entry);
    int nodeOf(const QModelIndex &index) const;
    QVariant groupData(const Node &node, int column, int role) const;
    void collect(int node, QList<int> &out) const;

    DatasetModel *m_flat;
    std::vector<Node> m_nodes;  // [0] is the invisible root
    std::vector<int> m_nodeOfEntry;
    QHash<QString, int> m_folders;  // relative folder path -> node
    QIcon m_folderIcon;
    QIcon m_fileIcon;
};

} // namespace photopeak::ui
