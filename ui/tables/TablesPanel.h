// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "tables/EventTable.h"
#include "tables/EventTraining.h"
#include "tables/TableDescription.h"
#include "util/Result.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace photopeak::ui {

class ClassConfusionView;
class ClassHistogramView;
class JobRunner;
class ColumnBrowser;
class ColumnScatterView;
class Histogram2DView;
class ImportanceView;
class RocCurveView;

// The event-table workspace: open an HDF5 table file, pick the table and the tables joined onto it,
// browse the columns with statistics, tick the features, write the label expression and a cut, balance,
// train (off the GUI thread) and look at per-class histograms, a 2-D histogram of two columns with a cut,
// the ROC curve, the confusion matrix and the feature importances; every view exports as PNG.
class TablesPanel : public QWidget {
    Q_OBJECT
public:
    explicit TablesPanel(QWidget *parent = nullptr);
    ~TablesPanel() override;

    // The panel of the tab widget (created on first use) asks for a file and opens it.
    static TablesPanel *openInTabs(QTabWidget *tabs);
    void chooseAndOpen();
    Status openFile(const QString &path);
    // Reads the chosen table (and joins) of the open file.
    Status loadTable(const QString &table, const QStringList &joins);
    void setLabel(const QString &expression, const QString &positiveName, const QString &negativeName);
    void setFeatures(const QStringList &columns);
    void set2D(const QString &x, const QString &y, const QString &cut, bool scatter = false);
    // Starts a training; `wait` blocks until it is done (scripts, screenshots, tests).
    void train(bool wait = false);
    void showView(int index);
    QWidget *currentView() const;
    Status exportCurrentView(const QString &path) const;
    const EventTrainingResult *result() const { return m_result.get(); }
    const EventTable &table() const { return m_table; }

signals:
    void trainingFinished(bool ok);

private:
    void updateClasses();
    void updateHistogram();
    void update2D();
    void showResult();
    void setStatus(const QString &text, bool error = false);
    // Where the columns of an expression the open table lacks are found in the file, and how to use them.
    QString joinHint(const QStringList &columns) const;

    static constexpr qint64 kBrowseRows = 500000;
    QString m_file;
    std::vector<TableDescription> m_catalog;  // every table of the open file
    EventTable m_table;
    qint64 m_fileRows = 0;
    std::vector<int> m_classOfRow;
    std::unique_ptr<EventTrainingResult> m_result;
    JobRunner *m_runner = nullptr;

    QLabel *m_fileLabel = nullptr;
    QComboBox *m_tableBox = nullptr;
    QListWidget *m_joins = nullptr;
    ColumnBrowser *m_columns = nullptr;
    QLineEdit *m_label = nullptr, *m_positive = nullptr, *m_negative = nullptr, *m_filter = nullptr;
    QComboBox *m_balance = nullptr, *m_normalise = nullptr, *m_method = nullptr;
    QPushButton *m_train = nullptr;
    QLabel *m_status = nullptr;
    QTabWidget *m_views = nullptr;
    ClassHistogramView *m_histogram = nullptr;
    QComboBox *m_x = nullptr, *m_y = nullptr;
    QLineEdit *m_cut = nullptr;
    Histogram2DView *m_hist2d = nullptr;
    ColumnScatterView *m_scatter = nullptr;
    QComboBox *m_plot2d = nullptr;
    QStackedWidget *m_stack2d = nullptr;
    RocCurveView *m_roc = nullptr;
    ClassConfusionView *m_confusion = nullptr;
    ImportanceView *m_weights = nullptr, *m_permutation = nullptr;
    QPlainTextEdit *m_report = nullptr;
};

} // namespace photopeak::ui
