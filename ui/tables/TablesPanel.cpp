// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/TablesPanel.h"

#include "tables/ClassConfusionView.h"
#include "tables/ClassHistogramView.h"
#include "tables/ColumnBrowser.h"
#include "tables/ColumnScatterView.h"
#include "tables/Histogram2DView.h"
#include "tables/ImportanceView.h"
#include "tables/RocCurveView.h"
#include "tables/TableCatalog.h"
#include "io/AtomicFile.h"
#include "io/OutputGuard.h"
#include "jobs/JobRunner.h"
#include "tables/TableExpression.h"

#include <QBuffer>
#include <QComboBox>
#include <QStackedWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QEventLoop>

#include <algorithm>
#include <cmath>
#include <limits>

namespace photopeak::ui {

TablesPanel::TablesPanel(QWidget *parent) : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *open = new QPushButton(tr("Open…"), this);
    m_fileLabel = new QLabel(tr("No table file open"), this);
    m_tableBox = new QComboBox(this);
    m_tableBox->setMinimumContentsLength(18);
    top->addWidget(open);
    top->addWidget(m_fileLabel, 1);
    top->addWidget(new QLabel(tr("Table:"), this));
    top->addWidget(m_tableBox);
    outer->addLayout(top);

    auto *split = new QSplitter(this);
    outer->addWidget(split, 1);
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_joins = new QListWidget(left);
    m_joins->setMaximumHeight(3 * fontMetrics().height() + 12);
    m_joins->setToolTip(tr("Tables joined on event_id (first row per event); their columns are named <table>.<column>"));
    leftLayout->addWidget(new QLabel(tr("Join on event_id:"), left));
    leftLayout->addWidget(m_joins);
    m_columns = new ColumnBrowser(left);
    leftLayout->addWidget(m_columns, 1);
    auto *form = new QFormLayout;
    m_label = new QLineEdit(QStringLiteral("abs(type) == 14 && is_cc == 1"), left);
    m_positive = new QLineEdit(QStringLiteral("track"), left);
    m_negative = new QLineEdit(QStringLiteral("shower"), left);
    auto *names = new QHBoxLayout;
    names->addWidget(m_positive);
    names->addWidget(new QLabel(tr("vs"), left));
    names->addWidget(m_negative);
    m_filter = new QLineEdit(left);
    m_filter->setPlaceholderText(tr("e.g. energy > 10 (empty: every row)"));
    m_balance = new QComboBox(left);
    m_balance->addItem(tr("Downsample to the smaller class"), int(ClassBalancer::Mode::Downsample));
    m_balance->addItem(tr("Class weights"), int(ClassBalancer::Mode::Weights));
    m_balance->addItem(tr("None"), int(ClassBalancer::Mode::None));
    m_normalise = new QComboBox(left);
    for (auto m : {FeatureNormalizer::Method::QuantileNormal, FeatureNormalizer::Method::ZScore, FeatureNormalizer::Method::MinMax,
                   FeatureNormalizer::Method::None})
        m_normalise->addItem(FeatureNormalizer::methodName(m), int(m));
    m_method = new QComboBox(left);
    for (auto m : {LearnerMethod::LinearSvm, LearnerMethod::Logistic, LearnerMethod::RbfSvm, LearnerMethod::RandomForest})
        m_method->addItem(BinaryLearner::methodTitle(m), int(m));
    form->addRow(tr("Label (positive when true):"), m_label);
    form->addRow(tr("Classes:"), names);
    form->addRow(tr("Cut:"), m_filter);
    form->addRow(tr("Balance:"), m_balance);
    form->addRow(tr("Normalise:"), m_normalise);
    form->addRow(tr("Learner:"), m_method);
    leftLayout->addLayout(form);
    m_train = new QPushButton(tr("Train (grouped cross-validation)"), left);
    m_status = new QLabel(left);
    m_status->setWordWrap(true);
    leftLayout->addWidget(m_train);
    leftLayout->addWidget(m_status);

