#pragma once

#include "training/TrainingJob.h"

#include <QMap>
#include <QWidget>

#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace photopeak {
class LatentModel;
class SpectrumClassifier;
class SpectrumDataset;
}

namespace photopeak::ui {

// Training panel (meant for a dock): trains on the spectra loaded in the window, or the subset chosen by
// label set and folder, either source detection + isotope identification (SpectrumClassifier) or the latent
// decomposition (LatentTrainer). Training runs in a TrainingJob with a progress bar and Cancel; the metrics
// appear when it ends; models are saved and loaded through the core (no parsing here).
class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    enum class Task { Classifier = 0, Latent = 1 };

    explicit TrainingPanel(QWidget *parent = nullptr);
    ~TrainingPanel() override;

    // The training data: the dataset loaded in the window. Label sets and folders are listed with counts,
    // all checked except unlabelled spectra; the label set "background" (if any) means background.
    void setDataset(std::shared_ptr<const photopeak::SpectrumDataset> dataset);

    bool isBusy() const;
    Task task() const;
    void setTask(Task task);
    // The selection and options the Train button would use now.
    photopeak::ui::TrainingRequest currentRequest() const;
    // Usable spectra inside the current selection.
    int selectedSpectrumCount() const;
    std::shared_ptr<const photopeak::SpectrumClassifier> classifier() const { return m_classifier; }
    std::shared_ptr<const photopeak::LatentModel> latentModel() const { return m_latentModel; }
    QString metricsText() const;
    TrainingJob *job() const { return m_job; }

    // Check or uncheck one label set (its key, "" = unlabelled) or folder; false if there is none.
    bool setLabelSetChecked(const QString &key, bool checked);
    bool setFolderChecked(const QString &folder, bool checked);
    QStringList labelSetKeys() const;
    QStringList folderNames() const;

    // Model files of the current task, without dialogs. Errors are shown in a message box and returned false.
    bool saveModelTo(const QString &path);
    bool loadModelFrom(const QString &path);

public slots:
    // Starts a training of the current task on the current selection; false if busy or nothing to train on
    // (the reason is shown in the status line).
    bool startTraining();
    void cancelTraining();
    void saveModel();  // file dialog
    void loadModel();  // file dialog

signals:
    void classifierReady(std::shared_ptr<const photopeak::SpectrumClassifier> model);
    void latentModelReady(std::shared_ptr<const photopeak::LatentModel> model);
    void busyChanged(bool busy);

private:
    QWidget *createDataGroup();
    QWidget *createClassifierPage();
    QWidget *createLatentPage();
    void fillLists();
    void onItemChanged(QTreeWidgetItem *item);
    void updateSelection();
    void updateTaskWidgets();
    void setBusy(bool busy);
    void setStatus(const QString &text);
    void showError(const QString &title, const QString &message);
    void onProgress(int done, int total, const QString &stage);
    void onFinished(std::shared_ptr<const photopeak::ui::TrainingResult> result);
    void onFailed(const QString &message);
    void onCancelled();
    void showModelReport();
    photopeak::TrainingSelection selection() const;
    photopeak::ClassifierOptions classifierOptions() const;
    photopeak::LatentTrainingSpec latentSpec(const photopeak::TrainingSelection &selection) const;
    QStringList latentComponents() const;

    std::shared_ptr<const photopeak::SpectrumDataset> m_dataset;
    // Per usable entry: index of its label set and of its folder (selection counts without strings).
    std::vector<int> m_entryLabelSet, m_entryFolder;
    QStringList m_labelSetKeys, m_folders;
    QMap<QString, QStringList> m_labelsByKey;

    TrainingJob *m_job;
    std::shared_ptr<const photopeak::SpectrumClassifier> m_classifier;
    std::shared_ptr<const photopeak::LatentModel> m_latentModel;
    QString m_classifierReport, m_latentReport;  // metrics text of the current model of each task
    bool m_filling = false;

    QWidget *m_settings = nullptr;  // everything disabled while training
    QTreeWidget *m_labelList = nullptr;
    QTreeWidget *m_folderList = nullptr;
    QComboBox *m_background = nullptr;
    QLabel *m_selectionSummary = nullptr;
    QComboBox *m_task = nullptr;
    QWidget *m_classifierPage = nullptr;
    QWidget *m_latentPage = nullptr;
    // Detection and identification
    QComboBox *m_detection = nullptr;
    QComboBox *m_identification = nullptr;
    QComboBox *m_detectionFeatures = nullptr;
    QComboBox *m_identificationFeatures = nullptr;
    QComboBox *m_transform = nullptr;
    QComboBox *m_calibration = nullptr;
    QSpinBox *m_folds = nullptr;
    QCheckBox *m_search = nullptr;
    QCheckBox *m_synthetic = nullptr;
    QCheckBox *m_mixtures = nullptr;
    QSpinBox *m_seed = nullptr;
    QDoubleSpinBox *m_threshold = nullptr;
    QDoubleSpinBox *m_falseAlarm = nullptr;
    QDoubleSpinBox *m_sigmaK = nullptr;
    // Latent decomposition
    QLabel *m_components = nullptr;
    QLineEdit *m_isotopeDetector = nullptr;
    QLineEdit *m_backgroundDetector = nullptr;
    QSpinBox *m_minChannel = nullptr;
    QCheckBox *m_poisson = nullptr;
    QCheckBox *m_gain = nullptr;
    QCheckBox *m_match = nullptr;
    QComboBox *m_decision = nullptr;
    QCheckBox *m_quasi = nullptr;
    QDoubleSpinBox *m_significanceZ = nullptr;
    QDoubleSpinBox *m_quantile = nullptr;
    // Run and results
    QPushButton *m_train = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QTabWidget *m_resultTabs = nullptr;
    QTreeWidget *m_summary = nullptr;
    QPlainTextEdit *m_metrics = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_load = nullptr;
};

} // namespace photopeak::ui
