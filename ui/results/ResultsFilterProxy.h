// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QSortFilterProxyModel>

namespace photopeak::ui {

// Sorting by ResultsModel::SortRole; filtering by words (all must occur) and by decision.
class ResultsFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class Show { All, Sources, Backgrounds, Problems, Unknown };

    explicit ResultsFilterProxy(QObject *parent = nullptr);
    void setFilterWords(const QString &text);
    void setShow(Show show);
    Show show() const { return m_show; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QStringList m_words;
    Show m_show = Show::All;
};

} // namespace photopeak::ui