    auto *right = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_views = new QTabWidget(right);
    rightLayout->addWidget(m_views, 1);
    auto *exportButton = new QPushButton(tr("Export view as PNG…"), right);
    rightLayout->addWidget(exportButton, 0, Qt::AlignRight);
    m_histogram = new ClassHistogramView(m_views);
    m_views->addTab(m_histogram, tr("Histogram by class"));
    auto *page2d = new QWidget(m_views);
    auto *layout2d = new QVBoxLayout(page2d);
    auto *bar2d = new QHBoxLayout;
    m_x = new QComboBox(page2d);
    m_y = new QComboBox(page2d);
    m_cut = new QLineEdit(page2d);
    m_cut->setPlaceholderText(tr("cut, e.g. energy > 10"));
    bar2d->addWidget(new QLabel(tr("x"), page2d));
    bar2d->addWidget(m_x, 1);
    bar2d->addWidget(new QLabel(tr("y"), page2d));
    bar2d->addWidget(m_y, 1);
    bar2d->addWidget(m_cut, 1);
    m_plot2d = new QComboBox(page2d);
    m_plot2d->addItems({tr("2-D histogram (asinh)"), tr("scatter by class")});
    bar2d->addWidget(m_plot2d);
    layout2d->addLayout(bar2d);
    m_stack2d = new QStackedWidget(page2d);
    m_hist2d = new Histogram2DView(m_stack2d);
    m_scatter = new ColumnScatterView(m_stack2d);
    m_stack2d->addWidget(m_hist2d);
    m_stack2d->addWidget(m_scatter);
    layout2d->addWidget(m_stack2d, 1);
    m_views->addTab(page2d, tr("2-D histogram / scatter"));
    m_roc = new RocCurveView(m_views);
    m_views->addTab(m_roc, tr("ROC curve"));
    m_confusion = new ClassConfusionView(m_views);
    m_views->addTab(m_confusion, tr("Confusion matrix"));
    auto *importance = new QSplitter(Qt::Vertical, m_views);
    m_weights = new ImportanceView(importance);
    m_permutation = new ImportanceView(importance);
    m_views->addTab(importance, tr("Importance"));
    m_report = new QPlainTextEdit(m_views);
    m_report->setReadOnly(true);
    m_report->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_views->addTab(m_report, tr("Report"));
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    // Names for scripts and the window tests that drive the panel as a user does.
    m_joins->setObjectName(QStringLiteral("joinList"));
    m_label->setObjectName(QStringLiteral("labelExpression"));
    m_positive->setObjectName(QStringLiteral("positiveName"));
    m_negative->setObjectName(QStringLiteral("negativeName"));
    m_filter->setObjectName(QStringLiteral("rowCut"));
    m_balance->setObjectName(QStringLiteral("balanceBox"));
    m_normalise->setObjectName(QStringLiteral("normaliseBox"));
    m_method->setObjectName(QStringLiteral("learnerBox"));
    m_train->setObjectName(QStringLiteral("trainButton"));
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_views->setObjectName(QStringLiteral("viewTabs"));
    m_x->setObjectName(QStringLiteral("xColumn"));
    m_y->setObjectName(QStringLiteral("yColumn"));
    m_cut->setObjectName(QStringLiteral("cut2d"));
    m_plot2d->setObjectName(QStringLiteral("plot2dKind"));

    connect(open, &QPushButton::clicked, this, &TablesPanel::chooseAndOpen);
    auto reload = [this] {
        QStringList joins;
        for (int i = 0; i < m_joins->count(); ++i)
            if (m_joins->item(i)->checkState() == Qt::Checked)
                joins << m_joins->item(i)->text();
        if (Status ok = loadTable(m_tableBox->currentText(), joins); !ok)
            setStatus(ok.error().toString(), true);
    };
    connect(m_tableBox, &QComboBox::activated, this, reload);
    connect(m_joins, &QListWidget::itemChanged, this, reload);
    connect(m_columns, &ColumnBrowser::currentColumnChanged, this, [this] { updateHistogram(); });
    connect(m_label, &QLineEdit::editingFinished, this, [this] { updateClasses(); });
    connect(m_x, &QComboBox::activated, this, [this] { update2D(); });
    connect(m_y, &QComboBox::activated, this, [this] { update2D(); });
    connect(m_cut, &QLineEdit::editingFinished, this, [this] { update2D(); });
    connect(m_plot2d, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_stack2d->setCurrentIndex(i);
        update2D();
    });
    connect(m_train, &QPushButton::clicked, this, [this] { train(false); });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export view"), QString(), tr("PNG images (*.png)"));
        if (!path.isEmpty())
            if (Status ok = exportCurrentView(path); !ok)
                QMessageBox::warning(this, tr("Export view"), ok.error().toString());
    });
    m_runner = new JobRunner(this);
    connect(m_runner, &JobRunner::busyChanged, this, [this](bool busy) { m_train->setEnabled(!busy); });
    connect(m_runner, &JobRunner::progress, this, [this](qint64 done, qint64 total, const QString &stage) {
        setStatus(tr("Training: %1 %2 of %3").arg(stage).arg(done).arg(total));
    });
    connect(m_runner, &JobRunner::failed, this, [this](const QString &message) {
        setStatus(message, true);
        emit trainingFinished(false);
    });
}

