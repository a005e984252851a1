#pragma once

#include "library/SpectrumDataset.h"
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
class QLabel;
class QStackedWidget;
class QToolBar;

namespace photopeak {
struct PeakAnalysis;
}

namespace photopeak::ui {

// Interactive spectrum plot: step lines drawn by SpectrumPlotter, wheel zoom and drag pan on the x axis
// (y follows the visible data), double-click resets, a crosshair with a readout of energy, channel and
// counts under the mouse. Several spectra overlay with a legend.
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

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void redraw(bool keepKeyRange);
    void onKeyRangeChanged(const QCPRange &range);
    void updateCursor(const QPoint &pos);
    void hideCursor();
    void updateNotes();
    void drawAnnotations();

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
    const Spectrum *m_peaksOf = nullptr;  // spectrum whose peak analysis is cached
    std::shared_ptr<const PeakAnalysis> m_peaks;
    SpectrumPlotter::Summary m_summary;
    bool m_adjustingRange = false;
};

} // namespace photopeak::ui
