// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "bench/SpectrumEdits.h"
#include "library/SpectrumDataset.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <map>
#include <memory>
#include <optional>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QTableView;
class QUndoStack;

namespace photopeak {
class NuclideLibrary;
struct SpectrumAnalysis;
struct GammaLine;
}

namespace photopeak::ui {

class JobRunner;
class NuclidePicker;
class PeakTableModel;
class RoiTableModel;
class SpectrumView;

// The spectroscopist's bench of the main window: peaks, ROIs, reference lines and energy calibration by
// mouse on the spectrum view, the Peaks, ROIs and Reference Nuclides docks and the Peaks menu. Every edit
// is one undoable step on the window's QUndoStack; per-spectrum state lives in SpectrumEdits. A spectrum's
// automatic peak list is the analysis' own fit when classification ran it, else PeakAnalyzer's run off the
// GUI thread (the same fit the CLI `peaks` prints). The window plots displaySpectrum(entry): the dataset's
// spectrum, or a copy with the analyst's calibration.
class BenchController : public QObject {
    Q_OBJECT
public:
    BenchController(SpectrumView *view, QUndoStack *undo, QAction *peaksToggle, QMainWindow *window);
    ~BenchController() override;

    void setDataset(std::shared_ptr<const SpectrumDataset> dataset, std::shared_ptr<const NuclideLibrary> library);
    // Where classification results come from (their peak fits are reused).
    void setAnalysisSource(std::function<const SpectrumAnalysis *(int entry)> source);
    void setCurrent(int entry, const QList<int> &selection);
    int currentEntry() const { return m_current; }
    const Spectrum *displaySpectrum(int entry) const;

    QMenu *menu() const { return m_menu; }
    SpectrumEdits *edits() const { return m_edits; }
    PeakTableModel *peakModel() const { return m_peakModel; }
    RoiTableModel *roiModel() const { return m_roiModel; }
    QTableView *peakTable() const { return m_peakTable; }
    QTableView *roiTable() const { return m_roiTable; }
    NuclidePicker *picker() const { return m_picker; }
    QDockWidget *peakDock() const { return m_peakDock; }
    QDockWidget *roiDock() const { return m_roiDock; }
    QDockWidget *nuclideDock() const { return m_nuclideDock; }
    // True while the automatic fit of the current spectrum runs.
    bool fitting() const;

    // The edits, each one undoable step; false (with a status message) when nothing changed.
    bool fitPeakAt(double channel);
    bool fitRegion(double lowChannel, double highChannel);
    int removePeaksIn(double lowChannel, double highChannel);
    bool removePeak(int index);
    bool restoreAutomaticPeaks();
    bool addRoi(double lowChannel, double highChannel);
    bool removeRoi(int index);
    bool assignLine(int peak, const QString &nuclide, double energyKeV);
    bool applyCalibration(const QList<int> &entries, const std::optional<EnergyCalibration> &calibration);
    // Library lines a peak may be assigned to: near its energy first, then the picked reference nuclides'.
    std::vector<std::pair<QString, GammaLine>> lineCandidates(int peak) const;

public slots:
    void openCalibrationDialog();
    void exportPeakTable();
    void exportCalibration();

signals:
    // What the window plots changed (a calibration): re-plot the selection through displaySpectrum().
    void displayChanged();
    void message(const QString &text, int timeoutMs);

private:
    void createDocks(QMainWindow *window);
    void createMenu();
    void showContextMenu(double channel, const QPoint &globalPos);
    void requestAutomaticPeaks();
    void refresh();
    void pushPeaks(int entry, PeakList after, const QString &text);
    void pushRois(int entry, std::vector<RoiRange> after, const QString &text);
    void showPeaks();
    void onRoiPreview(double lowChannel, double highChannel);
    int selectedPeak() const;
    QString energyText(double channel) const;
    const Spectrum *currentSpectrum() const { return displaySpectrum(m_current); }

    SpectrumView *m_view;
    QUndoStack *m_undo;
    QPointer<QAction> m_peaksToggle;
    QMainWindow *m_window;
    SpectrumEdits *m_edits;
    JobRunner *m_runner;
    PeakTableModel *m_peakModel;
    RoiTableModel *m_roiModel;
    QTableView *m_peakTable = nullptr;
    QTableView *m_roiTable = nullptr;
    NuclidePicker *m_picker = nullptr;
    QDockWidget *m_peakDock = nullptr;
    QDockWidget *m_roiDock = nullptr;
    QDockWidget *m_nuclideDock = nullptr;
    QMenu *m_menu = nullptr;

    std::shared_ptr<const SpectrumDataset> m_dataset;
    std::shared_ptr<const NuclideLibrary> m_library;
    std::function<const SpectrumAnalysis *(int)> m_analysisOf;
    int m_current = -1;
    QList<int> m_selection;
    int m_fittingEntry = -1;
    double m_lastClicked = -1.0;
    std::optional<EnergyCalibration> m_preview;  // calibration dialog's preview for the current entry
    mutable std::map<int, std::shared_ptr<Spectrum>> m_display;  // entries with the analyst's calibration
    mutable std::vector<std::shared_ptr<Spectrum>> m_retired;    // kept while the view may still point at them
};

} // namespace photopeak::ui
