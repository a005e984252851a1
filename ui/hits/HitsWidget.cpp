// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitsWidget.h"

#include "hits/HitAnalysisPanel.h"
#include "hits/HitFeatureExtractor.h"
#include "hits/HitFilterProxy.h"
#include "hits/HitLabelsFile.h"
#include "hits/HitListModel.h"
#include "hits/HitScatterPlot.h"
#include "hits/HitThumbnailDelegate.h"
#include "tables/ClassConfusionView.h"
#include "io/AtomicFile.h"
#include "jobs/JobRunner.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace photopeak {

namespace {
struct Opened {
    std::shared_ptr<HitCollection> collection;
    FeatureMatrix features;
    QString error;
    int sidecarLabels = 0;
};
} // namespace

HitsWidget::HitsWidget(QWidget *parent)
    : QWidget(parent), m_model(new HitListModel(this)), m_proxy(new HitFilterProxy(this)),
      m_delegate(new HitThumbnailDelegate(this)), m_grid(new QListView(this)), m_scatter(new HitScatterPlot(m_model, this)),
      m_analysis(new HitAnalysisPanel(m_model, this)), m_status(new QLabel(this)), m_loader(new ui::JobRunner(this))
{
    setObjectName(QStringLiteral("hitsWidget"));
    m_proxy->setSourceModel(m_model);
    m_grid->setObjectName(QStringLiteral("hitGrid"));
    m_grid->setModel(m_proxy);
    m_grid->setItemDelegate(m_delegate);
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setUniformItemSizes(true);           // layout without asking every row: 100,000 hits stay smooth
    m_grid->setLayoutMode(QListView::Batched);
    m_grid->setBatchSize(2000);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setMovement(QListView::Static);
    m_grid->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_grid->setSpacing(1);
    m_grid->setStyleSheet(QStringLiteral("QListView { background: #202020; }"));
    m_grid->setGridSize(QSize(m_delegate->cellSize(), m_delegate->cellSize()));
    m_grid->setMouseTracking(true);

    auto *bar = new QWidget(this);
    buildFilters(bar);

    auto *labelBar = new QHBoxLayout;
    m_clickLabels = new QCheckBox(tr("Click labels hits as"), this);
    m_clickLabels->setObjectName(QStringLiteral("clickLabels"));
    m_labelAs = new QComboBox(this);
    m_labelAs->setEditable(true);
    m_labelAs->setObjectName(QStringLiteral("labelAs"));
    m_labelAs->addItems({QStringLiteral("spot"), QStringLiteral("track"), QStringLiteral("worm"), QStringLiteral("artefact")});
    auto *save = new QPushButton(tr("Save labels"), this);
    auto *sheet = new QPushButton(tr("Export sheet PNG…"), this);
    sheet->setToolTip(tr("The hits shown (e.g. one cluster), up to 200, as a PNG contact sheet"));
    labelBar->addWidget(m_clickLabels);
    labelBar->addWidget(m_labelAs);
    labelBar->addWidget(save);
    labelBar->addStretch(1);
    labelBar->addWidget(sheet);

    auto *left = new QWidget(this);
    auto *ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(bar);
    ll->addWidget(m_grid, 1);
    ll->addLayout(labelBar);
    ll->addWidget(m_status);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_scatter);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_analysis);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    right->setMinimumWidth(400);
    right->addWidget(scroll);
    right->setStretchFactor(0, 2);
    right->setStretchFactor(1, 3);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(split);

    connect(m_grid, &QListView::clicked, this, &HitsWidget::labelClicked);
    connect(save, &QPushButton::clicked, this, &HitsWidget::saveLabels);
    connect(sheet, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Sheet"), QStringLiteral("hits-sheet.png"), tr("PNG images (*.png)"));
        if (!path.isEmpty())
            exportSheet(path);
    });
    connect(m_scatter, &HitScatterPlot::hitClicked, this, [this](int row) {
        const QModelIndex i = m_proxy->mapFromSource(m_model->index(row));
        if (i.isValid()) {
            m_grid->setCurrentIndex(i);
            m_grid->scrollTo(i);
        }
    });
    connect(m_analysis, &HitAnalysisPanel::clustersChanged, this, &HitsWidget::updateFilterChoices);
    connect(m_analysis, &HitAnalysisPanel::evaluated, this, &HitsWidget::updateFilterChoices);
    connect(m_analysis, &HitAnalysisPanel::evaluated, this, [this, scroll] {
        // The result, not the buttons above it: once the new matrix is laid out, scroll to the end.
        QTimer::singleShot(0, scroll, [scroll] { scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum()); });
    });
    connect(m_analysis, &HitAnalysisPanel::message, this, [this](const QString &t) { m_status->setText(t); emit message(t); });
}

