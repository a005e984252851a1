// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QDockWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;
class QTreeView;

namespace photopeak::ui {

class ResultsFilterProxy;
class ResultsModel;

// Dock with the results table: filter words, a "show" selector (all, sources, backgrounds, problems,
// unknown isotope), a sortable table and a summary line. Clicking a row asks for its spectrum.
class ResultsDock : public QDockWidget {
    Q_OBJECT
public:
    ResultsDock(ResultsModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    ResultsFilterProxy *proxy() const { return m_proxy; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *showCombo() const { return m_show; }
    QToolButton *exportButton() const { return m_export; }
    QToolButton *reportButton() const { return m_report; }
    // Selects the row of a dataset entry without emitting entryActivated (for linked selection).
    void selectEntry(int entryIndex);

signals:
    void entryActivated(int entryIndex);
    void exportCsvRequested();
    void exportReportsRequested();

private:
    void onModelReset();
    void updateSummary();

    ResultsModel *m_model;
    ResultsFilterProxy *m_proxy;
    QLineEdit *m_filter;
    QComboBox *m_show;
    QToolButton *m_export;
    QToolButton *m_report;
    QTreeView *m_view;
    QLabel *m_summary;
    bool m_selectingQuietly = false;
};

} // namespace photopeak::ui
