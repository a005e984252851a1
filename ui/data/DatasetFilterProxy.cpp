// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "data/DatasetFilterProxy.h"

#include "data/DatasetModel.h"

namespace photopeak::ui {

DatasetFilterProxy::DatasetFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(DatasetModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

void DatasetFilterProxy::setFilterWords(const QString &text)
{
    const QStringList words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

void DatasetFilterProxy::setProblemsOnly(bool on)
{
    if (on == m_problemsOnly)
        return;
    m_problemsOnly = on;
    invalidateRowsFilter();
}

bool DatasetFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_problemsOnly && !index.data(DatasetModel::HasProblemRole).toBool())
        return false;
    if (m_words.isEmpty())
        return true;
    const QString haystack = index.data(DatasetModel::FilterTextRole).toString();
    for (const QString &w : m_words)
        if (!haystack.contains(w))
            return false;
    return true;
}

bool DatasetFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    if (l.typeId() == QMetaType::Double && r.typeId() == QMetaType::Double)
        return l.toDouble() < r.toDouble();
    return m_collator.compare(l.toString(), r.toString()) < 0;
}

} // namespace photopeak::ui
