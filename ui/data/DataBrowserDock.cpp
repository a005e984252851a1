// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "data/DataBrowserDock.h"

#include "data/DatasetFilterProxy.h"
#include "data/DatasetModel.h"
#include "data/DatasetTreeModel.h"
#include "data/ElideMiddleDelegate.h"

#include <QHeaderView>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSettings>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace photopeak::ui {

namespace {
const QString kTreeKey = QStringLiteral("browser/tree");

// Rows from the root down to `index`: sorting these keys gives view order, ancestors first.
std::vector<int> rowPath(QModelIndex index)
{
    std::vector<int> path;
    for (; index.isValid(); index = index.parent())
        path.push_back(index.row());
    std::reverse(path.begin(), path.end());
    return path;
}

bool isPrefix(const std::vector<int> &prefix, const std::vector<int> &path)
{
    return prefix.size() < path.size() && std::equal(prefix.begin(), prefix.end(), path.begin());
}
} // namespace

DataBrowserDock::DataBrowserDock(DatasetModel *model, QWidget *parent)
    : QDockWidget(tr("Data"), parent)
    , m_model(model)
    , m_treeModel(new DatasetTreeModel(model, this))
    , m_listProxy(new DatasetFilterProxy(this))
    , m_treeProxy(new DatasetFilterProxy(this))
    , m_filter(new QLineEdit)
    , m_problemsOnly(new QToolButton)
    , m_treeButton(new QToolButton)
    , m_stack(new QStackedWidget)
    , m_listView(new QTreeView)
    , m_treeView(new QTreeView)
    , m_summary(new QLabel)
    , m_emitTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("dataBrowserDock"));
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_listProxy->setSourceModel(model);
    m_treeProxy->setRecursiveFilteringEnabled(true);  // folders stay as parents of matches
    m_treeProxy->setSourceModel(m_treeModel);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    auto *filterRow = new QHBoxLayout;
    filterRow->setSpacing(4);
    m_filter->setPlaceholderText(tr("Filter: name, folder, label or flag (e.g. Cs137 60s)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("dataFilter"));
    m_problemsOnly->setCheckable(true);
    m_problemsOnly->setIcon(QIcon(QStringLiteral(":/icons/warning.svg")));
    m_problemsOnly->setText(tr("Problems"));
    m_problemsOnly->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_problemsOnly->setToolTip(tr("Show only spectra with problems (all-zero, missing calibration, ...)"));
    m_treeButton->setCheckable(true);
    m_treeButton->setObjectName(QStringLiteral("dataTreeMode"));
    m_treeButton->setText(tr("Tree"));
    m_treeButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_treeButton->setToolTip(tr("Show folders, files and the spectra of multi-spectrum files as a tree; "
                                "off: a flat sortable list"));
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_problemsOnly);
    filterRow->addWidget(m_treeButton);
    layout->addLayout(filterRow);

    m_listView->setModel(m_listProxy);
    m_listView->setObjectName(QStringLiteral("dataView"));
    setupView(m_listView, false);
    m_treeView->setModel(m_treeProxy);
    m_treeView->setObjectName(QStringLiteral("dataTreeView"));
    setupView(m_treeView, true);
    m_stack->addWidget(m_treeView);
    m_stack->addWidget(m_listView);
    layout->addWidget(m_stack, 1);

    m_summary->setObjectName(QStringLiteral("dataSummary"));
    m_summary->setStyleSheet(QStringLiteral("QLabel { color: #505050; }"));
    layout->addWidget(m_summary);
    setWidget(content);

    m_tree = QSettings().value(kTreeKey, true).toBool();
    m_treeButton->setChecked(m_tree);
    m_stack->setCurrentWidget(m_tree ? m_treeView : m_listView);
    connect(m_treeButton, &QToolButton::toggled, this, &DataBrowserDock::setTreeMode);

    // Typing filters after a short pause so large datasets stay fluid.
    auto *filterDelay = new QTimer(this);
    filterDelay->setSingleShot(true);
    filterDelay->setInterval(150);
    connect(m_filter, &QLineEdit::textChanged, filterDelay, qOverload<>(&QTimer::start));
    connect(filterDelay, &QTimer::timeout, this, &DataBrowserDock::applyFilter);
    connect(m_problemsOnly, &QToolButton::toggled, this, &DataBrowserDock::applyFilter);
    // Selection and current row change together: coalesce into one notification (one redraw).
    m_emitTimer->setSingleShot(true);
    m_emitTimer->setInterval(0);
    connect(m_emitTimer, &QTimer::timeout, this, &DataBrowserDock::emitSelection);
    for (QTreeView *view : {m_listView, m_treeView}) {
        connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, m_emitTimer, qOverload<>(&QTimer::start));
        connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, m_emitTimer, qOverload<>(&QTimer::start));
    }
    connect(m_model, &QAbstractItemModel::modelReset, this, &DataBrowserDock::onModelReset);
    updateSummary();
}

