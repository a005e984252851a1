// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "data/DatasetTreeModel.h"

#include "data/DatasetModel.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QLocale>
#include <QStyle>

namespace photopeak::ui {

DatasetTreeModel::DatasetTreeModel(DatasetModel *flat, QObject *parent)
    : QAbstractItemModel(parent)
    , m_flat(flat)
{
    if (QStyle *style = QApplication::style()) {
        m_folderIcon = style->standardIcon(QStyle::SP_DirIcon);
        m_fileIcon = style->standardIcon(QStyle::SP_FileIcon);
    }
    connect(m_flat, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
    connect(m_flat, &QAbstractItemModel::modelReset, this, [this] {
        rebuild();
        endResetModel();
    });
    beginResetModel();
    rebuild();
    endResetModel();
}

int DatasetTreeModel::addNode(int parent, Kind kind, const QString &name, const QString &path, int entry)
{
    Node node;
    node.parent = parent;
    node.kind = kind;
    node.name = name;
    node.path = path;
    node.entry = entry;
    const int id = static_cast<int>(m_nodes.size());
    node.row = static_cast<int>(m_nodes[static_cast<size_t>(parent)].children.size());
    m_nodes.push_back(std::move(node));
    m_nodes[static_cast<size_t>(parent)].children.push_back(id);
    return id;
}

int DatasetTreeModel::folderNode(const QString &path)
{
    if (path.isEmpty())
        return 0;
    if (const auto it = m_folders.constFind(path); it != m_folders.cend())
        return it.value();
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const int parent = folderNode(slash < 0 ? QString() : path.left(slash));
    const int id = addNode(parent, Kind::Folder, slash < 0 ? path : path.mid(slash + 1), path, -1);
    m_folders.insert(path, id);
    return id;
}

void DatasetTreeModel::rebuild()
{
    m_nodes.clear();
    m_nodeOfEntry.clear();
    m_folders.clear();
    m_nodes.emplace_back();  // root
    const auto &dataset = m_flat->dataset();
    if (!dataset)
        return;
    const auto &entries = dataset->entries();
    m_nodes.reserve(entries.size() + entries.size() / 8 + 16);
    m_nodeOfEntry.assign(entries.size(), -1);
    QHash<QString, int> files;  // source file -> its node
    files.reserve(static_cast<qsizetype>(entries.size()));

    for (size_t i = 0; i < entries.size(); ++i) {
        const DatasetEntry &e = entries[i];
        const int entry = static_cast<int>(i);
        const qsizetype slash = e.relativePath.lastIndexOf(QLatin1Char('/'));
        const int folder = folderNode(slash < 0 ? QString() : e.relativePath.left(slash));
        const QString key = e.spectrum.sourcePath.isEmpty() ? e.relativePath : e.spectrum.sourcePath;
        const auto it = files.constFind(key);
        if (it == files.cend() || m_nodes[static_cast<size_t>(it.value())].parent != folder) {
            const int id = addNode(folder, Kind::File, e.relativePath.mid(slash + 1), e.relativePath, entry);
            files.insert(key, id);
            m_nodeOfEntry[i] = id;
            continue;
        }
        // A further spectrum of a file already listed: the file becomes a group with one row per spectrum.
        const int file = it.value();
        if (m_nodes[static_cast<size_t>(file)].entry >= 0) {
            const int first = m_nodes[static_cast<size_t>(file)].entry;
            m_nodes[static_cast<size_t>(file)].entry = -1;
            m_nodeOfEntry[static_cast<size_t>(first)] = addNode(file, Kind::Spectrum, QString(), QString(), first);
        }
        m_nodeOfEntry[i] = addNode(file, Kind::Spectrum, QString(), QString(), entry);
    }

    // Counts and common labels, from every spectrum up to the root.
    for (size_t i = 0; i < entries.size(); ++i) {
        const DatasetEntry &e = entries[i];
        const bool flagged = DatasetModel::isWarning(e);
        const QString labels = e.spectrum.labels.join(QStringLiteral(", "));
        for (int n = m_nodeOfEntry[i]; n >= 0; n = m_nodes[static_cast<size_t>(n)].parent) {
            Node &node = m_nodes[static_cast<size_t>(n)];
            if (node.spectra == 0)
                node.labels = labels;
            else if (!node.mixedLabels && node.labels != labels) {
                node.mixedLabels = true;
                node.labels.clear();
            }
            ++node.spectra;
            if (flagged)
                ++node.flagged;
        }
    }
}

int DatasetTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<int>(index.internalId()) : 0;
}

QModelIndex DatasetTreeModel::indexOfEntry(int entryIndex) const
{
    if (entryIndex < 0 || entryIndex >= static_cast<int>(m_nodeOfEntry.size()))
        return {};
    const int id = m_nodeOfEntry[static_cast<size_t>(entryIndex)];
    return createIndex(m_nodes[static_cast<size_t>(id)].row, 0, quintptr(id));
}

DatasetTreeModel::Kind DatasetTreeModel::kind(const QModelIndex &index) const
{
    return m_nodes[static_cast<size_t>(nodeOf(index))].kind;
}

bool DatasetTreeModel::isGroup(const QModelIndex &index) const
{
    return m_nodes[static_cast<size_t>(nodeOf(index))].entry < 0;
}

int DatasetTreeModel::spectrumCount(const QModelIndex &index) const
{
    return m_nodes[static_cast<size_t>(nodeOf(index))].spectra;
}

int DatasetTreeModel::flaggedCount(const QModelIndex &index) const
{
    return m_nodes[static_cast<size_t>(nodeOf(index))].flagged;
}

void DatasetTreeModel::collect(int id, QList<int> &out) const
{
    const Node &node = m_nodes[static_cast<size_t>(id)];
    if (node.entry >= 0)
        out << node.entry;
    for (int child : node.children)
        collect(child, out);
}

QList<int> DatasetTreeModel::entriesBelow(const QModelIndex &index) const
{
    QList<int> out;
    const int id = nodeOf(index);
    out.reserve(m_nodes[static_cast<size_t>(id)].spectra);
    collect(id, out);
    return out;
}

QModelIndex DatasetTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= DatasetModel::ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const Node &p = m_nodes[static_cast<size_t>(nodeOf(parent))];
    if (row < 0 || row >= static_cast<int>(p.children.size()))
        return {};
    return createIndex(row, column, quintptr(p.children[static_cast<size_t>(row)]));
}