TablesPanel::~TablesPanel() = default;  // the runner cancels its work and waits for it

TablesPanel *TablesPanel::openInTabs(QTabWidget *tabs)
{
    TablesPanel *panel = nullptr;
    for (int i = 0; i < tabs->count() && !panel; ++i)
        panel = qobject_cast<TablesPanel *>(tabs->widget(i));
    if (!panel) {
        panel = new TablesPanel(tabs);
        tabs->addTab(panel, tr("Event tables"));
    }
    tabs->setCurrentWidget(panel);
    panel->chooseAndOpen();
    return panel;
}

void TablesPanel::chooseAndOpen()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open event table"), QString(),
                                                      tr("HDF5 tables (*.h5 *.hdf5 *.hdf);;All files (*)"));
    if (path.isEmpty())
        return;
    if (Status ok = openFile(path); !ok)
        QMessageBox::warning(this, tr("Open event table"), ok.error().toString());
}

Status TablesPanel::openFile(const QString &path)
{
    auto tables = TableCatalog::list(path);
    if (!tables)
        return tables.error();
    m_file = path;
    m_catalog = *tables;
    m_fileLabel->setText(QFileInfo(path).fileName());
    m_fileLabel->setToolTip(path);
    m_tableBox->clear();
    m_joins->blockSignals(true);
    m_joins->clear();
    QString best;
    qint64 bestColumns = -1;
    for (const TableDescription &t : *tables) {
        m_tableBox->addItem(t.path);
        auto *item = new QListWidgetItem(t.path, m_joins);
        item->setCheckState(Qt::Unchecked);
        if (static_cast<qint64>(t.columns.size()) > bestColumns) {  // the widest table holds the features
            bestColumns = static_cast<qint64>(t.columns.size());
            best = t.path;
        }
    }
    m_joins->blockSignals(false);
    m_tableBox->setCurrentText(best);
    return loadTable(best, {});
}