void DataBrowserDock::setupView(QTreeView *view, bool tree)
{
    view->setRootIsDecorated(tree);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSortingEnabled(true);
    view->sortByColumn(-1, Qt::AscendingOrder);  // dataset order (sorted paths) until the user sorts
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAllColumnsShowFocus(true);
    view->setTextElideMode(Qt::ElideRight);  // names differ at their start (time stamps)
    if (tree) {
        view->setIndentation(14);
        view->setExpandsOnDoubleClick(true);
    } else {
        view->setItemDelegateForColumn(DatasetModel::FolderColumn, new ElideMiddleDelegate(view));
    }
    QHeaderView *header = view->header();
    header->setStretchLastSection(false);
    header->setSectionsMovable(true);
    header->setMinimumSectionSize(40);
    // The name takes whatever width is left, so the table never needs a horizontal scroll bar.
    header->setSectionResizeMode(DatasetModel::NameColumn, QHeaderView::Stretch);
    const QFontMetrics fm = view->fontMetrics();
    const auto widthOf = [&fm](const QString &sample) { return fm.horizontalAdvance(sample) + 12; };
    header->resizeSection(DatasetModel::FolderColumn, widthOf(QStringLiteral("srcs/Cs137/60s/15cm")));
    header->resizeSection(DatasetModel::LabelsColumn, widthOf(QStringLiteral("Co60, Cs137")));
    header->resizeSection(DatasetModel::LiveTimeColumn, widthOf(QStringLiteral("Live time_")));
    header->resizeSection(DatasetModel::CountsColumn,
                          widthOf(tree ? tr("%1 spectra").arg(QLocale().toString(10000)) : QStringLiteral("1,000,000")));
    header->resizeSection(DatasetModel::FlagsColumn, widthOf(QStringLiteral("distance-0_")));
    if (tree)
        view->setColumnHidden(DatasetModel::FolderColumn, true);  // the tree shows the folders
}

QTreeView *DataBrowserDock::view() const { return m_tree ? m_treeView : m_listView; }

DatasetFilterProxy *DataBrowserDock::proxy() const { return m_tree ? m_treeProxy : m_listProxy; }

void DataBrowserDock::setTreeMode(bool tree)
{
    if (m_treeButton->isChecked() != tree)
        m_treeButton->setChecked(tree);  // comes back here through toggled
    if (tree == m_tree)
        return;
    const QList<int> selected = selectedEntries();
    const int current = currentEntry();
    m_tree = tree;
    QSettings().setValue(kTreeKey, tree);
    m_stack->setCurrentWidget(view());
    if (tree && m_filterActive)
        expandMatches();
    selectEntries(selected, current);
    m_emitTimer->start();
}