QModelIndex DatasetTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parentId = m_nodes[static_cast<size_t>(nodeOf(child))].parent;
    if (parentId <= 0)
        return {};
    return createIndex(m_nodes[static_cast<size_t>(parentId)].row, 0, quintptr(parentId));
}

int DatasetTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(m_nodes[static_cast<size_t>(nodeOf(parent))].children.size());
}

int DatasetTreeModel::columnCount(const QModelIndex &) const { return DatasetModel::ColumnCount; }

bool DatasetTreeModel::hasChildren(const QModelIndex &parent) const { return rowCount(parent) > 0; }

QVariant DatasetTreeModel::groupData(const Node &node, int column, int role) const
{
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case DatasetModel::NameColumn:
            return node.name;
        case DatasetModel::FolderColumn: {
            const qsizetype slash = node.path.lastIndexOf(QLatin1Char('/'));
            return slash < 0 ? QString() : node.path.left(slash);
        }
        case DatasetModel::LabelsColumn:
            return node.labels;
        case DatasetModel::CountsColumn:
            return tr("%1 spectra").arg(locale.toString(node.spectra));
        case DatasetModel::FlagsColumn:
            return node.flagged > 0 ? tr("%1 flagged").arg(locale.toString(node.flagged)) : QString();
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (column == DatasetModel::NameColumn)
            return node.kind == Kind::Folder ? m_folderIcon : m_fileIcon;
        return {};
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("<b>%1</b><br>%2").arg(node.path.toHtmlEscaped(),
                                                             tr("%1 spectra").arg(locale.toString(node.spectra)));
        if (node.flagged > 0)
            tip += QStringLiteral(", ") + tr("%1 flagged").arg(locale.toString(node.flagged));
        return tip;
    }
    case Qt::TextAlignmentRole:
        if (column == DatasetModel::LiveTimeColumn || column == DatasetModel::CountsColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (column == DatasetModel::FlagsColumn && node.flagged > 0)
            return QBrush(QColor(0x9a, 0x5b, 0x00));
        if (column == DatasetModel::CountsColumn)
            return QBrush(QColor(0x60, 0x60, 0x60));
        return {};
    case DatasetModel::SortRole:
        switch (column) {
        case DatasetModel::CountsColumn:
            return double(node.spectra);
        case DatasetModel::FlagsColumn:
            return double(node.flagged);
        case DatasetModel::LiveTimeColumn:
            return 0.0;
        default:
            return groupData(node, column, Qt::DisplayRole);
        }
    case DatasetModel::EntryIndexRole:
        return -1;
    case DatasetModel::HasProblemRole:
        return node.flagged > 0;
    case DatasetModel::FilterTextRole:
        return QString();  // kept only as the parent of matches
    default:
        return {};
    }
}

QVariant DatasetTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node &node = m_nodes[static_cast<size_t>(nodeOf(index))];
    if (node.entry < 0)
        return groupData(node, index.column(), role);
    const QModelIndex flat = m_flat->index(node.entry, index.column());
    if (index.column() == DatasetModel::NameColumn) {
        if (node.kind == Kind::Spectrum && (role == Qt::DisplayRole || role == DatasetModel::SortRole)) {
            const Spectrum &s = m_flat->entry(node.entry)->spectrum;
            if (role == DatasetModel::SortRole)
                return double(s.indexInSource);
            QString name = QStringLiteral("#%1").arg(s.indexInSource);
            if (!s.detector.isEmpty())
                name += QStringLiteral("  ") + s.detector;
            return name;
        }
        if (role == DatasetModel::SortRole)
            return node.name;
        if (role == Qt::DecorationRole && node.kind == Kind::File) {
            const QVariant warning = flat.data(role);
            return warning.isNull() ? QVariant(m_fileIcon) : warning;
        }
    }
    return flat.data(role);
}

QVariant DatasetTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return m_flat->headerData(section, orientation, role);
}

} // namespace photopeak::ui