void HitsWidget::buildFilters(QWidget *bar)
{
    auto *l = new QHBoxLayout(bar);
    l->setContentsMargins(0, 0, 0, 0);
    m_show = new QComboBox(bar);
    m_show->setObjectName(QStringLiteral("showFilter"));
    m_cluster = new QComboBox(bar);
    m_cluster->setObjectName(QStringLiteral("clusterFilter"));
    m_pMin = new QDoubleSpinBox(bar);
    m_pMax = new QDoubleSpinBox(bar);
    for (QDoubleSpinBox *s : {m_pMin, m_pMax}) {
        s->setRange(0.0, 1.0);
        s->setSingleStep(0.05);
        s->setDecimals(2);
    }
    m_pMax->setValue(1.0);
    m_feature = new QComboBox(bar);
    m_feature->addItem(tr("(no feature range)"));
    m_feature->addItems(HitFeatureExtractor::names());
    m_fMin = new QDoubleSpinBox(bar);
    m_fMax = new QDoubleSpinBox(bar);
    for (QDoubleSpinBox *s : {m_fMin, m_fMax}) {
        s->setRange(-1e9, 1e9);
        s->setDecimals(3);
    }
    m_hideMarked = new QCheckBox(tr("Hide marked"), bar);
    for (QComboBox *box : {m_show, m_cluster, m_feature})
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);  // "misclassified" was cut
    m_fMin->setEnabled(false);
    m_fMax->setEnabled(false);
    l->addWidget(new QLabel(tr("Show:"), bar));
    l->addWidget(m_show);
    l->addWidget(m_cluster);
    l->addWidget(new QLabel(tr("p"), bar));
    l->addWidget(m_pMin);
    l->addWidget(new QLabel(QStringLiteral("–"), bar));
    l->addWidget(m_pMax);
    l->addWidget(m_feature);
    l->addWidget(m_fMin);
    l->addWidget(m_fMax);
    l->addWidget(m_hideMarked);
    l->addStretch(1);
    updateFilterChoices();
    auto apply = [this] { applyFilters(); };
    connect(m_show, &QComboBox::currentIndexChanged, this, apply);
    connect(m_cluster, &QComboBox::currentIndexChanged, this, apply);
    connect(m_pMin, &QDoubleSpinBox::valueChanged, this, apply);
    connect(m_pMax, &QDoubleSpinBox::valueChanged, this, apply);
    connect(m_fMin, &QDoubleSpinBox::valueChanged, this, apply);
    connect(m_fMax, &QDoubleSpinBox::valueChanged, this, apply);
    connect(m_hideMarked, &QCheckBox::toggled, this, apply);
    connect(m_feature, &QComboBox::currentIndexChanged, this, [this](int i) {
        // Start from the feature's full range, so choosing a feature hides nothing until the bounds move.
        const FeatureMatrix &f = m_model->features();
        m_fMin->setEnabled(i > 0);
        m_fMax->setEnabled(i > 0);
        if (i > 0 && f.rows > 0) {
            double lo = f.at(0, i - 1), hi = lo;
            for (int r = 1; r < f.rows; ++r) {
                lo = std::min(lo, f.at(r, i - 1));
                hi = std::max(hi, f.at(r, i - 1));
            }
            const QSignalBlocker b1(m_fMin), b2(m_fMax);
            m_fMin->setValue(lo);
            m_fMax->setValue(hi);
        }
        applyFilters();
    });
}

