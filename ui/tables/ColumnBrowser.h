// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "tables/ColumnStatistics.h"
#include "tables/EventTable.h"

#include <QStringList>
#include <QWidget>

class QLineEdit;
class QTableWidget;

namespace photopeak::ui {

// The columns of an event table with type and statistics (present, missing, min, median, mean, max); a
// check box per numeric column picks the features; a filter box narrows the list by name.
class ColumnBrowser : public QWidget {
    Q_OBJECT
public:
    explicit ColumnBrowser(QWidget *parent = nullptr);
    // `checked`: columns ticked initially.
    void setTable(const EventTable &table, const QStringList &checked);
    QStringList checkedColumns() const;
    void setChecked(const QStringList &columns);
    QString currentColumn() const;
    void setCurrentColumn(const QString &name);

signals:
    void currentColumnChanged(const QString &name);

private:
    QLineEdit *m_filter = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace photopeak::ui