QList<int> DataBrowserDock::selectedEntries() const
{
    QModelIndexList rows = view()->selectionModel()->selectedRows();
    QList<int> out;
    if (!m_tree) {
        std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
        out.reserve(rows.size());
        for (const QModelIndex &index : rows)
            out << index.data(DatasetModel::EntryIndexRole).toInt();
        return out;
    }
    // Tree: view order; a selected folder or file stands for every listed spectrum below it.
    std::vector<std::pair<std::vector<int>, QModelIndex>> keyed;
    keyed.reserve(static_cast<size_t>(rows.size()));
    for (const QModelIndex &index : rows)
        keyed.emplace_back(rowPath(index), index);
    std::sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    const std::vector<int> *lastGroup = nullptr;
    for (const auto &[path, index] : keyed) {
        if (lastGroup && isPrefix(*lastGroup, path))
            continue;  // already included with its selected folder
        const int entry = index.data(DatasetModel::EntryIndexRole).toInt();
        if (entry >= 0) {
            out << entry;
            continue;
        }
        lastGroup = &path;
        if (!m_filterActive) {
            out << m_treeModel->entriesBelow(m_treeProxy->mapToSource(index));
            continue;
        }
        // Only what the filter shows, depth first.
        std::vector<QModelIndex> stack{index};
        while (!stack.empty()) {
            const QModelIndex node = stack.back();
            stack.pop_back();
            const int e = node.data(DatasetModel::EntryIndexRole).toInt();
            if (e >= 0)
                out << e;
            for (int r = m_treeProxy->rowCount(node) - 1; r >= 0; --r)
                stack.push_back(m_treeProxy->index(r, 0, node));
        }
    }
    return out;
}

int DataBrowserDock::currentEntry() const
{
    const QItemSelectionModel *selection = view()->selectionModel();
    const QModelIndex current = selection->currentIndex();
    if (!current.isValid() || !selection->isRowSelected(current.row(), current.parent()))
        return -1;
    return current.siblingAtColumn(0).data(DatasetModel::EntryIndexRole).toInt();
}

void DataBrowserDock::selectFirstUsable()
{
    const QAbstractItemModel *model = proxy();
    QModelIndex first;
    QModelIndex usable;
    // Depth first in view order: the first spectrum row without a warning, else the first spectrum row.
    std::vector<QModelIndex> stack;
    for (int r = model->rowCount() - 1; r >= 0; --r)
        stack.push_back(model->index(r, 0));
    while (!stack.empty() && !usable.isValid()) {
        const QModelIndex index = stack.back();
        stack.pop_back();
        if (index.data(DatasetModel::EntryIndexRole).toInt() >= 0) {
            if (!first.isValid())
                first = index;
            if (!index.data(DatasetModel::HasProblemRole).toBool())
                usable = index;
            continue;
        }
        if (!index.data(DatasetModel::HasProblemRole).toBool() || !first.isValid()) {
            for (int r = model->rowCount(index) - 1; r >= 0; --r)
                stack.push_back(model->index(r, 0, index));
        } else if (model->data(model->index(index.row(), DatasetModel::CountsColumn, index.parent()), DatasetModel::SortRole)
                       .toDouble()
                   > 0) {
            // A group with flagged rows may still hold usable ones.
            for (int r = model->rowCount(index) - 1; r >= 0; --r)
                stack.push_back(model->index(r, 0, index));
        }
    }
    const QModelIndex index = usable.isValid() ? usable : first;
    if (!index.isValid())
        return;
    view()->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view()->scrollTo(index);
}

QModelIndex DataBrowserDock::viewIndexOfEntry(int entryIndex) const
{
    if (m_tree)
        return m_treeProxy->mapFromSource(m_treeModel->indexOfEntry(entryIndex));
    return m_listProxy->mapFromSource(m_model->index(entryIndex, 0));
}

bool DataBrowserDock::selectEntry(int entryIndex)
{
    if (!m_model->entry(entryIndex))
        return false;
    QModelIndex index = viewIndexOfEntry(entryIndex);
    if (!index.isValid()) {
        // Hidden by the filter: clear it rather than show a spectrum the list does not.
        const QSignalBlocker block(m_problemsOnly);
        m_filter->clear();
        m_problemsOnly->setChecked(false);
        applyFilter();
        index = viewIndexOfEntry(entryIndex);
    }
    if (!index.isValid())
        return false;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        m_treeView->expand(p);
    view()->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view()->scrollTo(index);
    return true;
}

