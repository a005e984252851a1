// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "data/DatasetModel.h"
#include "data/ProblemText.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace photopeak::ui {

DatasetModel::DatasetModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_warningIcon(QStringLiteral(":/icons/warning.svg"))
    , m_errorIcon(QStringLiteral(":/icons/error.svg"))
{
}

bool DatasetModel::isWarning(const DatasetEntry &entry)
{
    if (!entry.isReadable())
        return true;
    SpectrumProblems p = entry.spectrum.problems;
    p.remove(SpectrumProblem::NoLiveTime);
    return !p.none();
}

void DatasetModel::setDataset(std::shared_ptr<const SpectrumDataset> dataset)
{
    beginResetModel();
    m_dataset = std::move(dataset);
    m_totals.clear();
    m_warning.clear();
    m_problemCount = 0;
    if (m_dataset) {
        const auto &entries = m_dataset->entries();
        m_totals.reserve(entries.size());
        m_warning.reserve(entries.size());
        for (const DatasetEntry &e : entries) {
            m_totals.push_back(e.spectrum.totalCounts());
            m_warning.push_back(isWarning(e));
            if (m_warning.back())
                ++m_problemCount;
        }
    }
    endResetModel();
}

const DatasetEntry *DatasetModel::entry(int row) const
{
    if (!m_dataset || row < 0 || row >= m_dataset->size())
        return nullptr;
    return &m_dataset->entries()[static_cast<size_t>(row)];
}

int DatasetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_dataset ? 0 : m_dataset->size();
}

int DatasetModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString DatasetModel::folderOf(const DatasetEntry &entry) const
{
    const qsizetype slash = entry.relativePath.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : entry.relativePath.left(slash);
}

QVariant DatasetModel::displayData(const DatasetEntry &e, int row, int column) const
{
    const Spectrum &s = e.spectrum;
    switch (column) {
    case NameColumn:
        return s.displayName();
    case FolderColumn:
        return folderOf(e);
    case LabelsColumn:
        return s.labels.join(QStringLiteral(", "));
    case LiveTimeColumn:
        return s.hasLiveTime() ? QVariant(tr("%1 s").arg(QLocale().toString(s.liveTime, 'f', 2))) : QVariant();
    case CountsColumn:
        return e.isReadable() ? QVariant(QLocale().toString(m_totals[static_cast<size_t>(row)], 'f', 0)) : QVariant();
    case FlagsColumn: {
        QStringList names = problemLabels(s.problems.names());
        if (!e.isReadable() && names.isEmpty())
            names << tr("unreadable");
        return names.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QVariant DatasetModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_dataset || index.row() >= m_dataset->size())
        return {};
    const int row = index.row();
    const DatasetEntry &e = m_dataset->entries()[static_cast<size_t>(row)];
    const bool warn = m_warning[static_cast<size_t>(row)];
    switch (role) {
    case Qt::DisplayRole:
        return displayData(e, row, index.column());
    case Qt::DecorationRole:
        if (index.column() == NameColumn && warn)
            return e.isUsable() ? m_warningIcon : m_errorIcon;
        return {};
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("<b>%1</b><br>%2").arg(e.relativePath.toHtmlEscaped(),
                                                             e.spectrum.sourcePath.toHtmlEscaped());
        const QString problems = entryProblemText(e);
        if (!problems.isEmpty())
            tip += QStringLiteral("<br><br><b>%1</b> %2").arg(tr("Problems:"), problems.toHtmlEscaped());
        return tip;
    }
    case Qt::TextAlignmentRole:
        if (index.column() == LiveTimeColumn || index.column() == CountsColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (warn && index.column() == FlagsColumn)
            return QBrush(e.isUsable() ? QColor(0x9a, 0x5b, 0x00) : QColor(0xb0, 0x1c, 0x1c));
        return {};
    case SortRole:
        switch (index.column()) {
        case LiveTimeColumn:
            return e.spectrum.liveTime;
        case CountsColumn:
            return m_totals[static_cast<size_t>(row)];
        case NameColumn:
            return e.relativePath;
        default:
            return displayData(e, row, index.column());
        }
    case EntryIndexRole:
        return row;
    case HasProblemRole:
        return warn;
    case FilterTextRole: {
        QStringList parts{e.relativePath, e.spectrum.labels.join(QLatin1Char(' ')),
                          e.spectrum.problems.names().join(QLatin1Char(' ')),
                          problemLabels(e.spectrum.problems.names()).join(QLatin1Char(' ')), e.message};
        return parts.join(QLatin1Char(' ')).toLower();
    }
    default:
        return {};
    }
}

QVariant DatasetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn: return tr("Name");
        case FolderColumn: return tr("Folder");
        case LabelsColumn: return tr("Labels");
        case LiveTimeColumn: return tr("Live time");
        case CountsColumn: return tr("Counts");
        case FlagsColumn: return tr("Flags");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case LabelsColumn: return tr("Ground-truth labels, from the file or from the folder names");
        case CountsColumn: return tr("Total counts over all channels");
        case FlagsColumn: return tr("Problems found while reading; hover a row for details");
        default: return {};
        }
    }
    return {};
}

} // namespace photopeak::ui
