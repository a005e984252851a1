// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QDockWidget>
#include <QList>

class QLabel;
class QLineEdit;
class QModelIndex;
class QStackedWidget;
class QTimer;
class QToolButton;
class QTreeView;

namespace photopeak::ui {

class DatasetFilterProxy;
class DatasetModel;
class DatasetTreeModel;

// Dock listing the opened spectra: filter box, "problems only" toggle, Tree/List switch, multi-select view
// and a one-line summary. Tree mode (the default, remembered as "browser/tree") shows folders, files and the
// spectra of multi-spectrum files; list mode is the flat sortable table. Selecting a folder or file selects
// every spectrum below it. Emits the selected entries (indices into the dataset) in view order.
class DataBrowserDock : public QDockWidget {
    Q_OBJECT
public:
    DataBrowserDock(DatasetModel *model, QWidget *parent = nullptr);

    // The view and proxy of the current mode.
    QTreeView *view() const;
    DatasetFilterProxy *proxy() const;
    QTreeView *listView() const { return m_listView; }
    QTreeView *treeView() const { return m_treeView; }
    DatasetFilterProxy *listProxy() const { return m_listProxy; }
    DatasetFilterProxy *treeProxy() const { return m_treeProxy; }
    DatasetTreeModel *treeModel() const { return m_treeModel; }
    QToolButton *treeButton() const { return m_treeButton; }
    QLineEdit *filterEdit() const { return m_filter; }

    bool isTreeMode() const { return m_tree; }
    // Switches between tree and list, keeping the selection; stored in the settings.
    void setTreeMode(bool tree);

    QList<int> selectedEntries() const;
    int currentEntry() const;  // -1 if none (or the current row is a folder)

    // Selects the first spectrum without a warning (or the first spectrum) and makes it current.
    void selectFirstUsable();
    // Makes one entry (index into the dataset) the only selected and current row, expanding its folders;
    // false if it is not listed.
    bool selectEntry(int entryIndex);
    void focusFilter();

signals:
    void selectionChanged(const QList<int> &entries, int current);

private:
    void setupView(QTreeView *view, bool tree);
    void onModelReset();
    void emitSelection();
    void updateSummary();
    void applyFilter();
    void expandMatches();
    void expandDefault();
    QModelIndex viewIndexOfEntry(int entryIndex) const;
    void selectEntries(const QList<int> &entries, int current);

    DatasetModel *m_model;
    DatasetTreeModel *m_treeModel;
    DatasetFilterProxy *m_listProxy;
    DatasetFilterProxy *m_treeProxy;
    QLineEdit *m_filter;
    QToolButton *m_problemsOnly;
    QToolButton *m_treeButton;
    QStackedWidget *m_stack;
    QTreeView *m_listView;
    QTreeView *m_treeView;
    QLabel *m_summary;
    QTimer *m_emitTimer;
    bool m_tree = true;
    bool m_filterActive = false;
};

} // namespace photopeak::ui
