// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "images/ImageFrame.h"
#include "images/ImageLabel.h"
#include "images/BraggCandidate.h"
#include "images/PixelMask.h"

#include <QPoint>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QCPGraph;

namespace photopeak::ui {

// One detector frame as a colour map (linear, log or asinh scale, colour range from percentiles of the usable
// pixels; masked pixels grey), zoom with the wheel and pan by dragging. Candidates are circles coloured by
// their peak probability (blue 0 ... red 1; white when unclassified), labels are drawn as green (peak) or
// magenta (not a peak) squares, the selected candidate with a yellow ring. Clicks report the pixel position.
class ImageView : public QWidget {
    Q_OBJECT
public:
    enum class Scale { Linear, Log, Asinh };

    explicit ImageView(QWidget *parent = nullptr);

    void setFrame(const ImageFrame &frame, const PixelMask &mask);
    void setCandidates(const std::vector<BraggCandidate> &candidates);
    void setLabels(const std::vector<ImageLabel> &labels);
    void setSelected(int candidate);
    void setScale(Scale scale);
    Scale scale() const { return m_scale; }
    // Shows the whole frame.
    void resetZoom();
    void centreOn(double x, double y);
    QCustomPlot *plot() const { return m_plot; }

signals:
    // button: Qt::LeftButton or Qt::RightButton; shift for "add a missed peak here".
    void clicked(double x, double y, Qt::MouseButton button, bool shift);

private:
    void redrawMap();
    void keepSquarePixels();
    void redrawMarkers();

    QCustomPlot *m_plot;
    QCPColorMap *m_map;
    QCPColorScale *m_colorScale;
    std::vector<QCPGraph *> m_markerGraphs;
    ImageFrame m_frame;
    PixelMask m_mask;
    std::vector<BraggCandidate> m_candidates;
    std::vector<ImageLabel> m_labels;
    int m_selected = -1;
    QPoint m_pressPos;
    Scale m_scale = Scale::Asinh;
};

} // namespace photopeak::ui
