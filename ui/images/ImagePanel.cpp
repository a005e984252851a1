// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "images/ImagePanel.h"

#include "images/ImageDatasetDialog.h"
#include "images/ImageView.h"
#include "jobs/JobRunner.h"
#include "images/PeakFinder.h"
#include "images/PeakTrainingSet.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace photopeak::ui {

PeakFinderOptions ImagePanel::finderFor(const ImageStack &stack, const std::optional<PeakClassifier> &model)
{
    PeakFinderOptions o = model ? model->finderOptions() : PeakFinderOptions{};
    if (const auto c = stack.beamCenter()) {
        o.centerX = c->first;
        o.centerY = c->second;
    }
    return o;
}

namespace {
QTableWidgetItem *numberItem(double v, int decimals)
{
    auto *item = new QTableWidgetItem;
    item->setData(Qt::DisplayRole, std::isfinite(v) ? QVariant(std::round(v * std::pow(10, decimals)) / std::pow(10, decimals)) : QVariant());
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}
} // namespace

ImagePanel::ImagePanel(QWidget *parent)
    : QWidget(parent), m_view(new ImageView(this)), m_fileLabel(new QLabel(tr("No image stack"), this)),
      m_slider(new QSlider(Qt::Horizontal, this)), m_frameBox(new QSpinBox(this)), m_scaleBox(new QComboBox(this)),
      m_methodBox(new QComboBox(this)), m_trainButton(new QPushButton(tr("Train"), this)), m_runner(new JobRunner(this)),
      m_completeBox(new QCheckBox(tr("Frame fully labelled"), this)), m_table(new QTableWidget(this)),
      m_prPlot(new QCustomPlot(this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("imagePanel"));
    auto *open = new QPushButton(tr("Open…"), this);
    auto *datasetButton = new QPushButton(tr("Dataset…"), this);
    datasetButton->setToolTip(tr("Choose another 2-D or 3-D dataset of the open file"));
    m_methodBox->addItem(tr("SVM"), int(PeakModelMethod::Svm));
    m_methodBox->addItem(tr("CNN"), int(PeakModelMethod::Cnn));
    m_methodBox->setToolTip(tr("RBF SVM on patch features, or a small CNN on the patches; both calibrated"));
    auto *save = new QPushButton(tr("Save labels"), this);
    auto *exportButton = new QPushButton(tr("Export peaks…"), this);
    auto *pngButton = new QPushButton(tr("PNG…"), this);
    pngButton->setToolTip(tr("Save the frame as shown, with its candidates and labels, as a PNG report"));
    m_scaleBox->addItems({tr("linear"), tr("log"), tr("asinh")});
    m_scaleBox->setCurrentIndex(2);
    m_slider->setEnabled(false);
    m_frameBox->setEnabled(false);
    m_completeBox->setToolTip(tr("Every peak of this frame is labelled: unlabelled candidates count as not peaks."));

    // Two rows: in the main window one row squeezed the frame slider to nothing. Row 1 the file and the
    // outputs, row 2 the frame, its labels and the training.
    m_fileLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);  // long names are cut, not the slider
    m_slider->setMinimumWidth(160);
    auto *top = new QVBoxLayout;
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(open);
    fileRow->addWidget(datasetButton);
    fileRow->addWidget(m_fileLabel, 1);
    fileRow->addWidget(new QLabel(tr("Scale"), this));
    fileRow->addWidget(m_scaleBox);
    fileRow->addWidget(save);
    fileRow->addWidget(exportButton);
    fileRow->addWidget(pngButton);
    auto *frameRow = new QHBoxLayout;
    frameRow->addWidget(new QLabel(tr("Frame"), this));
    frameRow->addWidget(m_slider, 1);
    frameRow->addWidget(m_frameBox);
    frameRow->addWidget(m_completeBox);
    frameRow->addWidget(m_methodBox);
    frameRow->addWidget(m_trainButton);
    top->addLayout(fileRow);
    top->addLayout(frameRow);

    m_table->setColumnCount(8);
    m_table->setHorizontalHeaderLabels({tr("x"), tr("y"), tr("SNR"), tr("pixels"), tr("integrated"), tr("probability"),
                                        tr("label"), tr("near mask")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSortingEnabled(true);
    m_prPlot->setMinimumHeight(180);
    m_prPlot->xAxis->setLabel(tr("recall (held-out frames)"));
    m_prPlot->yAxis->setLabel(tr("precision"));
    m_prPlot->xAxis->setRange(0, 1.02);
    m_prPlot->yAxis->setRange(0, 1.02);
    m_prPlot->addGraph();
    m_prPlot->graph(0)->setPen(QPen(QColor(200, 60, 30), 2));
    m_status->setWordWrap(true);
    m_status->setText(tr("Left click: peak. Right click: not a peak. Shift + left click: a peak the finder missed."));

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_table, 3);
    sideLayout->addWidget(m_prPlot, 2);
    sideLayout->addWidget(m_status);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({900, 600});  // the frame gets the larger share (the table's columns asked for most of it)
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(open, &QPushButton::clicked, this, &ImagePanel::chooseAndOpen);
    connect(exportButton, &QPushButton::clicked, this, &ImagePanel::chooseAndExport);
    connect(pngButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save frame as PNG"), QString(), tr("PNG images (*.png)"));
        if (!path.isEmpty())
            if (Status st = saveFramePng(path); !st)
                QMessageBox::warning(this, tr("Save PNG"), st.error().toString());
    });
    connect(save, &QPushButton::clicked, this, [this] {
        if (Status st = saveLabels(); !st)
            QMessageBox::warning(this, tr("Save labels"), st.error().toString());
    });
    connect(datasetButton, &QPushButton::clicked, this, &ImagePanel::chooseDataset);
    connect(m_trainButton, &QPushButton::clicked, this, [this] {
        if (m_runner->isBusy())
            m_runner->cancel();
        else
            startTraining(PeakModelMethod(m_methodBox->currentData().toInt()));
    });
    connect(this, &ImagePanel::trainingFinished, this, [this](bool ok, const QString &error) {
        if (!ok && !error.isEmpty() && isVisible())
            QMessageBox::warning(this, tr("Train"), error);
    });
    connect(m_runner, &JobRunner::busyChanged, this, [this](bool busy) {
        m_trainButton->setText(busy ? tr("Cancel training") : tr("Train"));
        m_methodBox->setEnabled(!busy);
    });
    connect(m_runner, &JobRunner::progress, this, [this](qint64 done, qint64 total, const QString &stage) {
        setStatus(tr("Training: %1 %2 of %3").arg(stage).arg(done).arg(total));
    });
    connect(m_runner, &JobRunner::cancelled, this, [this] {
        setStatus(statusText() + tr(" Training cancelled."));
        emit trainingFinished(false, QString());
    });
    connect(m_runner, &JobRunner::failed, this, [this](const QString &message) { emit trainingFinished(false, message); });
    connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
        if (m_frameBox->value() != v)
            m_frameBox->setValue(v);
    });
    connect(m_frameBox, &QSpinBox::valueChanged, this, [this](int v) {
        m_slider->setValue(v);
        if (m_frame.index != v || m_frame.isEmpty())
            showFrame(v);
    });
    connect(m_scaleBox, &QComboBox::currentIndexChanged, this, [this](int i) { m_view->setScale(ImageView::Scale(i)); });
    connect(m_completeBox, &QCheckBox::toggled, this, [this](bool on) { setFrameComplete(on); });
    connect(m_view, &ImageView::clicked, this, &ImagePanel::onClicked);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_table->selectionModel()->selectedRows();
        if (rows.isEmpty())
            return;
        const int candidate = m_table->item(rows.front().row(), 0)->data(Qt::UserRole).toInt();
        m_view->setSelected(candidate);
        if (candidate >= 0 && candidate < int(m_candidates.size()))
            m_view->centreOn(m_candidates[candidate].x, m_candidates[candidate].y);
    });
}

