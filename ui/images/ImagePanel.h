// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "images/ImageFrame.h"
#include "images/ImageLabelSet.h"
#include "images/ImageStack.h"
#include "images/BraggCandidate.h"
#include "images/PeakClassifier.h"
#include "images/PixelMask.h"

#include <QWidget>

#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QSlider;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QPushButton;

namespace photopeak::ui {

class ImageView;
class JobRunner;

// The Images tab: an HDF5 image stack frame by frame with its Bragg-peak candidates, labelling by clicking
// (left = peak, right = not a peak, shift + left on empty sky = a missed peak), training of the peak
// probability on the labelled frames, the precision-recall curve of the held-out folds, and export of the
// accepted peaks (CrystFEL stream or CSV). Labels live in the sidecar FILE.peaklabels.h5, never in the data.
class ImagePanel : public QWidget {
    Q_OBJECT
public:
    explicit ImagePanel(QWidget *parent = nullptr);

    // Finds the Images tab of `tabs` (adds one if there is none), shows it and asks for a file.
    static ImagePanel *openInTabs(QTabWidget *tabs);

    // `dataset` empty: the dataset ImageStack::open picks by itself (NeXus, CXI, or the only image dataset).
    Status openFile(const QString &path, const QString &dataset = {});
    void showFrame(int index);
    // Labels as if clicked (tests, scripted demos).
    void label(double x, double y, int label);
    void setFrameComplete(bool complete);
    // Trains on every labelled frame of the stack off the GUI thread (JobRunner); the result arrives with
    // trainingFinished(). The button cancels a running training.
    void startTraining(PeakModelMethod method);
    // Starts a training and waits for it (scripts, tests): the event loop keeps running meanwhile.
    Status train(PeakModelMethod method = PeakModelMethod::Svm);
    bool isTraining() const;
    Status saveLabels();
    Status exportPeaks(const QString &path);
    // The current frame as shown (colour map, candidates, labels) with a caption, as PNG.
    Status saveFramePng(const QString &path);

    const std::vector<BraggCandidate> &candidates() const { return m_candidates; }
    const ImageLabelSet &labels() const { return m_labels; }
    bool hasModel() const { return m_model.has_value(); }
    ImageView *view() const { return m_view; }
    QString statusText() const;

signals:
    void trainingFinished(bool ok, const QString &error);

private:
    // A label names the candidate whose centroid is within this many pixels (clicks, training, export).
    static constexpr double ClickRadius = 4.0;
    // The finder as trained (or the defaults) with the stack's own beam centre.
    static PeakFinderOptions finderFor(const ImageStack &stack, const std::optional<PeakClassifier> &model);
    void onClicked(double x, double y, Qt::MouseButton button, bool shift);
    void refreshMarkers();
    void fillTable();
    void drawPrCurve();
    void setStatus(const QString &text);
    std::vector<ImageLabel> frameLabels() const;
    void chooseAndOpen();
    void chooseDataset();
    void chooseAndExport();

    ImageView *m_view;
    QLabel *m_fileLabel;
    QSlider *m_slider;
    QSpinBox *m_frameBox;
    QComboBox *m_scaleBox;
    QComboBox *m_methodBox;
    QPushButton *m_trainButton;
    JobRunner *m_runner;
    QCheckBox *m_completeBox;
    QTableWidget *m_table;
    QCustomPlot *m_prPlot;
    QLabel *m_status;

    std::optional<ImageStack> m_stack;
    PixelMask m_mask;
    ImageFrame m_frame;
    std::vector<BraggCandidate> m_candidates;
    ImageLabelSet m_labels;
    std::optional<PeakClassifier> m_model;
    std::vector<double> m_oofProbabilities;
    std::vector<int> m_oofLabels;
    bool m_dirty = false;
};

} // namespace photopeak::ui