Status TablesPanel::loadTable(const QString &table, const QStringList &joins)
{
    TableQuery q;
    q.table = table;
    q.joins = joins;
    q.joins.removeAll(table);
    // A huge table is browsed by its first rows (every column of them is held in memory); training then reads
    // the file itself, only the columns it needs.
    q.maxRows = kBrowseRows;
    QStringList notes;
    auto t = q.read(m_file, {}, &notes);
    if (!t)
        return t.error();
    auto main = TableCatalog::find(m_file, table);
    m_fileRows = main ? main->rows : t->rowCount();
    if (m_fileRows > kBrowseRows)
        notes.prepend(tr("Showing the first %1 of %2 rows; training reads all of them from the file.").arg(kBrowseRows).arg(m_fileRows));
    m_table = std::move(t).value();
    m_tableBox->setCurrentText(table);
    m_joins->blockSignals(true);
    for (int i = 0; i < m_joins->count(); ++i) {
        QListWidgetItem *item = m_joins->item(i);
        item->setCheckState(q.joins.contains(item->text()) ? Qt::Checked : Qt::Unchecked);
        // The table itself is not joined onto itself.
        const bool self = item->text() == table;
        item->setFlags(self ? Qt::ItemFlags() : Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    }
    m_joins->blockSignals(false);
    QStringList features;
    // Ticked at first: the numeric columns of the table itself that vary (a constant column, such as an
    // energy fit that was not run, carries nothing); the user changes this in the column browser.
    for (int c = 0; c < m_table.columnCount(); ++c) {
        const ColumnInfo &info = m_table.column(c);
        if (!info.isNumeric() || info.name.contains(QLatin1Char('.')) || info.name == QLatin1String("event_id"))
            continue;
        const std::vector<double> &v = m_table.numbers(c);
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (double x : v)
            if (!std::isnan(x)) {
                lo = std::min(lo, x);
                hi = std::max(hi, x);
            }
        if (hi > lo)
            features << info.name;
    }
    m_columns->setTable(m_table, features);
    m_x->clear();
    m_y->clear();
    for (const ColumnInfo &c : m_table.columns())
        if (c.isNumeric()) {
            m_x->addItem(c.name);
            m_y->addItem(c.name);
        }
    if (m_y->count() > 1)
        m_y->setCurrentIndex(1);
    setStatus(QStringLiteral("%1 rows, %2 columns. %3").arg(m_table.rowCount()).arg(m_table.columnCount()).arg(notes.join(QLatin1Char(' '))));
    updateClasses();
    update2D();
    return Ok{};
}

void TablesPanel::setLabel(const QString &expression, const QString &positiveName, const QString &negativeName)
{
    m_label->setText(expression);
    m_positive->setText(positiveName);
    m_negative->setText(negativeName);
    updateClasses();
}

void TablesPanel::setFeatures(const QStringList &columns) { m_columns->setChecked(columns); }

void TablesPanel::set2D(const QString &x, const QString &y, const QString &cut, bool scatter)
{
    {
        const QSignalBlocker block(m_plot2d);
        m_plot2d->setCurrentIndex(scatter ? 1 : 0);
        m_stack2d->setCurrentIndex(scatter ? 1 : 0);
    }
    m_x->setCurrentText(x);
    m_y->setCurrentText(y);
    m_cut->setText(cut);
    update2D();
}

void TablesPanel::updateClasses()
{
    m_classOfRow.assign(static_cast<size_t>(m_table.rowCount()), -1);
    auto e = TableExpression::parse(m_label->text());
    auto v = e ? e->evaluate(m_table) : Result<std::vector<double>>(e.error());
    if (!v) {
        setStatus(v.error().toString() + (e ? joinHint(e->columns()) : QString()), true);
    } else {
        for (size_t i = 0; i < v->size(); ++i)
            m_classOfRow[i] = std::isnan((*v)[i]) ? -1 : ((*v)[i] != 0.0 ? 1 : 0);
    }
    updateHistogram();
    if (m_stack2d->currentWidget() == m_scatter)
        update2D();
}

QString TablesPanel::joinHint(const QStringList &columns) const
{
    QStringList hints;
    for (const QString &column : columns) {
        if (m_table.indexOf(column) >= 0)
            continue;
        for (const TableDescription &t : m_catalog)
            if (t.path != m_tableBox->currentText() && t.indexOf(column) >= 0) {
                hints << tr("'%1' is a column of %2: tick %2 under \"Join on event_id\" and write %3%1.")
                             .arg(column, t.path, TableQuery::prefixOf(t.path));
                break;
            }
    }
    return hints.isEmpty() ? QString() : QStringLiteral(". ") + hints.join(QLatin1Char(' '));
}

void TablesPanel::updateHistogram()
{
    QString column = m_columns->currentColumn();
    if (column.isEmpty() && !m_columns->checkedColumns().isEmpty())
        column = m_columns->checkedColumns().front();
    const int c = m_table.indexOf(column);
    if (c < 0 || !m_table.column(c).isNumeric())
        return;
    m_histogram->setData(column, m_table.numbers(c), m_classOfRow, {m_negative->text(), m_positive->text()});
}

void TablesPanel::update2D()
{
    const int x = m_table.indexOf(m_x->currentText()), y = m_table.indexOf(m_y->currentText());
    if (x < 0 || y < 0)
        return;
    std::vector<double> keep;
    if (!m_cut->text().trimmed().isEmpty()) {
        auto e = TableExpression::parse(m_cut->text());
        auto v = e ? e->evaluate(m_table) : Result<std::vector<double>>(e.error());
        if (!v) {
            setStatus(v.error().toString(), true);
            return;
        }
        keep = std::move(v).value();
    }
    const QString title = m_cut->text().trimmed().isEmpty() ? tr("all events") : m_cut->text().trimmed();
    if (m_stack2d->currentWidget() == m_scatter)
        m_scatter->setData(m_x->currentText(), m_table.numbers(x), m_y->currentText(), m_table.numbers(y), keep, m_classOfRow,
                           {m_negative->text(), m_positive->text()}, title);
    else
        m_hist2d->setData(m_x->currentText(), m_table.numbers(x), m_y->currentText(), m_table.numbers(y), keep, title);
}

void TablesPanel::train(bool wait)
{
    if (m_runner->isBusy() || m_table.rowCount() == 0)
        return;
    EventTrainingSpec spec;
    spec.file = m_file;
    spec.query.table = m_tableBox->currentText();
    for (int i = 0; i < m_joins->count(); ++i)
        if (m_joins->item(i)->checkState() == Qt::Checked)
            spec.query.joins << m_joins->item(i)->text();
    spec.features = m_columns->checkedColumns();
    spec.label = m_label->text();
    spec.filter = m_filter->text();
    spec.positiveName = m_positive->text();
    spec.negativeName = m_negative->text();
    spec.balance = ClassBalancer::Mode(m_balance->currentData().toInt());
    spec.normalisation = FeatureNormalizer::Method(m_normalise->currentData().toInt());
    spec.method = LearnerMethod(m_method->currentData().toInt());
    if (spec.features.isEmpty()) {
        setStatus(tr("Tick at least one feature column."), true);
        return;
    }
    setStatus(tr("Training %1 on %2 features…").arg(BinaryLearner::methodName(spec.method)).arg(spec.features.size()));
    const bool fromFile = m_fileRows > m_table.rowCount();
    const EventTable table = fromFile ? EventTable() : m_table;
    const QString file = m_file;
    QEventLoop loop;
    if (wait)
        connect(this, &TablesPanel::trainingFinished, &loop, &QEventLoop::quit);
    m_runner->start([spec, table, file, fromFile](const JobControl *job) {
                        return fromFile ? EventTraining::run(spec, job) : EventTraining::run(spec, table, file, {}, job);
                    },
                    [this](Result<EventTrainingResult> &&r) {
                        if (!r) {
                            setStatus(r.error().toString(), true);
                            emit trainingFinished(false);
                            return;
                        }
                        m_result = std::make_unique<EventTrainingResult>(std::move(r).value());
                        showResult();
                        emit trainingFinished(true);
                    });
    if (wait && m_runner->isBusy())
        loop.exec();
}

void TablesPanel::showResult()
{
    const EventTrainingResult &r = *m_result;
    const QString pos = r.model.definition().positiveName, neg = r.model.definition().negativeName;
    QList<QPair<QString, EventEvaluation>> curves{{tr("cross-validated"), r.crossValidation}};
    if (r.test)
        curves.append({tr("held-out"), *r.test});
    m_roc->setCurves(curves, pos);
    const EventEvaluation &shown = r.test ? *r.test : r.crossValidation;
    std::vector<std::vector<double>> counts(2, std::vector<double>(2));
    for (int truth : {0, 1})
        for (int called : {0, 1})
            counts[size_t(1 - truth)][size_t(1 - called)] = shown.count(truth, called);  // positive class first
    const EventEvaluation::ClassScores ps = shown.scores(1), ns = shown.scores(0);
    m_confusion->setMatrix({pos, neg}, counts,
                           (r.test ? tr("Held-out test events (%1)") : tr("Cross-validated training events (%1)"))
                                   .arg(shown.events())
                               + (shown.weighted() ? tr(", weighted") : QString()),
                           tr("accuracy %1, balanced accuracy %2; %3: precision %4, recall %5; %6: precision %7, recall %8")
                               .arg(shown.accuracy(), 0, 'f', 3).arg(shown.balancedAccuracy(), 0, 'f', 3)
                               .arg(pos).arg(ps.precision, 0, 'f', 3).arg(ps.recall, 0, 'f', 3)
                               .arg(neg).arg(ns.precision, 0, 'f', 3).arg(ns.recall, 0, 'f', 3));
    m_weights->setEntries(r.coefficients, tr("linear weight on the normalised feature"));
    m_permutation->setEntries(r.permutation, tr("permutation importance (ROC AUC drop)"));
    m_report->setPlainText(r.toText());
    setStatus(tr("Trained: cross-validated ROC AUC %1%2").arg(r.crossValidation.auc(), 0, 'f', 4)
                  .arg(r.test ? tr(", held-out %1").arg(r.test->auc(), 0, 'f', 4) : QString()));
    m_views->setCurrentWidget(m_roc);
}

void TablesPanel::showView(int index) { m_views->setCurrentIndex(index); }

QWidget *TablesPanel::currentView() const { return m_views->currentWidget(); }

Status TablesPanel::exportCurrentView(const QString &path) const
{
    // The dialog asked before replacing a file: forced, but never over the table file.
    if (Status allowed = OutputGuard(QStringList{m_file}, true).check(path, OutputKind::image()); !allowed)
        return allowed;
    QWidget *view = m_views->currentWidget();
    if (view && view->isAncestorOf(m_stack2d))
        view = m_stack2d->currentWidget();
    if (auto *plot = qobject_cast<TablePlotView *>(view))
        return plot->savePng(path);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!view || !view->grab().save(&buffer, "PNG"))
        return makeError(path, QStringLiteral("the PNG could not be encoded"));
    return writeFileAtomically(path, bytes, OutputKind::image());
}

void TablesPanel::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020") : QString());
}

} // namespace photopeak::ui