ImagePanel *ImagePanel::openInTabs(QTabWidget *tabs)
{
    ImagePanel *panel = nullptr;
    for (int i = 0; i < tabs->count() && !panel; ++i)
        panel = qobject_cast<ImagePanel *>(tabs->widget(i));
    if (!panel) {
        panel = new ImagePanel(tabs);
        tabs->addTab(panel, tr("Images"));
    }
    tabs->setCurrentWidget(panel);
    panel->chooseAndOpen();
    return panel;
}

void ImagePanel::chooseAndOpen()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open image stack"), QString(),
                                                      tr("HDF5 image stacks (*.h5 *.hdf5 *.cxi *.nxs);;All files (*)"));
    if (path.isEmpty())
        return;
    QString dataset;
    // A file with several image datasets: the user picks one (the browser preselects the usual one). Masks
    // (".../pixel_mask", ".../mask") are not images to pick: a NeXus file with its mask opens directly.
    auto datasets = ImageStack::imageDatasets(path);
    int images = 0;
    if (datasets)
        for (const H5DatasetInfo &d : *datasets)
            images += d.path.section(QLatin1Char('/'), -1).endsWith(QLatin1String("mask"), Qt::CaseInsensitive) ? 0 : 1;
    if (datasets && images > 1) {
        dataset = ImageDatasetDialog::choose(path, *datasets, this);
        if (dataset.isEmpty())
            return;
    }
    if (Status st = openFile(path, dataset); !st)
        QMessageBox::warning(this, tr("Open image stack"), st.error().toString());
}

