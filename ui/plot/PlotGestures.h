// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QObject>
#include <QPoint>

class QCustomPlot;
class QCPItemRect;
class QEvent;

namespace photopeak::ui {

// Mouse gestures on a spectrum plot, in plot keys (keV or channel), following InterSpec's conventions with
// Qt's modifiers: left-drag zooms to the range (right-to-left zooms out), Ctrl+drag fits the peaks of a
// range, Shift+drag removes the peaks in it, Alt+drag (or Shift+Alt+drag) integrates an ROI, middle-drag
// pans, double-click fits a peak, right-click asks for the context menu. A band shows the range while
// dragging, coloured by what the release will do.
class PlotGestures : public QObject {
    Q_OBJECT
public:
    enum class Drag { Zoom, FitRegion, RemovePeaks, Roi };
    Q_ENUM(Drag)

    explicit PlotGestures(QCustomPlot *plot, const QString &layer);
    static Drag dragFor(Qt::KeyboardModifiers modifiers);

signals:
    void dragged(photopeak::ui::PlotGestures::Drag kind, double fromKey, double toKey);
    void dragMoved(photopeak::ui::PlotGestures::Drag kind, double fromKey, double toKey);
    void doubleClicked(double key);
    void clicked(double key, Qt::KeyboardModifiers modifiers);
    void contextMenuRequested(double key, const QPoint &globalPos);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showBand(double fromKey, double toKey, Drag kind);
    void hideBand();

    QCustomPlot *m_plot;
    QString m_layer;
    QCPItemRect *m_band;
    Qt::MouseButton m_button = Qt::NoButton;
    QPoint m_pressPos;
    double m_pressKey = 0.0;
    bool m_dragging = false;
    double m_panLower = 0.0, m_panUpper = 0.0;
};

} // namespace photopeak::ui
