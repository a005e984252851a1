#pragma once

#include <QDockWidget>
#include <QList>

class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;
class QTreeView;

namespace photopeak::ui {

class DatasetFilterProxy;
class DatasetModel;

// Dock listing the opened spectra: filter box, "problems only" toggle, sortable multi-select table and a
// one-line summary. Emits the selected entries (indices into the dataset) in view order.
class DataBrowserDock : public QDockWidget {
    Q_OBJECT
public:
    DataBrowserDock(DatasetModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    DatasetFilterProxy *proxy() const { return m_proxy; }
    QList<int> selectedEntries() const;
    int currentEntry() const;  // -1 if none

    // Selects the first row without a warning (or the first row) and makes it current.
    void selectFirstUsable();
    // Makes one entry (index into the dataset) the only selected and current row; false if it is not listed.
    bool selectEntry(int entryIndex);
    void focusFilter();

signals:
    void selectionChanged(const QList<int> &entries, int current);

private:
    void onModelReset();
    void emitSelection();
    void updateSummary();

    DatasetModel *m_model;
    DatasetFilterProxy *m_proxy;
    QLineEdit *m_filter;
    QToolButton *m_problemsOnly;
    QTreeView *m_view;
    QLabel *m_summary;
    QTimer *m_emitTimer;
};

} // namespace photopeak::ui