void ImagePanel::chooseDataset()
{
    if (!m_stack) {
        chooseAndOpen();
        return;
    }
    const QString path = m_stack->path();
    auto datasets = ImageStack::imageDatasets(path);
    if (!datasets) {
        QMessageBox::warning(this, tr("Choose dataset"), datasets.error().toString());
        return;
    }
    ImageDatasetDialog dialog(path, *datasets, m_stack->dataset().path, this);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedDataset() == m_stack->dataset().path)
        return;
    if (Status st = openFile(path, dialog.selectedDataset()); !st)
        QMessageBox::warning(this, tr("Open image stack"), st.error().toString());
}

void ImagePanel::chooseAndExport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export accepted peaks"), QString(),
                                                      tr("CrystFEL stream (*.stream);;CSV (*.csv)"));
    if (path.isEmpty())
        return;
    if (Status st = exportPeaks(path); !st)
        QMessageBox::warning(this, tr("Export peaks"), st.error().toString());
}

Status ImagePanel::openFile(const QString &path, const QString &dataset)
{
    m_runner->cancel();
    if (m_dirty && m_stack)
        (void)saveLabels();
    auto stack = ImageStack::open(path, dataset);
    if (!stack)
        return stack.error();
    auto mask = stack->ownMask();
    if (!mask)
        return mask.error();
    m_stack = std::move(stack).value();
    m_mask = std::move(mask).value();
    m_labels = {};
    const QString sidecar = ImageLabelSet::sidecarPath(path);
    if (QFileInfo::exists(sidecar)) {
        auto labels = ImageLabelSet::load(sidecar);
        if (!labels)
            return labels.error();
        m_labels = std::move(labels).value();
    }
    m_dirty = false;
    m_fileLabel->setText(m_stack->summary());
    m_fileLabel->setToolTip(m_stack->path() + QLatin1Char('\n') + m_stack->summary());
    const int last = m_stack->frameCount() - 1;
    m_slider->setRange(0, last);
    m_frameBox->setRange(0, last);
    m_slider->setEnabled(last > 0);
    m_frameBox->setEnabled(last > 0);
    m_frame = {};
    showFrame(0);
    return Ok{};
}

void ImagePanel::showFrame(int index)
{
    if (!m_stack)
        return;
    auto frame = m_stack->readFrame(index);
    if (!frame) {
        setStatus(frame.error().toString());
        return;
    }
    m_frame = std::move(frame).value();
    PeakFinder finder(finderFor(*m_stack, m_model));
    finder.setGeometry(m_frame.width, m_frame.height, m_mask);
    m_candidates = finder.find(m_frame);
    if (m_model)
        m_model->classify(m_frame, m_mask, m_candidates);
    m_view->setFrame(m_frame, m_mask);
    m_view->setCandidates(m_candidates);
    {
        const QSignalBlocker block(m_completeBox);
        m_completeBox->setChecked(m_labels.completeFrames.count(index) > 0);
    }
    {
        const QSignalBlocker block(m_frameBox);
        m_frameBox->setValue(index);
        m_slider->setValue(index);
    }
    refreshMarkers();
    setStatus(statusText());
}

std::vector<ImageLabel> ImagePanel::frameLabels() const
{
    std::vector<ImageLabel> out;
    for (const ImageLabel &l : m_labels.labels)
        if (l.frame == m_frame.index)
            out.push_back(l);
    return out;
}

void ImagePanel::refreshMarkers()
{
    m_view->setLabels(frameLabels());
    fillTable();
}

