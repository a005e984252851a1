#include "training/TrainingPanel.h"

#include "io/OutputGuard.h"
#include "library/LabelParser.h"
#include "library/SpectrumDataset.h"
#include "ml/SpectrumClassifier.h"
#include "ml/TrainingReport.h"
#include "ml/latent/LatentModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <QHash>
#include <QJsonObject>

#include <algorithm>
#include <limits>

namespace photopeak::ui {

namespace {
constexpr int kCountColumn = 1;
constexpr int kKeyRole = Qt::UserRole;
constexpr int kMaxSkippedListed = 20;

// Detection feature presets (ClassifierOptions::detectionFeatures).
FeatureConfig detectionPreset(const QString &id)
{
    FeatureConfig f = FeatureConfig::detectionDefault();
    if (id == QLatin1String("average5"))
        f.segmentKeV = 5.0;
    else if (id == QLatin1String("linfit25"))
        f.kind = FeatureKind::Linfit;
    else if (id == QLatin1String("full"))
        f.kind = FeatureKind::Full;
    return f;
}

// Identification feature presets; the non-template ones as the CLI builds them (-F average|linfit|full).
FeatureConfig identificationPreset(const QString &id)
{
    if (id == QLatin1String("template"))
        return FeatureConfig::identificationDefault();
    FeatureConfig f = FeatureConfig::detectionDefault();
    f.segmentKeV = id == QLatin1String("average25") ? 25.0 : 5.0;
    if (id == QLatin1String("linfit5"))
        f.kind = FeatureKind::Linfit;
    else if (id == QLatin1String("full"))
        f.kind = FeatureKind::Full;
    return f;
}

QComboBox *combo(const QString &name, const QList<std::pair<QString, QString>> &items, const QString &current,
                 const QString &tip)
{
    auto *c = new QComboBox;
    c->setObjectName(name);
    for (const auto &[title, data] : items)
        c->addItem(title, data);
    c->setCurrentIndex(c->findData(current));
    c->setToolTip(tip);
    c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    c->setMinimumContentsLength(12);
    return c;
}

QCheckBox *check(const QString &name, const QString &text, bool on, const QString &tip)
{
    auto *c = new QCheckBox(text);
    c->setObjectName(name);
    c->setChecked(on);
    c->setToolTip(tip);
    return c;
}

QSpinBox *spin(const QString &name, int lo, int hi, int value, const QString &tip)
{
    auto *s = new QSpinBox;
    s->setObjectName(name);
    s->setRange(lo, hi);
    s->setValue(value);
    s->setToolTip(tip);
    return s;
}

QDoubleSpinBox *dspin(const QString &name, double lo, double hi, double step, int decimals, double value,
                      const QString &tip)
{
    auto *s = new QDoubleSpinBox;
    s->setObjectName(name);
    s->setRange(lo, hi);
    s->setSingleStep(step);
    s->setDecimals(decimals);
    s->setValue(value);
    s->setToolTip(tip);
    return s;
}

QFormLayout *form(QWidget *parent)
{
    auto *f = new QFormLayout(parent);
    f->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    f->setRowWrapPolicy(QFormLayout::DontWrapRows);
    return f;
}

// Fixed height showing the list's rows (at least 2, at most `maxRows`, then it scrolls) below the header, so
// that short lists leave room for the options.
void fitHeight(QTreeWidget *list, int maxRows)
{
    const int rows = std::clamp(list->topLevelItemCount(), 2, maxRows);
    const int row = list->topLevelItemCount() > 0 ? std::max(list->sizeHintForRow(0), 1)
                                                  : list->fontMetrics().height() + 4;
    list->setFixedHeight(list->header()->sizeHint().height() + rows * row + 2 * list->frameWidth());
}

QTreeWidget *checkList(const QString &name, const QString &title, const QString &tip)
{
    auto *t = new QTreeWidget;
    t->setObjectName(name);
    t->setColumnCount(2);
    t->setHeaderLabels({title, QObject::tr("Spectra")});
    t->setRootIsDecorated(false);
    t->setUniformRowHeights(true);
    t->setSelectionMode(QAbstractItemView::NoSelection);
    t->header()->setStretchLastSection(false);
    t->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    t->header()->setSectionResizeMode(kCountColumn, QHeaderView::ResizeToContents);
    t->setToolTip(tip);
    return t;
}
} // namespace

TrainingPanel::TrainingPanel(QWidget *parent) : QWidget(parent), m_job(new TrainingJob(this))
{
    setObjectName(QStringLiteral("TrainingPanel"));

    m_settings = new QWidget;
    auto *settingsLayout = new QVBoxLayout(m_settings);
    settingsLayout->setContentsMargins(0, 0, 0, 0);
    settingsLayout->addWidget(createDataGroup());

    auto *taskForm = form(nullptr);
    m_task = combo(QStringLiteral("taskCombo"),
                   {{tr("Detection and identification"), QStringLiteral("classifier")},
                    {tr("Latent decomposition"), QStringLiteral("latent")}},
                   QStringLiteral("classifier"),
                   tr("Detection and identification: a calibrated source detector and one classifier per isotope "
                      "(photopeak-cli train).\nLatent decomposition: one loading per component, spectra "
                      "decomposed by non-negative least squares (photopeak-cli latent train)."));
    taskForm->addRow(tr("Task:"), m_task);
    settingsLayout->addLayout(taskForm);

    // One page per task; the hidden one takes no room (a stacked widget would keep the larger page's height).
    m_classifierPage = createClassifierPage();
    m_classifierPage->setObjectName(QStringLiteral("classifierPage"));
    m_latentPage = createLatentPage();
    m_latentPage->setObjectName(QStringLiteral("latentPage"));
    settingsLayout->addWidget(m_classifierPage);
    settingsLayout->addWidget(m_latentPage);
    settingsLayout->addStretch(1);

    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("settingsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(m_settings);

    // Run, progress and results.
    auto *results = new QWidget;
    auto *resultsLayout = new QVBoxLayout(results);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
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
    resultsLayout->addLayout(runRow);
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    resultsLayout->addWidget(m_progress);
    m_status = new QLabel(tr("Load spectra to train on."));
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    resultsLayout->addWidget(m_status);
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
    m_metrics = new QPlainTextEdit;
    m_metrics->setObjectName(QStringLiteral("metricsText"));
    m_metrics->setReadOnly(true);
    m_metrics->setLineWrapMode(QPlainTextEdit::NoWrap);  // the report's columns stay aligned
    m_metrics->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_metrics->setPlaceholderText(tr("The report of the trained or loaded model appears here."));
    m_resultTabs->addTab(m_metrics, tr("Report"));
    resultsLayout->addWidget(m_resultTabs, 1);
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
    resultsLayout->addLayout(fileRow);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("trainingSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(scroll);
    splitter->addWidget(results);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_task, &QComboBox::currentIndexChanged, this, [this] { updateTaskWidgets(); });
    connect(m_train, &QPushButton::clicked, this, &TrainingPanel::startTraining);
    connect(m_cancel, &QPushButton::clicked, this, &TrainingPanel::cancelTraining);
    connect(m_save, &QPushButton::clicked, this, &TrainingPanel::saveModel);
    connect(m_load, &QPushButton::clicked, this, &TrainingPanel::loadModel);
    connect(m_job, &TrainingJob::progress, this, &TrainingPanel::onProgress);
    connect(m_job, &TrainingJob::finished, this, &TrainingPanel::onFinished);
    connect(m_job, &TrainingJob::failed, this, &TrainingPanel::onFailed);
    connect(m_job, &TrainingJob::cancelled, this, &TrainingPanel::onCancelled);

    updateSelection();
    updateTaskWidgets();
}

TrainingPanel::~TrainingPanel() = default;

QWidget *TrainingPanel::createDataGroup()
{
    auto *group = new QGroupBox(tr("Training data"));
    auto *v = new QVBoxLayout(group);
    m_labelList = checkList(QStringLiteral("labelList"), tr("Label set"),
                            tr("Label sets of the loaded spectra (from folder and file names or HDF5 label columns). "
                               "Only checked label sets are trained on.\nLatent decomposition: every checked single "
                               "label becomes a component."));
    m_folderList = checkList(QStringLiteral("folderList"), tr("Folder or file"),
                             tr("Top folders (or files opened alone, e.g. HDF5 tables) of the loaded data. Only "
                                "spectra in checked folders are trained on."));
    v->addWidget(m_labelList);
    v->addWidget(m_folderList);
    fitHeight(m_labelList, 10);
    fitHeight(m_folderList, 6);
    auto *f = form(nullptr);
    m_background = new QComboBox;
    m_background->setObjectName(QStringLiteral("backgroundCombo"));
    m_background->setToolTip(tr("Which label set means background. Spectra labelled background (folders named bkg, "
                                "bkgs or background) always do; choose another set, e.g. (unlabelled), to use it as "
                                "background as well."));
    f->addRow(tr("Background:"), m_background);
    v->addLayout(f);
    m_selectionSummary = new QLabel;
    m_selectionSummary->setObjectName(QStringLiteral("selectionSummary"));
    m_selectionSummary->setWordWrap(true);
    v->addWidget(m_selectionSummary);

    connect(m_labelList, &QTreeWidget::itemChanged, this, &TrainingPanel::onItemChanged);
    connect(m_folderList, &QTreeWidget::itemChanged, this, &TrainingPanel::onItemChanged);
    connect(m_background, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        // The set chosen as background is trained on: check it.
        setLabelSetChecked(m_background->currentData().toString(), true);
        updateSelection();
    });
    return group;
}

QWidget *TrainingPanel::createClassifierPage()
{
    auto *page = new QWidget;
    auto *v = new QVBoxLayout(page);
    v->setContentsMargins(0, 0, 0, 0);

    const QList<std::pair<QString, QString>> learners = {
        {tr("Logistic regression"), QStringLiteral("logistic")},
        {tr("Linear SVM"), QStringLiteral("linear-svm")},
        {tr("RBF SVM"), QStringLiteral("rbf-svm")},
        {tr("Random forest"), QStringLiteral("random-forest")},
    };
    auto *method = new QGroupBox(tr("Method and features"));
    auto *mf = form(method);
    m_detection = combo(QStringLiteral("detectionMethodCombo"),
                        learners + QList<std::pair<QString, QString>>{{tr("Sigma test (no learning)"), QStringLiteral("sigma")}},
                        QStringLiteral("logistic"),
                        tr("How a spectrum is called a source.\nLogistic regression (default): fast, best "
                           "cross-validated log-loss on the XGD data.\nLinear SVM, RBF SVM (grid search of C and "
                           "gamma, slower), random forest (dlib regression forest on ±1).\nSigma test: counts above "
                           "the mean training background by more than k standard deviations (one-sided)."));
    mf->addRow(tr("Detection:"), m_detection);
    m_identification = combo(QStringLiteral("identificationMethodCombo"),
                             learners + QList<std::pair<QString, QString>>{{tr("None (detection only)"), QStringLiteral("none")}},
                             QStringLiteral("logistic"),
                             tr("One calibrated one-vs-rest classifier per isotope (isotopes from the labels of "
                                "single-source spectra). An isotope is reported when the spectrum is a source and its "
                                "probability reaches the threshold."));
    mf->addRow(tr("Identification:"), m_identification);
    m_detectionFeatures = combo(QStringLiteral("detectionFeaturesCombo"),
                                {{tr("AVERAGE, 25 keV"), QStringLiteral("average25")},
                                 {tr("AVERAGE, 5 keV"), QStringLiteral("average5")},
                                 {tr("LINFIT, 25 keV"), QStringLiteral("linfit25")},
                                 {tr("Full spectrum, 1 keV"), QStringLiteral("full")}},
                                QStringLiteral("average25"),
                                tr("Detection features, each as significance over the training background.\nAVERAGE: "
                                   "mean count rate per keV in each segment (default 25 keV).\nLINFIT: least-squares "
                                   "slope and level in each segment.\nFull spectrum: every 1-keV bin."));
    mf->addRow(tr("Detection features:"), m_detectionFeatures);
    m_identificationFeatures = combo(QStringLiteral("identificationFeaturesCombo"),
                                     {{tr("Template fit, 5 keV"), QStringLiteral("template")},
                                      {tr("AVERAGE, 5 keV"), QStringLiteral("average5")},
                                      {tr("AVERAGE, 25 keV"), QStringLiteral("average25")},
                                      {tr("LINFIT, 5 keV"), QStringLiteral("linfit5")},
                                      {tr("Full spectrum, 1 keV"), QStringLiteral("full")}},
                                     QStringLiteral("template"),
                                     tr("Identification features.\nTemplate fit (default): per isotope, the significance "
                                        "of its net-spectrum templates in a non-negative fit of 5-keV segments; "
                                        "carries over to mixtures never measured.\nAVERAGE, LINFIT, full spectrum: "
                                        "as for detection."));
    mf->addRow(tr("Identification features:"), m_identificationFeatures);
    m_transform = combo(QStringLiteral("transformCombo"),
                        {{tr("Signed log"), QStringLiteral("log")},
                         {tr("Arctan (old tool)"), QStringLiteral("arctan")},
                         {tr("None"), QStringLiteral("none")}},
                        QStringLiteral("log"),
                        tr("Transform of the feature values before standardisation: sign(x)·log(1+|x|) (default), "
                           "the old tool's arctan scaling, or none."));
    mf->addRow(tr("Feature transform:"), m_transform);
    auto *grid = new QLabel(EnergyGrid::xgdDefault().describe());
    grid->setWordWrap(true);
    grid->setToolTip(tr("Every spectrum is rebinned count-conserving onto this grid before the features are computed."));
    mf->addRow(tr("Energy grid:"), grid);
    v->addWidget(method);

    auto *synth = new QGroupBox(tr("Synthetic spectra"));
    auto *sf = form(synth);
    m_synthetic = check(QStringLiteral("syntheticCheck"), tr("Weak sources and backgrounds"), true,
                        tr("Add seeded synthetic spectra made from the measured ones by Poisson thinning: weak single "
                           "sources (2500) and backgrounds at other live times (2000). Without them the learners never "
                           "see weak, distant sources."));
    sf->addRow(m_synthetic);
    m_mixtures = check(QStringLiteral("mixturesCheck"), tr("Mixtures of 2 or 3 isotopes"), true,
                       tr("Add synthetic mixtures of two or three measured isotopes (2500), so that combinations never "
                          "measured can be identified."));
    sf->addRow(m_mixtures);
    m_seed = spin(QStringLiteral("seedSpin"), 0, std::numeric_limits<int>::max(), 20221,
                  tr("Seed of the synthetic spectra and of the cross-validation folds: the same seed and data give "
                     "the same model."));
    sf->addRow(tr("Seed:"), m_seed);
    v->addWidget(synth);

    auto *validation = new QGroupBox(tr("Validation and calibration"));
    auto *vf = form(validation);
    m_folds = spin(QStringLiteral("foldsSpin"), 2, 20, 5,
                   tr("Grouped k-fold cross-validation: spectra of one acquisition series (folder) stay in one fold. "
                      "Chooses the hyper-parameters, calibrates the probabilities on held-out folds and gives the "
                      "out-of-fold metrics."));
    vf->addRow(tr("Cross-validation folds:"), m_folds);
    m_search = check(QStringLiteral("searchCheck"), tr("Search hyper-parameters"), true,
                     tr("Choose C, gamma or lambda by the out-of-fold log-loss; off = the learner's defaults."));
    vf->addRow(m_search);
    m_calibration = combo(QStringLiteral("calibrationCombo"),
                          {{tr("Platt scaling"), QStringLiteral("platt")}, {tr("Isotonic"), QStringLiteral("isotonic")}},
                          QStringLiteral("platt"),
                          tr("How scores become probabilities, fitted on the held-out folds' scores."));
    vf->addRow(tr("Calibration:"), m_calibration);
    m_falseAlarm = dspin(QStringLiteral("falseAlarmSpin"), 0.0, 0.49, 0.005, 3, 0.01,
                         tr("Detection operating point: the probability threshold that calls this share of held-out "
                            "background spectra a source (default 0.01 = 1 %). 0 = use the decision threshold."));
    vf->addRow(tr("Target false alarms:"), m_falseAlarm);
    m_threshold = dspin(QStringLiteral("thresholdSpin"), 0.01, 0.99, 0.05, 2, 0.5,
                        tr("Calibrated probability at which an isotope is reported (default 0.5)."));
    vf->addRow(tr("Decision threshold:"), m_threshold);
    m_sigmaK = dspin(QStringLiteral("sigmaKSpin"), 0.5, 20.0, 0.5, 1, 3.0,
                     tr("Sigma test: a spectrum is a source when its count rate exceeds the reference background by "
                        "more than k combined standard deviations (default 3)."));
    vf->addRow(tr("Sigma test k:"), m_sigmaK);
    v->addWidget(validation);

    connect(m_detection, &QComboBox::currentIndexChanged, this, [this] { updateTaskWidgets(); });
    connect(m_identification, &QComboBox::currentIndexChanged, this, [this] { updateTaskWidgets(); });
    connect(m_synthetic, &QCheckBox::toggled, this, [this] { updateTaskWidgets(); });
    return page;
}

QWidget *TrainingPanel::createLatentPage()
{
    auto *page = new QWidget;
    auto *v = new QVBoxLayout(page);
    v->setContentsMargins(0, 0, 0, 0);

    auto *model = new QGroupBox(tr("Components and training source"));
    auto *mf = form(model);
    m_components = new QLabel;
    m_components->setObjectName(QStringLiteral("componentsLabel"));
    m_components->setWordWrap(true);
    m_components->setToolTip(tr("One component per checked single label (spectra whose label set is exactly that "
                                "label), then background. Mixtures are not components."));
    mf->addRow(tr("Components:"), m_components);
    m_isotopeDetector = new QLineEdit;
    m_isotopeDetector->setObjectName(QStringLiteral("isotopeDetectorEdit"));
    m_isotopeDetector->setPlaceholderText(tr("any detector"));
    m_isotopeDetector->setClearButtonEnabled(true);
    m_isotopeDetector->setToolTip(tr("Use isotope spectra of this detector only. GAMMA_FLOW's default training "
                                     "source is simulated isotopes plus measured background: enter simulated here "
                                     "and the background detector (e.g. left) below."));
    mf->addRow(tr("Isotope detector:"), m_isotopeDetector);
    m_backgroundDetector = new QLineEdit;
    m_backgroundDetector->setObjectName(QStringLiteral("backgroundDetectorEdit"));
    m_backgroundDetector->setPlaceholderText(tr("any detector"));
    m_backgroundDetector->setClearButtonEnabled(true);
    m_backgroundDetector->setToolTip(tr("Use background spectra of this detector only (e.g. left for the measured "
                                        "GAMMA_FLOW background)."));
    mf->addRow(tr("Background detector:"), m_backgroundDetector);
    auto *grid = new QLabel(EnergyGrid::gammaFlowDefault().describe());
    grid->setWordWrap(true);
    grid->setToolTip(tr("Spectra are rebinned count-conserving onto the GAMMA_FLOW grid; each loading is the mean of "
                        "its component's spectra, normalised to area 1 from the first fitted channel on."));
    mf->addRow(tr("Energy grid:"), grid);
    m_minChannel = spin(QStringLiteral("minChannelSpin"), 0, EnergyGrid::gammaFlowDefault().binCount() - 1, 7,
                        tr("First channel of the fit (default 7): lower channels (noise, threshold) are ignored."));
    mf->addRow(tr("First fitted channel:"), m_minChannel);
    v->addWidget(model);

    auto *options = new QGroupBox(tr("Options stored in the model"));
    auto *of = form(options);
    const LatentOptions defaults = LatentOptions::recommended();
    m_poisson = check(QStringLiteral("poissonCheck"), tr("Poisson weighting"), defaults.poissonWeighted,
                      tr("One re-weighted step: each channel weighted by 1/max(model counts, 1), its Poisson variance, "
                         "then weighted non-negative least squares."));
    of->addRow(m_poisson);
    m_gain = check(QStringLiteral("gainCheck"), tr("Gain adjustment"), defaults.gainAdjust,
                   tr("Per-spectrum energy-scale factor within ±6 %, chosen by the best fit (lowest deviance)."));
    of->addRow(m_gain);
    m_match = check(QStringLiteral("matchCheck"), tr("Resolution match"), defaults.resolutionMatch,
                    tr("Training: the isotope loadings are broadened once to the line widths of the measured "
                       "background (fitted on the training loadings' known lines)."));
    of->addRow(m_match);
    m_decision = new QComboBox;
    m_decision->setObjectName(QStringLiteral("decisionCombo"));
    m_decision->addItem(tr("Two stages: source alarm, then which"), QStringLiteral("two-stage"));
    m_decision->addItem(tr("Significance of each component"), QStringLiteral("significance"));
    m_decision->addItem(tr("Share above 10 % (old method)"), QStringLiteral("share"));
    m_decision->setToolTip(tr("Two stages (default): a source is reported when the isotopes significant at z together "
                              "hold more than 10 % of the scores; then every significant isotope is present.\n"
                              "Significance: every component whose score exceeds z standard errors.\n"
                              "Old method: every component with a share above 10 %."));
    of->addRow(tr("Decision:"), m_decision);
    m_quasi = check(QStringLiteral("quasiCheck"), tr("Quasi-Poisson standard errors"), defaults.overdispersion,
                    tr("Standard errors grow by sqrt(deviance per degree of freedom) when the fit is worse than "
                       "Poisson noise: template mismatch in strong spectra is not taken for extra isotopes."));
    of->addRow(m_quasi);
    m_significanceZ = dspin(QStringLiteral("significanceSpin"), 1.0, 20.0, 0.5, 1, defaults.significance,
                            tr("z of the statistical threshold (default 5, the conventional discovery level)."));
    of->addRow(tr("Significance z:"), m_significanceZ);
    v->addWidget(options);

    auto *validation = new QGroupBox(tr("Validation"));
    auto *vf = form(validation);
    m_quantile = dspin(QStringLiteral("quantileSpin"), 0.5, 1.0, 0.005, 3, 0.99,
                       tr("Unknown-isotope flag: every training spectrum is analysed by the trained model; a spectrum "
                          "is flagged when its fit is worse than this quantile of theirs (default 0.99)."));
    vf->addRow(tr("Unknown-flag quantile:"), m_quantile);
    v->addWidget(validation);

    connect(m_decision, &QComboBox::currentIndexChanged, this, [this] { updateTaskWidgets(); });
    return page;
}

// ---------------------------------------------------------------------------------------------- data

void TrainingPanel::setDataset(std::shared_ptr<const SpectrumDataset> dataset)
{
    m_dataset = std::move(dataset);
    fillLists();
    updateSelection();
}

void TrainingPanel::fillLists()
{
    // Keep the user's choices for names that are still there.
    QMap<QString, bool> previousLabels, previousFolders;
    for (int i = 0; i < m_labelList->topLevelItemCount(); ++i)
        previousLabels[m_labelList->topLevelItem(i)->data(0, kKeyRole).toString()] =
            m_labelList->topLevelItem(i)->checkState(0) == Qt::Checked;
    for (int i = 0; i < m_folderList->topLevelItemCount(); ++i)
        previousFolders[m_folderList->topLevelItem(i)->data(0, kKeyRole).toString()] =
            m_folderList->topLevelItem(i)->checkState(0) == Qt::Checked;
    const QString previousBackground = m_background->currentData().toString();

    m_filling = true;
    m_labelList->clear();
    m_folderList->clear();
    m_background->clear();
    m_labelSetKeys.clear();
    m_folders.clear();
    m_labelsByKey.clear();
    m_entryLabelSet.clear();
    m_entryFolder.clear();

    QMap<QString, int> labelCounts, folderCounts;
    if (m_dataset) {
        const auto &entries = m_dataset->entries();
        m_entryLabelSet.assign(entries.size(), -1);
        m_entryFolder.assign(entries.size(), -1);
        QHash<QString, int> labelIndex, folderIndex;
        for (size_t i = 0; i < entries.size(); ++i) {
            const DatasetEntry &e = entries[i];
            if (!e.isUsable())
                continue;
            const QString key = e.spectrum.labelKey();
            auto l = labelIndex.constFind(key);
            if (l == labelIndex.constEnd()) {
                l = labelIndex.insert(key, int(m_labelSetKeys.size()));
                m_labelSetKeys << key;
                m_labelsByKey.insert(key, e.spectrum.labels);
            }
            const QString folder = TrainingSetBuilder::folderOf(e);
            auto f = folderIndex.constFind(folder);
            if (f == folderIndex.constEnd()) {
                f = folderIndex.insert(folder, int(m_folders.size()));
                m_folders << folder;
            }
            m_entryLabelSet[i] = *l;
            m_entryFolder[i] = *f;
            ++labelCounts[key];
            ++folderCounts[folder];
        }
    }

    // Label sets: isotopes and mixtures alphabetically, then background, then unlabelled.
    const QString bg = LabelParser::backgroundLabel();
    QStringList ordered = labelCounts.keys();
    std::stable_sort(ordered.begin(), ordered.end(), [&](const QString &a, const QString &b) {
        auto rank = [&](const QString &k) { return k.isEmpty() ? 2 : k == bg ? 1 : 0; };
        return rank(a) < rank(b);
    });
    auto addItem = [](QTreeWidget *list, const QString &key, const QString &title, int count, bool checked) {
        auto *item = new QTreeWidgetItem(list, {title, QString::number(count)});
        item->setData(0, kKeyRole, key);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
        item->setTextAlignment(kCountColumn, Qt::AlignRight | Qt::AlignVCenter);
    };
    for (const QString &key : ordered)
        addItem(m_labelList, key, key.isEmpty() ? tr("(unlabelled)") : key, labelCounts.value(key),
                previousLabels.value(key, !key.isEmpty()));
    for (auto it = folderCounts.begin(); it != folderCounts.end(); ++it)
        addItem(m_folderList, it.key(), it.key().isEmpty() ? tr("(no folder)") : it.key(), it.value(),
                previousFolders.value(it.key(), true));

    m_background->addItem(tr("background"), bg);
    for (const QString &key : ordered)
        if (key != bg)
            m_background->addItem(key.isEmpty() ? tr("(unlabelled)") : key, key);
    const int b = m_background->findData(previousBackground);
    m_background->setCurrentIndex(b >= 0 ? b : 0);
    fitHeight(m_labelList, 10);
    fitHeight(m_folderList, 6);
    m_filling = false;
}

bool TrainingPanel::setLabelSetChecked(const QString &key, bool checked)
{
    for (int i = 0; i < m_labelList->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_labelList->topLevelItem(i);
        if (item->data(0, kKeyRole).toString() == key) {
            item->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
            return true;
        }
    }
    return false;
}

bool TrainingPanel::setFolderChecked(const QString &folder, bool checked)
{
    for (int i = 0; i < m_folderList->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_folderList->topLevelItem(i);
        if (item->data(0, kKeyRole).toString() == folder) {
            item->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
            return true;
        }
    }
    return false;
}

QStringList TrainingPanel::labelSetKeys() const
{
    QStringList out;
    for (int i = 0; i < m_labelList->topLevelItemCount(); ++i)
        out << m_labelList->topLevelItem(i)->data(0, kKeyRole).toString();
    return out;
}

QStringList TrainingPanel::folderNames() const
{
    QStringList out;
    for (int i = 0; i < m_folderList->topLevelItemCount(); ++i)
        out << m_folderList->topLevelItem(i)->data(0, kKeyRole).toString();
    return out;
}

void TrainingPanel::onItemChanged(QTreeWidgetItem *)
{
    if (!m_filling)
        updateSelection();
}

TrainingSelection TrainingPanel::selection() const
{
    TrainingSelection s;
    for (int i = 0; i < m_labelList->topLevelItemCount(); ++i)
        if (m_labelList->topLevelItem(i)->checkState(0) == Qt::Checked)
            s.labelSets.insert(m_labelList->topLevelItem(i)->data(0, kKeyRole).toString());
    for (int i = 0; i < m_folderList->topLevelItemCount(); ++i)
        if (m_folderList->topLevelItem(i)->checkState(0) == Qt::Checked)
            s.folders.insert(m_folderList->topLevelItem(i)->data(0, kKeyRole).toString());
    s.backgroundLabelSet = m_background->currentData().toString();
    return s;
}

int TrainingPanel::selectedSpectrumCount() const
{
    const TrainingSelection s = selection();
    std::vector<char> label(size_t(m_labelSetKeys.size())), folder(size_t(m_folders.size()));
    for (int i = 0; i < m_labelSetKeys.size(); ++i)
        label[size_t(i)] = s.labelSets.contains(m_labelSetKeys[i]);
    for (int i = 0; i < m_folders.size(); ++i)
        folder[size_t(i)] = s.folders.contains(m_folders[i]);
    int n = 0;
    for (size_t i = 0; i < m_entryLabelSet.size(); ++i)
        n += m_entryLabelSet[i] >= 0 && label[size_t(m_entryLabelSet[i])] && folder[size_t(m_entryFolder[i])];
    return n;
}

QStringList TrainingPanel::latentComponents() const
{
    return TrainingSetBuilder::latentComponents(m_labelsByKey, selection());
}

void TrainingPanel::updateSelection()
{
    const int usable = int(std::count_if(m_entryLabelSet.begin(), m_entryLabelSet.end(), [](int l) { return l >= 0; }));
    const int selected = selectedSpectrumCount();
    if (!m_dataset || m_dataset->size() == 0)
        m_selectionSummary->setText(tr("No spectra loaded: open files or folders first."));
    else
        m_selectionSummary->setText(tr("%1 of %2 usable spectra selected (%3 files or rows loaded).")
                                        .arg(selected)
                                        .arg(usable)
                                        .arg(m_dataset->size()));
    const QStringList components = latentComponents();
    m_components->setText(components.isEmpty() ? tr("(none: check single-label sets)") : components.join(QStringLiteral(", ")));
    if (!isBusy())
        m_train->setEnabled(selected > 0);
    if (!isBusy() && m_dataset && m_status->text() == tr("Load spectra to train on."))
        setStatus(tr("Ready."));
}

// ------------------------------------------------------------------------------------------- options

ClassifierOptions TrainingPanel::classifierOptions() const
{
    ClassifierOptions o;
    const QString det = m_detection->currentData().toString();
    o.sigmaDetection = det == QLatin1String("sigma");
    if (!o.sigmaDetection)
        BinaryLearner::parseMethod(det, &o.detectionMethod);
    const QString id = m_identification->currentData().toString();
    o.identify = id != QLatin1String("none");
    if (o.identify)
        BinaryLearner::parseMethod(id, &o.identificationMethod);
    o.detectionFeatures = detectionPreset(m_detectionFeatures->currentData().toString());
    o.identificationFeatures = identificationPreset(m_identificationFeatures->currentData().toString());
    FeatureTransform transform = FeatureTransform::Log;
    FeatureConfig::parseTransform(m_transform->currentData().toString(), &transform);
    o.detectionFeatures.transform = o.identificationFeatures.transform = transform;
    ProbabilityCalibrator::parseMethod(m_calibration->currentData().toString(), &o.calibration);
    o.augment = m_synthetic->isChecked();
    o.augmentMixtures = m_mixtures->isChecked();
    o.searchHyperParameters = m_search->isChecked();
    o.folds = m_folds->value();
    o.seed = quint64(m_seed->value());
    o.targetFalseAlarm = m_falseAlarm->value();
    o.decisionThreshold = m_threshold->value();
    o.sigma.k = m_sigmaK->value();
    return o;
}

LatentTrainingSpec TrainingPanel::latentSpec(const TrainingSelection &s) const
{
    LatentTrainingSpec spec;
    spec.components = TrainingSetBuilder::latentComponents(m_labelsByKey, s);
    spec.grid = EnergyGrid::gammaFlowDefault();
    spec.minChannel = m_minChannel->value();
    spec.unknownQuantile = m_quantile->value();
    LatentOptions o;
    o.poissonWeighted = m_poisson->isChecked();
    o.gainAdjust = m_gain->isChecked();
    o.resolutionMatch = m_match->isChecked();
    const QString decision = m_decision->currentData().toString();
    o.detection = decision == QLatin1String("two-stage")      ? DetectionRule::TwoStage
                  : decision == QLatin1String("significance") ? DetectionRule::Significance
                                                              : DetectionRule::ShareThreshold;
    o.overdispersion = m_quasi->isChecked();
    o.significance = m_significanceZ->value();
    spec.options = o;
    const QString iso = m_isotopeDetector->text().trimmed(), bg = m_backgroundDetector->text().trimmed();
    for (const QString &c : spec.components) {
        const QString det = c == LabelParser::backgroundLabel() ? bg : iso;
        if (!det.isEmpty())
            spec.detectorFilter[c] = det;
    }
    return spec;
}

TrainingRequest TrainingPanel::currentRequest() const
{
    TrainingRequest r;
    r.task = task() == Task::Latent ? TrainingRequest::Task::Latent : TrainingRequest::Task::Classifier;
    r.dataset = m_dataset;
    r.selection = selection();
    r.classifier = classifierOptions();
    r.latent = latentSpec(r.selection);
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

void TrainingPanel::updateTaskWidgets()
{
    const bool latent = task() == Task::Latent;
    m_classifierPage->setVisible(!latent);
    m_latentPage->setVisible(latent);
    const bool sigma = m_detection->currentData().toString() == QLatin1String("sigma");
    m_detectionFeatures->setEnabled(!sigma);
    m_falseAlarm->setEnabled(!sigma);
    m_identificationFeatures->setEnabled(m_identification->currentData().toString() != QLatin1String("none"));
    m_mixtures->setEnabled(m_synthetic->isChecked());
    const bool significance = m_decision->currentData().toString() != QLatin1String("share");
    m_significanceZ->setEnabled(significance);
    m_quasi->setEnabled(significance);
    showModelReport();
    if (!isBusy())
        m_save->setEnabled(task() == Task::Latent ? bool(m_latentModel) : bool(m_classifier));
}

void TrainingPanel::showModelReport()
{
    if (isBusy())
        return;
    const bool latent = task() == Task::Latent;
    m_metrics->setPlainText(latent ? m_latentReport : m_classifierReport);
    m_summary->clear();
    auto percent = [](const QJsonObject &o, const char *key, int decimals) {
        return QString::number(100.0 * o.value(QLatin1String(key)).toDouble(), 'f', decimals);
    };
    auto addRow = [this](const QStringList &cells) {
        auto *item = new QTreeWidgetItem(m_summary, cells);
        for (int c = 1; c < cells.size(); ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    };
    if (latent) {
        m_summary->setColumnCount(2);
        m_summary->setHeaderLabels({tr("Component"), tr("Spectra")});
        if (m_latentModel) {
            const QJsonObject per = m_latentModel->trainingInfo().value(QStringLiteral("spectraPerComponent")).toObject();
            for (const QString &c : m_latentModel->components())
                addRow({c, QString::number(per.value(c).toInt())});
        }
    } else {
        m_summary->setColumnCount(5);
        m_summary->setHeaderLabels({tr("Learner"), tr("Accuracy %"), tr("Recall %"), tr("False pos. %"), tr("Log-loss")});
        if (m_classifier) {
            const QJsonObject r = m_classifier->report();
            auto addValidation = [&](const QString &name, const QJsonObject &v) {
                addRow({name, percent(v, "accuracy", 1), percent(v, "recall", 1), percent(v, "falsePositiveRate", 2),
                        QString::number(v.value(QStringLiteral("logLoss")).toDouble(), 'f', 3)});
            };
            if (r.contains(QStringLiteral("detection")))
                addValidation(tr("Source"), r.value(QStringLiteral("detection")).toObject());
            const QJsonObject id = r.value(QStringLiteral("identification")).toObject();
            for (const QString &l : m_classifier->isotopeLabels())
                addValidation(l, id.value(l).toObject());
        }
    }
    for (int c = 0; c < m_summary->columnCount(); ++c)
        m_summary->header()->setSectionResizeMode(c, c == 0 ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
    m_summary->header()->setStretchLastSection(false);
}

// ------------------------------------------------------------------------------------------ training

bool TrainingPanel::isBusy() const { return m_job->isRunning(); }

QString TrainingPanel::metricsText() const { return m_metrics->toPlainText(); }

void TrainingPanel::setStatus(const QString &text) { m_status->setText(text); }

bool TrainingPanel::startTraining()
{
    if (isBusy())
        return false;
    if (!m_dataset || selectedSpectrumCount() == 0) {
        setStatus(tr("Nothing to train on: load spectra and check at least one label set and folder."));
        return false;
    }
    const TrainingRequest request = currentRequest();
    if (request.task == TrainingRequest::Task::Latent && request.latent.components.isEmpty()) {
        setStatus(tr("No components: check at least one single-label set."));
        return false;
    }
    if (!m_job->start(request))
        return false;
    m_progress->setRange(0, 0);  // busy indicator until the first progress report
    setStatus(tr("Training…"));
    m_metrics->clear();
    m_summary->clear();
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
    m_train->setEnabled(!busy && selectedSpectrumCount() > 0);
    m_cancel->setEnabled(busy);
    m_load->setEnabled(!busy);
    m_save->setEnabled(!busy && (task() == Task::Latent ? bool(m_latentModel) : bool(m_classifier)));
    emit busyChanged(busy);
}

void TrainingPanel::onProgress(int done, int total, const QString &stage)
{
    if (total > 0) {
        m_progress->setRange(0, total);
        m_progress->setValue(std::min(done, total));
    } else {
        m_progress->setRange(0, 0);
    }
    if (!stage.isEmpty())
        setStatus(tr("Training: %1…").arg(stage));
}

void TrainingPanel::onFinished(std::shared_ptr<const TrainingResult> result)
{
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
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
    setStatus(tr("Trained on %1 spectra in %2 s.").arg(result->spectra).arg(result->seconds, 0, 'f', 2));
    setBusy(false);
    showModelReport();
    if (result->task == TrainingRequest::Task::Latent)
        emit latentModelReady(m_latentModel);
    else
        emit classifierReady(m_classifier);
}

void TrainingPanel::onFailed(const QString &message)
{
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    setStatus(tr("Training failed: %1").arg(message));
    setBusy(false);
    showModelReport();
}

void TrainingPanel::onCancelled()
{
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    setStatus(tr("Training cancelled."));
    setBusy(false);
    showModelReport();
}

// ------------------------------------------------------------------------------------------- files

void TrainingPanel::showError(const QString &title, const QString &message)
{
    setStatus(message);
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("trainingErrorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();  // window-modal, does not block the event loop
}

bool TrainingPanel::saveModelTo(const QString &path)
{
    Status st = makeError(path, tr("no model of this task to save"));
    // The save dialog has asked before replacing a file; an input is never replaced.
    if (OutputGuard(m_folders, true).isInput(path))
        st = makeError(path, tr("is one of the training files; choose another name"));
    else if (task() == Task::Latent && m_latentModel)
        st = m_latentModel->save(path);
    else if (task() == Task::Classifier && m_classifier)
        st = m_classifier->save(path);
    if (!st) {
        showError(tr("Save model"), st.error().toString());
        return false;
    }
    setStatus(tr("Saved %1.").arg(QFileInfo(path).fileName()));
    return true;
}

bool TrainingPanel::loadModelFrom(const QString &path)
{
    const QString header = tr("Loaded %1.").arg(QFileInfo(path).absoluteFilePath());
    if (task() == Task::Latent) {
        auto model = LatentModel::load(path);
        if (!model) {
            showError(tr("Load model"), model.error().toString());
            return false;
        }
        m_latentModel = std::make_shared<const LatentModel>(std::move(model).value());
        m_latentReport = header + QLatin1Char('\n') + TrainingReport::latent(*m_latentModel);
    } else {
        auto model = SpectrumClassifier::load(path);
        if (!model) {
            showError(tr("Load model"), model.error().toString());
            return false;
        }
        m_classifier = std::make_shared<const SpectrumClassifier>(std::move(model).value());
        m_classifierReport = header + QLatin1Char('\n') + TrainingReport::classifier(*m_classifier);
    }
    setStatus(header);
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

} // namespace photopeak::ui
