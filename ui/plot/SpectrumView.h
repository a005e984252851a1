// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "library/SpectrumDataset.h"
#include "plot/InteractiveOverlay.h"
#include "plot/PlotOptions.h"
#include "plot/SpectrumPlotter.h"
#include "plot/ViewAnnotations.h"

#include <QWidget>

#include <memory>
#include <vector>

class QAction;
class QCustomPlot;
class QCPItemStraightLine;
class QCPRange;
class QKeyEvent;
class QLabel;
class QStackedWidget;
class QToolBar;

namespace photopeak::ui {

// Interactive spectrum plot: step lines drawn by SpectrumPlotter, wheel zoom, drag to zoom and middle-drag
// pan on the x axis (y follows the visible data), a crosshair with a readout of energy, channel and counts
// under the mouse. Several spectra overlay with a legend. The analyst's gestures (PlotGestures: double-click,
// Ctrl/Shift/Alt+drag, right-click, Delete) arrive as requests in channels of the front spectrum; what they
// produce comes back through setOverlay(). The view fits nothing itself.
class SpectrumView : public QWidget {
    Q_OBJECT
public:
    explicit SpectrumView(QWidget *parent = nullptr);

    // `owner` keeps the spectra alive while they are shown.
    void setSpectra(std::shared_ptr<const SpectrumDataset> owner, std::vector<const Spectrum *> spectra);
    void clear();
    void setOptions(const PlotOptions &options);
    // Annotations of the front spectrum; redraws keeping the zoom unless told not to (setSpectra follows).
    void setAnnotations(const ViewAnnotations &annotations, bool redrawNow = true);
    const ViewAnnotations &annotations() const { return m_annotations; }
    // Peaks, ROIs and reference lines of the front spectrum (peaks drawn while annotations().peaks is on).
    void setOverlay(const InteractiveOverlay &overlay);
    const InteractiveOverlay &overlay() const { return m_overlay; }
    // Continuous channel of the front spectrum at a plot key (keV or channel); NaN when there is none.
    double channelForKey(double key) const;
    double keyForChannel(double channel) const;
    const PlotOptions &options() const { return m_options; }
    const SpectrumPlotter::Summary &summary() const { return m_summary; }
    const std::vector<const Spectrum *> &spectra() const { return m_spectra; }

    QCustomPlot *plot() const { return m_plot; }
    QToolBar *toolBar() const { return m_toolBar; }
    // Appends actions to the plot tool bar; a null entry adds a separator.
    void insertToolActions(const QList<QAction *> &actions);
    QString readoutText() const;

public slots:
    void resetZoom();

signals:
    void plotted(int graphCount);
    // Gestures, in continuous channels of the front spectrum (low < high).
    void peakFitRequested(double channel);
    void regionFitRequested(double lowChannel, double highChannel);
    void peakRemovalRequested(double lowChannel, double highChannel);
    void roiRequested(double lowChannel, double highChannel);
    void roiPreviewRequested(double lowChannel, double highChannel);  // while an ROI is being dragged
    void channelClicked(double channel);
    void contextMenuRequested(double channel, const QPoint &globalPos);
    void deleteRequested();  // Delete key over the plot

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void redraw(bool keepKeyRange);
    void onKeyRangeChanged(const QCPRange &range);
    void updateCursor(const QPoint &pos);
    void hideCursor();
    void updateNotes();
    void drawAnnotations();
    void onDragged(int kind, double fromKey, double toKey);

    QToolBar *m_toolBar;
    QLabel *m_readout;
    QLabel *m_notes;
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QCustomPlot *m_plot;
    QCPItemStraightLine *m_cursorLine = nullptr;

    std::shared_ptr<const SpectrumDataset> m_owner;
    std::vector<const Spectrum *> m_spectra;
    PlotOptions m_options;
    ViewAnnotations m_annotations;
    InteractiveOverlay m_overlay;
    SpectrumPlotter::Summary m_summary;
    bool m_adjustingRange = false;
};

} // namespace photopeak::ui
