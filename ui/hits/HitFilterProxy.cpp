// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitFilterProxy.h"

#include "hits/HitListModel.h"

namespace photopeak {

HitFilterProxy::HitFilterProxy(QObject *parent) : QSortFilterProxyModel(parent) {}

void HitFilterProxy::setClassFilter(ClassFilter mode, const QString &name)
{
    m_mode = mode;
    m_name = name;
    invalidateFilter();
}

void HitFilterProxy::setCluster(int cluster)
{
    m_cluster = cluster;
    invalidateFilter();
}

void HitFilterProxy::setProbabilityRange(double low, double high)
{
    m_pLow = low;
    m_pHigh = high;
    invalidateFilter();
}

void HitFilterProxy::setShowMarked(bool show)
{
    m_showMarked = show;
    invalidateFilter();
}

void HitFilterProxy::setFeatureRange(int column, double low, double high)
{
    m_column = column;
    m_low = low;
    m_high = high;
    invalidateFilter();
}

bool HitFilterProxy::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    const auto *m = qobject_cast<const HitListModel *>(sourceModel());
    if (!m)
        return true;
    const QModelIndex i = m->index(row, 0, parent);
    switch (m_mode) {
    case ClassFilter::Any: break;
    case ClassFilter::Label:
        if (i.data(HitListModel::LabelRole).toString() != m_name)
            return false;
        break;
    case ClassFilter::Predicted:
        if (i.data(HitListModel::PredictedRole).toString() != m_name)
            return false;
        break;
    case ClassFilter::Unlabelled:
        if (!i.data(HitListModel::LabelRole).toString().isEmpty())
            return false;
        break;
    case ClassFilter::Misclassified:
        if (!i.data(HitListModel::MisclassifiedRole).toBool())
            return false;
        break;
    }
    if (m_cluster >= 0 && i.data(HitListModel::ClusterRole).toInt() != m_cluster)
        return false;
    if (!m_showMarked && i.data(HitListModel::FlagsRole).toUInt() != 0)
        return false;
    const double p = i.data(HitListModel::ProbabilityRole).toDouble();
    if (p >= 0 && (p < m_pLow || p > m_pHigh))
        return false;
    if (m_column >= 0 && m_column < m->features().cols && row < m->features().rows) {
        const double v = m->features().at(row, m_column);
        if (v < m_low || v > m_high)
            return false;
    }
    return true;
}

} // namespace photopeak