void HitsWidget::updateFilterChoices()
{
    const QSignalBlocker b1(m_show), b2(m_cluster);
    const QString show = m_show->currentText();
    m_show->clear();
    m_show->addItem(tr("all hits"), QStringList{QStringLiteral("any")});
    if (const HitCollection *c = m_model->collection())
        for (const QString &name : c->classNames())
            m_show->addItem(tr("labelled %1").arg(name), QStringList{QStringLiteral("label"), name});
    for (const QString &name : m_model->predictionClasses())
        m_show->addItem(tr("classified %1").arg(name), QStringList{QStringLiteral("predicted"), name});
    m_show->addItem(tr("unlabelled"), QStringList{QStringLiteral("unlabelled")});
    if (!m_model->predictionClasses().isEmpty())
        m_show->addItem(tr("misclassified"), QStringList{QStringLiteral("misclassified")});
    m_show->setCurrentIndex(std::max(0, m_show->findText(show)));
    m_cluster->clear();
    m_cluster->addItem(tr("any cluster"), -1);
    int k = 0;
    if (const HitCollection *c = m_model->collection())
        for (const Hit &h : c->hits())
            k = std::max(k, h.cluster + 1);
    for (int i = 0; i < k; ++i)
        m_cluster->addItem(tr("cluster %1").arg(i), i);
    applyFilters();
}

