// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/ColumnBrowser.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QHBoxLayout>
#include <QTableWidget>
#include <QVBoxLayout>

namespace photopeak::ui {

namespace {
QTableWidgetItem *numberItem(double v, int decimals = -1)
{
    auto *item = new QTableWidgetItem;
    item->setData(Qt::DisplayRole, decimals < 0 ? QVariant(QString::number(v, 'g', 5)) : QVariant(v));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}
} // namespace

ColumnBrowser::ColumnBrowser(QWidget *parent) : QWidget(parent), m_filter(new QLineEdit(this)), m_table(new QTableWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_filter->setPlaceholderText(tr("Filter columns by name"));
    m_filter->setClearButtonEnabled(true);
    bar->addWidget(m_filter, 1);
    auto *all = new QPushButton(tr("All"), this);
    auto *none = new QPushButton(tr("None"), this);
    bar->addWidget(all);
    bar->addWidget(none);
    layout->addLayout(bar);
    layout->addWidget(m_table);
    m_table->setColumnCount(8);
    m_table->setHorizontalHeaderLabels({tr("Column"), tr("Type"), tr("Present"), tr("Missing"), tr("Min"), tr("Median"),
                                        tr("Mean"), tr("Max")});
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 4);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The name is what the user reads: never cut. The statistics follow at their own width and the table
    // scrolls sideways when the panel is narrow; the type is the storage type alone (the kind is in its tooltip).
    m_table->setObjectName(QStringLiteral("columnTable"));
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setTextElideMode(Qt::ElideMiddle);
    for (int c = 0; c < 8; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int r = 0; r < m_table->rowCount(); ++r)
            m_table->setRowHidden(r, !m_table->item(r, 0)->text().contains(text, Qt::CaseInsensitive));
    });
    auto setAll = [this](bool on) {
        for (int r = 0; r < m_table->rowCount(); ++r)
            if (!m_table->isRowHidden(r) && (m_table->item(r, 0)->flags() & Qt::ItemIsUserCheckable))
                m_table->item(r, 0)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    };
    connect(all, &QPushButton::clicked, this, [setAll] { setAll(true); });
    connect(none, &QPushButton::clicked, this, [setAll] { setAll(false); });
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0)
            emit currentColumnChanged(m_table->item(row, 0)->text());
    });
}

void ColumnBrowser::setTable(const EventTable &table, const QStringList &checked)
{
    m_table->setSortingEnabled(false);
    m_table->setRowCount(table.columnCount());
    for (int c = 0; c < table.columnCount(); ++c) {
        const ColumnInfo &info = table.column(c);
        auto *name = new QTableWidgetItem(info.name);
        name->setToolTip(info.name);
        name->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled | (info.isNumeric() ? Qt::ItemIsUserCheckable : Qt::NoItemFlags));
        if (info.isNumeric())
            name->setCheckState(checked.contains(info.name) ? Qt::Checked : Qt::Unchecked);
        m_table->setItem(c, 0, name);
        auto *type = new QTableWidgetItem(info.storage.isEmpty() ? columnTypeName(info.type) : info.storage);
        type->setToolTip(QStringLiteral("%1 (%2)").arg(columnTypeName(info.type), info.storage));
        type->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
        m_table->setItem(c, 1, type);
        const ColumnStatistics s = ColumnStatistics::of(table, c);
        m_table->setItem(c, 2, numberItem(double(s.count), 0));
        m_table->setItem(c, 3, numberItem(double(s.missing), 0));
        m_table->setItem(c, 4, numberItem(s.min));
        m_table->setItem(c, 5, numberItem(s.median));
        m_table->setItem(c, 6, numberItem(s.mean));
        m_table->setItem(c, 7, numberItem(s.max));
    }
    m_filter->clear();
}

QStringList ColumnBrowser::checkedColumns() const
{
    QStringList out;
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (m_table->item(r, 0)->checkState() == Qt::Checked)
            out << m_table->item(r, 0)->text();
    return out;
}

void ColumnBrowser::setChecked(const QStringList &columns)
{
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (m_table->item(r, 0)->flags() & Qt::ItemIsUserCheckable)
            m_table->item(r, 0)->setCheckState(columns.contains(m_table->item(r, 0)->text()) ? Qt::Checked : Qt::Unchecked);
}

QString ColumnBrowser::currentColumn() const
{
    const int r = m_table->currentRow();
    return r < 0 ? QString() : m_table->item(r, 0)->text();
}

void ColumnBrowser::setCurrentColumn(const QString &name)
{
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (m_table->item(r, 0)->text() == name)
            m_table->setCurrentCell(r, 0);
}

} // namespace photopeak::ui
