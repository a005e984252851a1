// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "results/ResultsFilterProxy.h"

#include "analysis/SpectrumAnalysis.h"
#include "results/ResultsModel.h"

namespace photopeak::ui {

ResultsFilterProxy::ResultsFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ResultsModel::SortRole);
    setDynamicSortFilter(false);
}

void ResultsFilterProxy::setFilterWords(const QString &text)
{
    m_words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

void ResultsFilterProxy::setShow(Show show)
{
    m_show = show;
    invalidateRowsFilter();
}

bool ResultsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    using D = SpectrumAnalysis::Decision;
    const auto decision = static_cast<D>(index.data(ResultsModel::DecisionRole).toInt());
    switch (m_show) {
    case Show::All: break;
    case Show::Sources:
        if (decision != D::Source)
            return false;
        break;
    case Show::Backgrounds:
        if (decision != D::Background)
            return false;
        break;
    case Show::Problems:
        if (decision != D::Skipped && decision != D::Error
            && sourceModel()->index(sourceRow, ResultsModel::FlagsColumn, sourceParent).data().toString().isEmpty())
            return false;
        break;
    case Show::Unknown:
        if (sourceModel()->index(sourceRow, ResultsModel::UnknownColumn, sourceParent).data(ResultsModel::SortRole).toInt() == 0)
            return false;
        break;
    }
    if (m_words.isEmpty())
        return true;
    const QString text = index.data(ResultsModel::FilterTextRole).toString();
    for (const QString &w : m_words)
        if (!text.contains(w))
            return false;
    return true;
}

bool ResultsFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(ResultsModel::SortRole), r = right.data(ResultsModel::SortRole);
    if (l.typeId() == QMetaType::QString || r.typeId() == QMetaType::QString)
        return QString::localeAwareCompare(l.toString(), r.toString()) < 0;
    return l.toDouble() < r.toDouble();
}

} // namespace photopeak::ui