void HitsWidget::applyFilters()
{
    const QStringList show = m_show->currentData().toStringList();
    const QString mode = show.value(0);
    using CF = HitFilterProxy::ClassFilter;
    if (mode == QLatin1String("label"))
        m_proxy->setClassFilter(CF::Label, show.value(1));
    else if (mode == QLatin1String("predicted"))
        m_proxy->setClassFilter(CF::Predicted, show.value(1));
    else if (mode == QLatin1String("unlabelled"))
        m_proxy->setClassFilter(CF::Unlabelled);
    else if (mode == QLatin1String("misclassified"))
        m_proxy->setClassFilter(CF::Misclassified);
    else
        m_proxy->setClassFilter(CF::Any);
    m_proxy->setCluster(m_cluster->currentData().isValid() ? m_cluster->currentData().toInt() : -1);
    m_proxy->setProbabilityRange(m_pMin->value(), m_pMax->value());
    m_proxy->setShowMarked(!m_hideMarked->isChecked());
    m_proxy->setFeatureRange(m_feature->currentIndex() - 1, m_fMin->value(), m_fMax->value());
    m_status->setText(tr("%1 of %2 hits shown").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

void HitsWidget::setLabelOnClick(const QString &label)
{
    m_clickLabels->setChecked(!label.isEmpty());
    if (!label.isEmpty())
        m_labelAs->setCurrentText(label);
}

void HitsWidget::labelClicked(const QModelIndex &proxyIndex)
{
    if (!m_clickLabels->isChecked() || !proxyIndex.isValid())
        return;
    const QString label = m_labelAs->currentText().trimmed();
    const int row = m_proxy->mapToSource(proxyIndex).row();
    m_model->setLabel(row, label);
    m_status->setText(tr("%1 labelled %2 (not saved yet: Save labels)").arg(proxyIndex.data().toString(), label));
}

QString HitsWidget::sidecarPath(const QString &collectionPath)
{
    const QFileInfo info(collectionPath);
    return info.isDir() ? QDir(collectionPath).filePath(QStringLiteral("photopeak-hit-labels.csv")) : collectionPath + QStringLiteral(".labels.csv");
}

bool HitsWidget::saveLabels()
{
    const HitCollection *c = m_model->collection();
    if (!c)
        return false;
    const QString path = sidecarPath(m_path);
    const Status st = HitLabelsFile::writeLabels(path, c->hits());
    if (!st) {
        m_status->setText(st.error().toString());
        return false;
    }
    m_model->markLabelsSaved();
    m_status->setText(tr("Labels saved to %1").arg(QDir::toNativeSeparators(path)));
    updateFilterChoices();
    return true;
}

bool HitsWidget::exportSheet(const QString &pngPath, int maxHits) const
{
    const int n = std::min(m_proxy->rowCount(), maxHits);
    if (n == 0)
        return false;
    const int cell = 64, columns = std::min(n, 10), rows = (n + columns - 1) / columns, caption = 22;
    QImage sheet(columns * cell, rows * cell + caption, QImage::Format_RGB32);
    sheet.fill(QColor(32, 32, 32));
    QPainter p(&sheet);
    p.setPen(Qt::white);
    p.drawText(QRect(4, 0, sheet.width() - 8, caption), Qt::AlignVCenter | Qt::AlignLeft,
               QStringLiteral("%1 — %2, %3 of %4 hits").arg(QFileInfo(m_path).fileName(), m_show->currentText() + QLatin1Char(' ') + m_cluster->currentText())
                   .arg(n).arg(m_proxy->rowCount()));
    QStyleOptionViewItem option;
    for (int i = 0; i < n; ++i) {
        option.rect = QRect((i % columns) * cell, caption + (i / columns) * cell, cell, cell);
        m_delegate->paint(&p, option, m_proxy->index(i, 0));
    }
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    sheet.save(&buffer, "PNG");
    const Status st = writeFileAtomically(pngPath, bytes);
    m_status->setText(st ? tr("Sheet of %1 hits written to %2").arg(n).arg(QDir::toNativeSeparators(pngPath)) : st.error().toString());
    return st.ok();
}

void HitsWidget::openCollection(const QString &path)
{
    m_path = path;
    m_status->setText(tr("Reading %1 and computing features…").arg(QDir::toNativeSeparators(path)));
    auto deliver = [this](Opened &&o) {
        if (!o.collection) {
            m_status->setText(o.error);
            emit message(o.error);
            return;
        }
        const int n = o.collection->size();
        const int problems = int(o.collection->problems().size());
        m_model->setCollection(std::move(o.collection), std::move(o.features));
        updateFilterChoices();
        QString text = tr("%1 hits from %2").arg(n).arg(QDir::toNativeSeparators(m_path));
        if (problems > 0)
            text += tr("; %1 files skipped (first: %2)").arg(problems).arg(m_model->collection()->problems().front().toString());
        if (o.sidecarLabels > 0)
            text += tr("; %1 labels from %2").arg(o.sidecarLabels).arg(QFileInfo(sidecarPath(m_path)).fileName());
        m_status->setText(text);
        emit message(text);
        emit opened(n);
    };
    m_loader->start([path](const JobControl *) {
        Opened o;
        auto c = HitCollection::open(path);
        if (!c) {
            o.error = c.error().toString();
            return o;
        }
        const QString sidecar = sidecarPath(path);
        if (QFileInfo::exists(sidecar)) {
            if (auto rows = HitLabelsFile::read(sidecar)) {
                for (Hit &h : c->hits()) {
                    const auto it = rows->constFind(h.id);
                    if (it != rows->constEnd() && !it->label.isEmpty()) {
                        h.label = it->label;
                        ++o.sidecarLabels;
                    }
                }
            }
        }
        o.features = HitFeatureExtractor::table(c->hits(), ThresholdOptions{});
        o.collection = std::make_shared<HitCollection>(std::move(*c));
        return o;
    }, std::move(deliver));
}

HitsWidget *HitsWidget::openInTabs(QTabWidget *tabs, QWidget *dialogParent)
{
    const QString folder = QFileDialog::getExistingDirectory(dialogParent, tr("Open Hit Collection (folder of crops)"));
    if (folder.isEmpty())
        return nullptr;
    auto *w = new HitsWidget(tabs);
    tabs->setCurrentIndex(tabs->addTab(w, tr("Hits: %1").arg(QFileInfo(folder).fileName())));
    w->openCollection(folder);
    return w;
}

HitsWidget *HitsWidget::openJsonInTabs(QTabWidget *tabs, QWidget *dialogParent)
{
    const QString file = QFileDialog::getOpenFileName(dialogParent, tr("Open CREDO Detection Export"), QString(),
                                                      tr("CREDO detection exports (*.json);;All files (*)"));
    if (file.isEmpty())
        return nullptr;
    auto *w = new HitsWidget(tabs);
    tabs->setCurrentIndex(tabs->addTab(w, tr("Hits: %1").arg(QFileInfo(file).fileName())));
    w->openCollection(file);
    return w;
}

} // namespace photopeak