void DataBrowserDock::selectEntries(const QList<int> &entries, int current)
{
    QItemSelection selection;
    QModelIndex rangeStart;
    QModelIndex rangeEnd;
    const auto flush = [&] {
        if (rangeStart.isValid())
            selection.append(QItemSelectionRange(rangeStart, rangeEnd));
    };
    for (int entry : entries) {
        const QModelIndex index = viewIndexOfEntry(entry);
        if (!index.isValid())
            continue;
        if (rangeStart.isValid() && index.parent() == rangeEnd.parent() && index.row() == rangeEnd.row() + 1) {
            rangeEnd = index;
            continue;
        }
        flush();
        rangeStart = rangeEnd = index;
    }
    flush();
    QItemSelectionModel *model = view()->selectionModel();
    model->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QModelIndex currentIndex = viewIndexOfEntry(current >= 0 ? current : entries.value(0, -1));
    if (currentIndex.isValid()) {
        for (QModelIndex p = currentIndex.parent(); p.isValid(); p = p.parent())
            m_treeView->expand(p);
        model->setCurrentIndex(currentIndex, QItemSelectionModel::NoUpdate);
        view()->scrollTo(currentIndex);
    }
}

void DataBrowserDock::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void DataBrowserDock::applyFilter()
{
    const bool problems = m_problemsOnly->isChecked();
    for (DatasetFilterProxy *p : {m_listProxy, m_treeProxy}) {
        p->setFilterWords(m_filter->text());
        p->setProblemsOnly(problems);
    }
    m_filterActive = problems || !m_filter->text().trimmed().isEmpty();
    if (m_filterActive)
        expandMatches();
    else
        expandDefault();
    updateSummary();
}

void DataBrowserDock::expandMatches()
{
    // Folders left by the filter all hold matches: open them; open a multi-spectrum file only when the
    // filter picked some of its spectra.
    std::vector<QModelIndex> stack{QModelIndex()};
    while (!stack.empty()) {
        const QModelIndex parent = stack.back();
        stack.pop_back();
        for (int r = 0, n = m_treeProxy->rowCount(parent); r < n; ++r) {
            const QModelIndex index = m_treeProxy->index(r, 0, parent);
            const QModelIndex source = m_treeProxy->mapToSource(index);
            if (!m_treeModel->isGroup(source))
                continue;
            if (m_treeModel->kind(source) == DatasetTreeModel::Kind::Folder) {
                m_treeView->expand(index);
                stack.push_back(index);
            } else if (m_treeProxy->rowCount(index) < m_treeModel->spectrumCount(source)) {
                m_treeView->expand(index);
            }
        }
    }
}

void DataBrowserDock::expandDefault()
{
    // Top-level folders open; a chain of single folders opens down to the first level with a choice.
    QModelIndex parent;
    for (int depth = 0; depth < 32; ++depth) {
        const int n = m_treeProxy->rowCount(parent);
        QModelIndex only;
        for (int r = 0; r < n; ++r) {
            const QModelIndex index = m_treeProxy->index(r, 0, parent);
            const QModelIndex source = m_treeProxy->mapToSource(index);
            if (m_treeModel->kind(source) != DatasetTreeModel::Kind::Folder)
                continue;
            if (depth == 0 || n == 1)
                m_treeView->expand(index);
            only = index;
        }
        if (n != 1 || !only.isValid())
            break;
        parent = only;
    }
}

void DataBrowserDock::onModelReset()
{
    m_treeView->collapseAll();
    if (m_filterActive)
        expandMatches();
    else
        expandDefault();
    updateSummary();
    m_emitTimer->start();
}

void DataBrowserDock::emitSelection() { emit selectionChanged(selectedEntries(), currentEntry()); }

void DataBrowserDock::updateSummary()
{
    const QLocale locale;
    const int total = m_model->rowCount();
    if (total == 0) {
        m_summary->setText(tr("No data opened"));
        return;
    }
    QString text = tr("%1 spectra").arg(locale.toString(total));
    if (m_model->problemCount() > 0)
        text += tr(" · %1 flagged").arg(locale.toString(m_model->problemCount()));
    const int shown = m_listProxy->rowCount();  // both views apply the same filter
    if (shown != total)
        text += tr(" · %1 shown").arg(locale.toString(shown));
    m_summary->setText(text);
}

} // namespace photopeak::ui
