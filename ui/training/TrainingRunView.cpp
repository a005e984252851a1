// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "training/TrainingRunView.h"

#include "ml/SpectrumClassifier.h"
#include "ml/latent/LatentModel.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace photopeak::ui {

TrainingRunView::TrainingRunView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *runRow = new QHBoxLayout;
    m_train = new QPushButton(tr("Train"));
    m_train->setObjectName(QStringLiteral("trainButton"));
    m_train->setToolTip(tr("Train a model of the chosen task on the selected spectra, in the background."));
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setToolTip(tr("Stop the training; nothing is kept."));
    m_cancel->setEnabled(false);
    runRow->addWidget(m_train);
    runRow->addWidget(m_cancel);
    layout->addLayout(runRow);
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    layout->addWidget(m_progress);
    m_status = new QLabel(tr("Load spectra to train on."));
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    // Results: a summary table (out-of-fold metrics per learner, spectra per component) and the full report.
    m_resultTabs = new QTabWidget;
    m_resultTabs->setObjectName(QStringLiteral("resultTabs"));
    m_summary = new QTreeWidget;
    m_summary->setObjectName(QStringLiteral("metricsTable"));
    m_summary->setRootIsDecorated(false);
    m_summary->setUniformRowHeights(true);
    m_summary->setSelectionMode(QAbstractItemView::NoSelection);
    m_summary->setToolTip(tr("Out-of-fold figures of grouped cross-validation (spectra of one acquisition series are "
                             "never split between training and validation)."));
    m_resultTabs->addTab(m_summary, tr("Summary"));
    m_report = new QPlainTextEdit;
    m_report->setObjectName(QStringLiteral("metricsText"));
    m_report->setReadOnly(true);
    m_report->setLineWrapMode(QPlainTextEdit::NoWrap);  // the report's columns stay aligned
    m_report->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_report->setPlaceholderText(tr("The report of the trained or loaded model appears here."));
    m_resultTabs->addTab(m_report, tr("Report"));
    layout->addWidget(m_resultTabs, 1);
    auto *fileRow = new QHBoxLayout;
    m_save = new QPushButton(tr("Save model…"));
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setToolTip(tr("Write the current model of this task to a model file."));
    m_save->setEnabled(false);
    m_load = new QPushButton(tr("Load model…"));
    m_load->setObjectName(QStringLiteral("loadButton"));
    m_load->setToolTip(tr("Read a model file of this task; files of another kind or version are refused."));
    fileRow->addWidget(m_save);
    fileRow->addWidget(m_load);
    layout->addLayout(fileRow);

    connect(m_train, &QPushButton::clicked, this, &TrainingRunView::trainRequested);
    connect(m_cancel, &QPushButton::clicked, this, &TrainingRunView::cancelRequested);
    connect(m_save, &QPushButton::clicked, this, &TrainingRunView::saveRequested);
    connect(m_load, &QPushButton::clicked, this, &TrainingRunView::loadRequested);
}

void TrainingRunView::setStatus(const QString &text) { m_status->setText(text); }

QString TrainingRunView::status() const { return m_status->text(); }

void TrainingRunView::setBusy(bool busy, bool canTrain, bool canSave)
{
    m_train->setEnabled(!busy && canTrain);
    m_cancel->setEnabled(busy);
    m_load->setEnabled(!busy);
    m_save->setEnabled(!busy && canSave);
}

void TrainingRunView::setCanTrain(bool canTrain) { m_train->setEnabled(canTrain); }

void TrainingRunView::setCanSave(bool canSave) { m_save->setEnabled(canSave); }

void TrainingRunView::setProgress(int done, int total)
{
    if (total > 0) {
        m_progress->setRange(0, total);
        m_progress->setValue(std::min(done, total));
    } else {
        m_progress->setRange(0, 0);
    }
}

void TrainingRunView::setProgressDone(bool succeeded)
{
    m_progress->setRange(0, 1);
    m_progress->setValue(succeeded ? 1 : 0);
}

void TrainingRunView::clearResults()
{
    m_report->clear();
    m_summary->clear();
}

QString TrainingRunView::reportText() const { return m_report->toPlainText(); }

void TrainingRunView::addSummaryRow(const QStringList &cells)
{
    auto *item = new QTreeWidgetItem(m_summary, cells);
    for (int c = 1; c < cells.size(); ++c)
        item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
}

void TrainingRunView::finishSummary()
{
    for (int c = 0; c < m_summary->columnCount(); ++c)
        m_summary->header()->setSectionResizeMode(c, c == 0 ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
    m_summary->header()->setStretchLastSection(false);
}

void TrainingRunView::showClassifier(const SpectrumClassifier *model, const QString &report)
{
    m_report->setPlainText(report);
    m_summary->clear();
    m_summary->setColumnCount(5);
    m_summary->setHeaderLabels({tr("Learner"), tr("Accuracy %"), tr("Recall %"), tr("False pos. %"), tr("Log-loss")});
    if (model) {
        const auto percent = [this](const QJsonObject &o, const char *key, int decimals) {
            return locale().toString(100.0 * o.value(QLatin1String(key)).toDouble(), 'f', decimals);
        };
        const QJsonObject r = model->report();
        const auto addValidation = [&](const QString &name, const QJsonObject &v) {
            addSummaryRow({name, percent(v, "accuracy", 1), percent(v, "recall", 1), percent(v, "falsePositiveRate", 2),
                           locale().toString(v.value(QStringLiteral("logLoss")).toDouble(), 'f', 3)});
        };
        if (r.contains(QStringLiteral("detection")))
            addValidation(tr("Source"), r.value(QStringLiteral("detection")).toObject());
        const QJsonObject id = r.value(QStringLiteral("identification")).toObject();
        for (const QString &l : model->isotopeLabels())
            addValidation(l, id.value(l).toObject());
    }
    finishSummary();
}

void TrainingRunView::showLatent(const LatentModel *model, const QString &report)
{
    m_report->setPlainText(report);
    m_summary->clear();
    m_summary->setColumnCount(2);
    m_summary->setHeaderLabels({tr("Component"), tr("Spectra")});
    if (model) {
        const QJsonObject per = model->trainingInfo().value(QStringLiteral("spectraPerComponent")).toObject();
        for (const QString &c : model->components())
            addSummaryRow({c, locale().toString(per.value(c).toInt())});
    }
    finishSummary();
}

} // namespace photopeak::ui