void ImagePanel::fillTable()
{
    const std::vector<int> labels = m_labels.labelCandidates(m_candidates, ClickRadius);
    m_table->setSortingEnabled(false);
    m_table->setRowCount(int(m_candidates.size()));
    for (int i = 0; i < int(m_candidates.size()); ++i) {
        const BraggCandidate &c = m_candidates[i];
        QTableWidgetItem *first = numberItem(c.x, 2);
        first->setData(Qt::UserRole, i);
        m_table->setItem(i, 0, first);
        m_table->setItem(i, 1, numberItem(c.y, 2));
        m_table->setItem(i, 2, numberItem(c.snr, 1));
        m_table->setItem(i, 3, numberItem(c.pixels, 0));
        m_table->setItem(i, 4, numberItem(c.integrated, 0));
        m_table->setItem(i, 5, numberItem(c.probability, 3));
        const int l = labels[i];
        auto *labelItem = new QTableWidgetItem(l == 1 ? tr("peak") : l == 0 ? tr("not a peak") : QString());
        labelItem->setFlags(labelItem->flags() & ~Qt::ItemIsEditable);
        m_table->setItem(i, 6, labelItem);
        auto *mask = new QTableWidgetItem(c.nearMask ? tr("yes") : QString());
        mask->setFlags(mask->flags() & ~Qt::ItemIsEditable);
        m_table->setItem(i, 7, mask);
    }
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(m_model ? 5 : 2, Qt::DescendingOrder);
}

void ImagePanel::onClicked(double x, double y, Qt::MouseButton button, bool shift)
{
    if (!m_stack)
        return;
    int nearest = -1;
    double best = ClickRadius;
    for (int i = 0; i < int(m_candidates.size()); ++i) {
        const double d = std::hypot(m_candidates[i].x - x, m_candidates[i].y - y);
        if (d <= best) {
            best = d;
            nearest = i;
        }
    }
    if (nearest >= 0 && !shift) {
        label(m_candidates[nearest].x, m_candidates[nearest].y, button == Qt::RightButton ? 0 : 1);
        m_view->setSelected(nearest);
    } else if (shift && button == Qt::LeftButton) {
        label(x, y, 1);  // a peak the finder missed
    } else if (button == Qt::RightButton) {
        if (m_labels.remove(m_frame.index, x, y, ClickRadius) > 0) {
            m_dirty = true;
            refreshMarkers();
        }
    }
}

void ImagePanel::label(double x, double y, int value)
{
    m_labels.set(m_frame.index, x, y, value, ClickRadius);
    m_dirty = true;
    refreshMarkers();
    setStatus(statusText());
}

void ImagePanel::setFrameComplete(bool complete)
{
    if (complete)
        m_labels.completeFrames.insert(m_frame.index);
    else
        m_labels.completeFrames.erase(m_frame.index);
    m_dirty = true;
    refreshMarkers();
    setStatus(statusText());
}

bool ImagePanel::isTraining() const { return m_runner->isBusy(); }

void ImagePanel::startTraining(PeakModelMethod method)
{
    if (!m_stack) {
        emit trainingFinished(false, tr("open an image stack first"));
        return;
    }
    struct Trained {
        Result<PeakClassifier> model = makeError(QString(), QString());
        std::vector<int> labels;
    };
    // Everything the work needs is copied: the stack copy shares the open file (reads are serialised by core).
    const ImageStack stack = *m_stack;
    const PixelMask mask = m_mask;
    const ImageLabelSet labels = m_labels;
    const PeakFinderOptions options = finderFor(stack, std::nullopt);
    PeakTrainingOptions training;
    training.method = method;
    setStatus(tr("Training the %1 on the labelled frames…").arg(PeakClassifier::methodName(method)));
    m_runner->start(
        [stack, mask, labels, options, training](const JobControl *job) {
            Trained out;
            PeakTrainingSet set;
            PeakFinder finder(options);
            finder.setGeometry(stack.width(), stack.height(), mask);
            std::vector<int> frames;
            for (int f = 0; f < stack.frameCount(); ++f)
                if (labels.completeFrames.count(f)
                    || std::any_of(labels.labels.begin(), labels.labels.end(), [&](const ImageLabel &l) { return l.frame == f; }))
                    frames.push_back(f);
            for (size_t i = 0; i < frames.size(); ++i) {
                if (JobControl::cancelled(job))
                    return out;
                JobControl::report(job, qint64(i), qint64(frames.size()), QStringLiteral("finding candidates, frame"));
                auto frame = stack.readFrame(frames[i]);
                if (!frame) {
                    out.model = frame.error();
                    return out;
                }
                const auto c = finder.find(*frame);
                set.add(*frame, mask, c, labels.labelCandidates(c, ClickRadius), frames[i]);
            }
            PeakFinderOptions stored = options;
            stored.centerX = stored.centerY = std::numeric_limits<double>::quiet_NaN();
            out.model = PeakClassifier::train(set, stored, training, job);
            out.labels = set.labels();
            return out;
        },
        [this](Trained &&t) {
            if (!t.model) {
                setStatus(statusText());
                emit trainingFinished(false, t.model.error().toString());
                return;
            }
            m_model = std::move(t.model).value();
            m_oofProbabilities = m_model->outOfFold();
            m_oofLabels = std::move(t.labels);
            drawPrCurve();
            showFrame(m_frame.index);
            const QStringList warnings = m_model->warnings();
            if (!warnings.isEmpty())
                setStatus(statusText() + QStringLiteral("\n") + warnings.join(QStringLiteral("\n")));
            emit trainingFinished(true, QString());
        });
}

