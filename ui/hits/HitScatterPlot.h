// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QWidget>

class QComboBox;
class QCustomPlot;
class QLabel;

namespace photopeak {

class HitListModel;

// Two features of every hit against each other, one colour per label; hovering a point shows its crop,
// clicking it selects the hit in the grid.
class HitScatterPlot : public QWidget {
    Q_OBJECT
public:
    explicit HitScatterPlot(HitListModel *model, QWidget *parent = nullptr);
    void setAxes(const QString &x, const QString &y);
    void rebuild();
    QCustomPlot *plot() const { return m_plot; }

signals:
    void hitClicked(int row);

private:
    int nearestRow(const QPoint &pos) const;
    void showPreview(const QPoint &pos);

    HitListModel *m_model;
    QComboBox *m_x, *m_y;
    QCustomPlot *m_plot;
    QLabel *m_preview;
};

} // namespace photopeak
