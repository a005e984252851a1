// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QSortFilterProxyModel>

namespace photopeak {

// Which hits the thumbnail grid shows: by label or predicted class, cluster, probability of the predicted
// class, artefact marks and the range of one feature.
class HitFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class ClassFilter { Any, Label, Predicted, Unlabelled, Misclassified };

    explicit HitFilterProxy(QObject *parent = nullptr);

    void setClassFilter(ClassFilter mode, const QString &name = {});
    void setCluster(int cluster);                   // -1 any
    void setProbabilityRange(double low, double high);
    void setShowMarked(bool show);                  // hits marked by artefact rules
    void setFeatureRange(int column, double low, double high);  // column -1: off

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    ClassFilter m_mode = ClassFilter::Any;
    QString m_name;
    int m_cluster = -1;
    double m_pLow = 0.0, m_pHigh = 1.0;
    bool m_showMarked = true;
    int m_column = -1;
    double m_low = 0.0, m_high = 0.0;
};

} // namespace photopeak
