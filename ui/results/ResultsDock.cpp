// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "results/ResultsDock.h"

#include "results/ResultsFilterProxy.h"
#include "results/ResultsModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>

#include <optional>
#include <QLineEdit>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace photopeak::ui {

ResultsDock::ResultsDock(ResultsModel *model, QWidget *parent)
    : QDockWidget(tr("Results"), parent)
    , m_model(model)
    , m_proxy(new ResultsFilterProxy(this))
{
    setObjectName(QStringLiteral("resultsDock"));
    m_proxy->setSourceModel(model);

    auto *body = new QWidget;
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    m_filter = new QLineEdit;
    m_filter->setPlaceholderText(tr("Filter results (file, isotope, decision)…"));
    m_filter->setClearButtonEnabled(true);
    m_show = new QComboBox;
    m_show->addItem(tr("All"), int(ResultsFilterProxy::Show::All));
    m_show->addItem(tr("Sources"), int(ResultsFilterProxy::Show::Sources));
    m_show->addItem(tr("Backgrounds"), int(ResultsFilterProxy::Show::Backgrounds));
    m_show->addItem(tr("Problems"), int(ResultsFilterProxy::Show::Problems));
    m_show->addItem(tr("Unknown isotope"), int(ResultsFilterProxy::Show::Unknown));
    m_show->setToolTip(tr("Show only some of the results"));
    m_export = new QToolButton;
    m_export->setText(tr("Export CSV…"));
    m_export->setToolTip(tr("Write the results table (all rows, every column) to a CSV file"));
    m_report = new QToolButton;
    m_report->setText(tr("PNG Reports…"));
    m_report->setToolTip(tr("Write one PNG report per classified spectrum to a folder"));
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_show);
    bar->addWidget(m_export);
    bar->addWidget(m_report);
    layout->addLayout(bar);

    m_view = new QTreeView;
    m_view->setObjectName(QStringLiteral("resultsView"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(false);
    // Column widths from the first rows only: measuring thousands of rows blocks the window.
    m_view->header()->setResizeContentsPrecision(64);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    layout->addWidget(m_view, 1);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("resultsSummary"));
    layout->addWidget(m_summary);
    setWidget(body);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_proxy->setFilterWords(t);
        updateSummary();
    });
    connect(m_show, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setShow(static_cast<ResultsFilterProxy::Show>(m_show->currentData().toInt()));
        updateSummary();
    });
    connect(m_export, &QToolButton::clicked, this, &ResultsDock::exportCsvRequested);
    connect(m_report, &QToolButton::clicked, this, &ResultsDock::exportReportsRequested);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ResultsDock::onModelReset);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!m_selectingQuietly && current.isValid())
                    emit entryActivated(current.data(ResultsModel::EntryIndexRole).toInt());
            });
    onModelReset();
}

void ResultsDock::selectEntry(int entryIndex)
{
    const int row = m_model->rowOfEntry(entryIndex);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_selectingQuietly = true;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    m_selectingQuietly = false;
}

void ResultsDock::onModelReset()
{
    const bool any = m_model->rowCount() > 0;
    m_export->setEnabled(any);
    m_report->setEnabled(any);
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_view->resizeColumnToContents(c);
    bool anyLatent = false;
    for (const SpectrumAnalysis &a : m_model->results())
        anyLatent = anyLatent || !a.latentScores.empty();
    m_view->setColumnHidden(ResultsModel::UnknownColumn, !anyLatent);
    if (m_view->columnWidth(ResultsModel::FileColumn) > 260)
        m_view->setColumnWidth(ResultsModel::FileColumn, 260);
    updateSummary();
}

void ResultsDock::updateSummary()
{
    using D = SpectrumAnalysis::Decision;
    int sources = 0, backgrounds = 0, failed = 0, unknown = 0, outside = 0;
    std::optional<double> threshold;
    QString session;
    for (const SpectrumAnalysis &a : m_model->results()) {
        outside += a.outOfDomain;
        if (a.detectionThreshold)
            threshold = a.detectionThreshold;
        if (session.isEmpty() && a.model.contains(QStringLiteral("session background")))
            session = a.model.section(QStringLiteral("session background "), 1).section(QLatin1Char(')'), 0, 0);
        sources += a.decision == D::Source;
        backgrounds += a.decision == D::Background;
        failed += a.decision == D::Skipped || a.decision == D::Error;
        unknown += a.unknownIsotope;
    }
    if (m_model->rowCount() == 0) {
        m_summary->setText(tr("No results yet: train or load a model, then Analysis ▸ Classify."));
        return;
    }
    QString text = tr("%1 spectra: %2 source, %3 background, %4 skipped").arg(m_model->rowCount()).arg(sources)
                       .arg(backgrounds).arg(failed);
    if (unknown)
        text += tr(", %1 with an unknown isotope").arg(unknown);
    if (outside)
        text += tr(", <b>%1 out of the model's domain</b> (unknown, peak evidence shown)").arg(outside);
    if (threshold)
        text += tr(" · detection threshold P(source) ≥ %1 %").arg(100.0 * *threshold, 0, 'f', 1);
    text += session.isEmpty() ? tr(" · training background") : tr(" · <b>session background</b> %1").arg(session.toHtmlEscaped());
    if (m_proxy->rowCount() != m_model->rowCount())
        text += tr(" (%1 shown)").arg(m_proxy->rowCount());
    m_summary->setText(text);
}

} // namespace photopeak::ui
