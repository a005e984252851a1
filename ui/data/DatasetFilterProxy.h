// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QCollator>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace photopeak::ui {

// Filters the dataset table by words (all must occur in path, labels or flags; case-insensitive) and
// optionally to problem rows only; sorts numeric columns numerically.
class DatasetFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit DatasetFilterProxy(QObject *parent = nullptr);

    void setFilterWords(const QString &text);
    void setProblemsOnly(bool on);
    bool problemsOnly() const { return m_problemsOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QStringList m_words;
    bool m_problemsOnly = false;
    QCollator m_collator;  // natural order: file2 before file10
};

} // namespace photopeak::ui