Status ImagePanel::train(PeakModelMethod method)
{
    bool ok = false;
    QString error;
    QEventLoop loop;
    const auto connection = connect(this, &ImagePanel::trainingFinished, &loop, [&](bool success, const QString &message) {
        ok = success;
        error = message;
        loop.quit();
    });
    startTraining(method);
    if (m_runner->isBusy())
        loop.exec();
    disconnect(connection);
    if (ok)
        return Ok{};
    return makeError(m_stack ? m_stack->path() : QString(), error.isEmpty() ? tr("training cancelled") : error);
}

void ImagePanel::drawPrCurve()
{
    std::vector<std::pair<double, int>> scored;
    for (size_t i = 0; i < m_oofProbabilities.size(); ++i)
        if (!std::isnan(m_oofProbabilities[i]))
            scored.push_back({m_oofProbabilities[i], m_oofLabels[i]});
    std::sort(scored.begin(), scored.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    const int positives = int(std::count_if(scored.begin(), scored.end(), [](const auto &s) { return s.second == 1; }));
    QVector<double> recall, precision;
    int tp = 0, called = 0;
    for (const auto &[p, label] : scored) {
        ++called;
        tp += label == 1;
        if (positives > 0) {
            recall.append(double(tp) / positives);
            precision.append(double(tp) / called);
        }
    }
    m_prPlot->graph(0)->setData(recall, precision, true);
    m_prPlot->replot();
}

QString ImagePanel::statusText() const
{
    if (!m_stack)
        return tr("No image stack.");
    int called = 0;
    for (const BraggCandidate &c : m_candidates)
        called += c.hasProbability() && m_model && c.probability >= m_model->threshold();
    QString text = tr("Frame %1 of %2: %3 candidates").arg(m_frame.index).arg(m_stack->frameCount()).arg(m_candidates.size());
    if (m_model) {
        const QJsonObject oof = m_model->validation().value(QStringLiteral("outOfFold")).toObject();
        text += tr(", %1 called peaks (p >= %2). Held-out frames: precision %3 %, recall %4 %, F1 %5 %")
                    .arg(called)
                    .arg(m_model->threshold(), 0, 'f', 2)
                    .arg(100 * oof.value(QStringLiteral("precision")).toDouble(), 0, 'f', 1)
                    .arg(100 * oof.value(QStringLiteral("recall")).toDouble(), 0, 'f', 1)
                    .arg(100 * oof.value(QStringLiteral("f1")).toDouble(), 0, 'f', 1);
    }
    text += tr(". Labels: %1 peaks, %2 not peaks%3.").arg(m_labels.count(1)).arg(m_labels.count(0))
                .arg(m_dirty ? tr(" (unsaved)") : QString());
    return text;
}

void ImagePanel::setStatus(const QString &text) { m_status->setText(text); }

Status ImagePanel::saveLabels()
{
    if (!m_stack)
        return makeError(QString(), tr("open an image stack first"));
    const QString sidecar = ImageLabelSet::sidecarPath(m_stack->path());
    if (Status st = m_labels.save(sidecar, m_stack->path(), m_stack->dataset().path); !st)
        return st;
    m_dirty = false;
    setStatus(statusText());
    return Ok{};
}

} // namespace photopeak::ui
