// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "tables/TablePlotView.h"

#include <QStringList>

#include <vector>

class QCPColorMap;
class QCPTextElement;

namespace photopeak::ui {

// Confusion matrix of a classification into named classes (events, hits): rows = truth, columns = the class
// called, colour = share of the true row, each cell showing its count and that share; a title above and a
// caption line below (the figures). Counts may be weighted (non-integer). PNG export of exactly what is shown.
class ClassConfusionView : public TablePlotView {
    Q_OBJECT
public:
    explicit ClassConfusionView(QWidget *parent = nullptr);
    // counts[truth][called], one row and one column per class name.
    void setMatrix(const QStringList &classes, const std::vector<std::vector<double>> &counts, const QString &title,
                   const QString &caption = QString());
    void clear();

    const QStringList &classes() const { return m_classes; }
    double count(int truth, int called) const;
    // Share of the true row in a cell (0 for an empty row).
    double rowShare(int truth, int called) const;
    QString title() const;

private:
    QStringList m_classes;
    std::vector<std::vector<double>> m_counts;
    QCPColorMap *m_map = nullptr;
    QCPTextElement *m_title = nullptr;
    QCPTextElement *m_caption = nullptr;
};

} // namespace photopeak::ui
