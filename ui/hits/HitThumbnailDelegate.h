// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QStyledItemDelegate>

namespace photopeak {

// Paints a hit as its crop scaled to the cell (no smoothing: pixels stay pixels), a frame in the colour of
// its label (dashed when the classifier disagrees), the predicted class's probability and an artefact mark.
class HitThumbnailDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit HitThumbnailDelegate(QObject *parent = nullptr);
    void setCellSize(int pixels) { m_cell = pixels; }
    int cellSize() const { return m_cell; }
    // The colour of a class name, stable across sessions (also used by the scatter plot).
    static QColor classColour(const QString &name);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_cell = 72;
};

} // namespace photopeak
