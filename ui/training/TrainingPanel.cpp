// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "training/TrainingPanel.h"

#include "io/OutputGuard.h"
#include "library/SpectrumDataset.h"
#include "ml/ClassifierParameters.h"
#include "ml/SpectrumClassifierModel.h"
#include "ml/latent/LatentSpectrumModel.h"
#include "model/ModelRegistry.h"
#include "ml/SpectrumClassifier.h"
#include "ml/TrainingReport.h"
#include "ml/latent/LatentModel.h"
#include "training/LatentTrainingPage.h"
#include "training/TrainingDataSelector.h"
#include "training/TrainingRunView.h"
#include "widgets/ParameterForm.h"
#include "widgets/WheelGuard.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QMessageBox>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace photopeak::ui {

namespace {
constexpr int kMaxSkippedListed = 20;
} // namespace

TrainingPanel::TrainingPanel(QWidget *parent) : QWidget(parent), m_job(new TrainingJob(this))
{
    setObjectName(QStringLiteral("TrainingPanel"));

    m_settings = new QWidget;
    auto *settingsLayout = new QVBoxLayout(m_settings);
    settingsLayout->setContentsMargins(0, 0, 0, 0);
    m_data = new TrainingDataSelector;
    settingsLayout->addWidget(m_data);

    auto *taskForm = new QFormLayout;
    taskForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_task = new QComboBox;
    m_task->setObjectName(QStringLiteral("taskCombo"));
    m_task->addItem(tr("Detection and identification"), QStringLiteral("classifier"));
    m_task->addItem(tr("Latent decomposition"), QStringLiteral("latent"));
    m_task->setToolTip(tr("Detection and identification: a calibrated source detector and one classifier per isotope "
                          "(photopeak-cli train).\nLatent decomposition: one loading per component, spectra "
                          "decomposed by non-negative least squares (photopeak-cli latent train)."));
    taskForm->addRow(tr("Task:"), m_task);
    settingsLayout->addLayout(taskForm);

    // One page per task; the hidden one takes no room (a stacked widget would keep the larger page's height).
    m_classifierForm = new ParameterForm(ClassifierParameters::table());
    m_classifierForm->setObjectName(QStringLiteral("classifierPage"));
    auto *grid = new QLabel(tr("Energy grid: %1").arg(EnergyGrid::xgdDefault().describe()));
    grid->setWordWrap(true);
    grid->setToolTip(tr("Every spectrum is rebinned count-conserving onto this grid before the features are computed."));
    m_classifierForm->layout()->addWidget(grid);
    m_latentPage = new LatentTrainingPage;
    settingsLayout->addWidget(m_classifierForm);
    settingsLayout->addWidget(m_latentPage);
    settingsLayout->addStretch(1);
    WheelGuard::install(m_settings);

    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("settingsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(m_settings);

    m_run = new TrainingRunView;
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("trainingSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(scroll);
    splitter->addWidget(m_run);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_task, &QComboBox::currentIndexChanged, this, [this] { updateTaskWidgets(); });
    connect(m_classifierForm, &ParameterForm::valuesChanged, this, [this] { updateFormState(); });
    connect(m_data, &TrainingDataSelector::selectionChanged, this, &TrainingPanel::onSelectionChanged);
    connect(m_run, &TrainingRunView::trainRequested, this, &TrainingPanel::startTraining);
    connect(m_run, &TrainingRunView::cancelRequested, this, &TrainingPanel::cancelTraining);
    connect(m_run, &TrainingRunView::saveRequested, this, &TrainingPanel::saveModel);
    connect(m_run, &TrainingRunView::loadRequested, this, &TrainingPanel::loadModel);
    connect(m_job, &TrainingJob::progress, this, &TrainingPanel::onProgress);
    connect(m_job, &TrainingJob::finished, this, &TrainingPanel::onFinished);
    connect(m_job, &TrainingJob::failed, this, [this](const QString &message) { onEnded(tr("Training failed: %1").arg(message)); });
    connect(m_job, &TrainingJob::cancelled, this, [this] { onEnded(tr("Training cancelled.")); });

    onSelectionChanged();
    updateFormState();
    updateTaskWidgets();
}

TrainingPanel::~TrainingPanel() = default;

// ---------------------------------------------------------------------------------------------- data

void TrainingPanel::setDataset(std::shared_ptr<const SpectrumDataset> dataset) { m_data->setDataset(std::move(dataset)); }

bool TrainingPanel::setLabelSetChecked(const QString &key, bool checked) { return m_data->setLabelSetChecked(key, checked); }

bool TrainingPanel::setFolderChecked(const QString &folder, bool checked) { return m_data->setFolderChecked(folder, checked); }

QStringList TrainingPanel::labelSetKeys() const { return m_data->labelSetKeys(); }

QStringList TrainingPanel::folderNames() const { return m_data->folderNames(); }

int TrainingPanel::selectedSpectrumCount() const { return m_data->selectedSpectrumCount(); }

void TrainingPanel::onSelectionChanged()
{
    m_latentPage->setComponents(m_data->latentComponents());
    if (!isBusy())
        m_run->setCanTrain(selectedSpectrumCount() > 0);
    if (!isBusy() && m_data->dataset() && m_run->status() == tr("Load spectra to train on."))
        m_run->setStatus(tr("Ready."));
}

// ------------------------------------------------------------------------------------------- options

ClassifierOptions TrainingPanel::classifierOptions() const
{
    // The form only offers values the table accepts; a refusal would be a bug in the form.
    auto options = ClassifierParameters::options(m_classifierForm->values(), tr("training panel"));
    return options ? *options : ClassifierOptions();
}

TrainingRequest TrainingPanel::currentRequest() const
{
    TrainingRequest r;
    r.task = task() == Task::Latent ? TrainingRequest::Task::Latent : TrainingRequest::Task::Classifier;
    r.dataset = m_data->dataset();
    r.selection = m_data->selection();
    r.classifier = classifierOptions();
    r.latent = m_latentPage->spec(m_data->latentComponents(r.selection));
    return r;
}

TrainingPanel::Task TrainingPanel::task() const
{
    return m_task->currentData().toString() == QLatin1String("latent") ? Task::Latent : Task::Classifier;
}

void TrainingPanel::setTask(Task t)
{
    m_task->setCurrentIndex(m_task->findData(t == Task::Latent ? QStringLiteral("latent") : QStringLiteral("classifier")));
}

void TrainingPanel::updateFormState()
{
    const QJsonObject v = m_classifierForm->values();
    const bool sigma = v.value(QStringLiteral("detection")).toString() == QLatin1String("sigma");
    m_classifierForm->setOptionEnabled(QStringLiteral("detection-features"), !sigma);
    m_classifierForm->setOptionEnabled(QStringLiteral("target-false-alarm"), !sigma);
    m_classifierForm->setOptionEnabled(QStringLiteral("k"), sigma);
    m_classifierForm->setOptionEnabled(QStringLiteral("window"), sigma);
    const bool identify = v.value(QStringLiteral("identify")).toBool();
    for (const char *key : {"identification", "identification-features", "template-systematic", "line-features",
                            "lines-per-isotope", "identification-min-strength"})
        m_classifierForm->setOptionEnabled(QLatin1String(key), identify);
    const bool synthetic = v.value(QStringLiteral("synthetic")).toBool();
    for (const char *key : {"mixtures", "synthetic-singles", "synthetic-mixtures", "synthetic-backgrounds", "min-strength",
                            "identification-min-strength", "mixture-background"})
        m_classifierForm->setOptionEnabled(QLatin1String(key), synthetic);
}

void TrainingPanel::updateTaskWidgets()
{
    const bool latent = task() == Task::Latent;
    m_classifierForm->setVisible(!latent);
    m_latentPage->setVisible(latent);
    showModelReport();
    if (!isBusy())
        m_run->setCanSave(hasModelOfTask());
}

bool TrainingPanel::hasModelOfTask() const { return task() == Task::Latent ? bool(m_latentModel) : bool(m_classifier); }

void TrainingPanel::showModelReport()
{
    if (isBusy())
        return;
    if (task() == Task::Latent)
        m_run->showLatent(m_latentModel.get(), m_latentReport);
    else
        m_run->showClassifier(m_classifier.get(), m_classifierReport);
}

// ------------------------------------------------------------------------------------------ training

bool TrainingPanel::isBusy() const { return m_job->isRunning(); }

QString TrainingPanel::metricsText() const { return m_run->reportText(); }

bool TrainingPanel::startTraining()
{
    if (isBusy())
        return false;
    if (!m_data->dataset() || selectedSpectrumCount() == 0) {
        m_run->setStatus(tr("Nothing to train on: load spectra and check at least one label set and folder."));
        return false;
    }
    const TrainingRequest request = currentRequest();
    if (request.task == TrainingRequest::Task::Latent && request.latent.components.isEmpty()) {
        m_run->setStatus(tr("No components: check at least one single-label set."));
        return false;
    }
    if (!m_job->start(request))
        return false;
    m_run->setProgress(0, 0);  // busy indicator until the first progress report
    m_run->setStatus(tr("Training…"));
    m_run->clearResults();
    setBusy(true);
    return true;
}

void TrainingPanel::cancelTraining()
{
    m_job->cancel();  // emits cancelled() at once
}

void TrainingPanel::setBusy(bool busy)
{
    m_settings->setEnabled(!busy);
    m_run->setBusy(busy, selectedSpectrumCount() > 0, hasModelOfTask());
    emit busyChanged(busy);
}

void TrainingPanel::onProgress(int done, int total, const QString &stage)
{
    m_run->setProgress(done, total);
    if (!stage.isEmpty())
        m_run->setStatus(tr("Training: %1…").arg(stage));
}

void TrainingPanel::onFinished(std::shared_ptr<const TrainingResult> result)
{
    m_run->setProgressDone(true);
    QString text = tr("Trained on %1 spectra in %2 s.").arg(result->spectra).arg(result->seconds, 0, 'f', 2);
    text += QLatin1Char('\n') + result->report;
    if (!result->skipped.isEmpty()) {
        text += QLatin1Char('\n') + tr("%1 selected spectra could not be prepared:").arg(result->skipped.size());
        for (qsizetype i = 0; i < std::min<qsizetype>(result->skipped.size(), kMaxSkippedListed); ++i)
            text += QStringLiteral("\n  ") + result->skipped[i];
        if (result->skipped.size() > kMaxSkippedListed)
            text += QStringLiteral("\n  …");
    }
    if (result->task == TrainingRequest::Task::Latent) {
        m_latentModel = result->latentModel;
        m_latentReport = text;
        setTask(Task::Latent);
    } else {
        m_classifier = result->classifier;
        m_classifierReport = text;
        setTask(Task::Classifier);
    }
    m_run->setStatus(tr("Trained on %1 spectra in %2 s.").arg(result->spectra).arg(result->seconds, 0, 'f', 2));
    setBusy(false);
    showModelReport();
    if (result->task == TrainingRequest::Task::Latent)
        emit latentModelReady(m_latentModel);
    else
        emit classifierReady(m_classifier);
}

void TrainingPanel::onEnded(const QString &status)
{
    m_run->setProgressDone(false);
    m_run->setStatus(status);
    setBusy(false);
    showModelReport();
}

// ------------------------------------------------------------------------------------------- files

void TrainingPanel::showError(const QString &title, const QString &message)
{
    m_run->setStatus(message);
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("trainingErrorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();  // window-modal, does not block the event loop
}

bool TrainingPanel::saveModelTo(const QString &path)
{
    Status st = makeError(path, tr("no model of this task to save"));
    // The save dialog has asked before replacing a file; an input is never replaced.
    if (OutputGuard(m_data->folders(), true).isInput(path))
        st = makeError(path, tr("is one of the training files; choose another name"));
    else if (task() == Task::Latent && m_latentModel)
        st = m_latentModel->save(path);
    else if (task() == Task::Classifier && m_classifier)
        st = m_classifier->save(path);
    if (!st) {
        showError(tr("Save model"), st.error().toString());
        return false;
    }
    m_run->setStatus(tr("Saved %1.").arg(QFileInfo(path).fileName()));
    return true;
}

ParameterForm *TrainingPanel::latentForm() const
{
    return m_latentPage->optionsForm();
}

bool TrainingPanel::loadModelFrom(const QString &path)
{
    const QString header = tr("Loaded %1.").arg(QFileInfo(path).absoluteFilePath());
    if (task() == Task::Latent) {
        // The one loader of model files; a file of another kind is refused naming both kinds.
        auto model = ModelRegistry::instance().loadAs<LatentSpectrumModel>(path, QStringLiteral("latent"));
        if (!model) {
            showError(tr("Load model"), model.error().toString());
            return false;
        }
        m_latentModel = (*model)->latentModel();
        m_latentReport = header + QLatin1Char('\n') + TrainingReport::latent(*m_latentModel);
    } else {
        auto model = ModelRegistry::instance().loadAs<SpectrumClassifierModel>(path, QString::fromLatin1(SpectrumClassifier::Kind));
        if (!model) {
            showError(tr("Load model"), model.error().toString());
            return false;
        }
        m_classifier = (*model)->classifier();
        m_classifierReport = header + QLatin1Char('\n') + TrainingReport::classifier(*m_classifier);
    }
    m_run->setStatus(header);
    if (task() == Task::Classifier)
        m_classifierForm->setValues(ClassifierParameters::values(m_classifier->options()));
    else
        m_latentPage->setOptions(m_latentModel->options());
    updateTaskWidgets();
    if (task() == Task::Latent)
        emit latentModelReady(m_latentModel);
    else
        emit classifierReady(m_classifier);
    return true;
}

void TrainingPanel::saveModel()
{
    const bool latent = task() == Task::Latent;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save model"), latent ? QStringLiteral("latent-model.ppmodel") : QStringLiteral("photopeak-model.json"),
        latent ? tr("Latent models (*.ppmodel *.json);;All files (*)") : tr("Classifier models (*.json);;All files (*)"));
    if (!path.isEmpty())
        saveModelTo(path);
}

void TrainingPanel::loadModel()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load model"), QString(),
                                                      tr("Model files (*.json *.ppmodel);;All files (*)"));
    if (!path.isEmpty())
        loadModelFrom(path);
}

void TrainingPanel::showLoadedClassifier(std::shared_ptr<const SpectrumClassifier> model, const QString &path)
{
    m_classifier = std::move(model);
    if (!m_classifier)
        return;
    m_classifierReport = tr("Loaded %1.").arg(QFileInfo(path).absoluteFilePath()) + QLatin1Char('\n')
                         + TrainingReport::classifier(*m_classifier);
    m_classifierForm->setValues(ClassifierParameters::values(m_classifier->options()));
    setTask(Task::Classifier);
    updateTaskWidgets();
}

void TrainingPanel::showLoadedLatentModel(std::shared_ptr<const LatentModel> model, const QString &path)
{
    m_latentModel = std::move(model);
    if (!m_latentModel)
        return;
    m_latentReport = tr("Loaded %1.").arg(QFileInfo(path).absoluteFilePath()) + QLatin1Char('\n')
                     + TrainingReport::latent(*m_latentModel);
    m_latentPage->setOptions(m_latentModel->options());
    setTask(Task::Latent);
    updateTaskWidgets();
}

} // namespace photopeak::ui
