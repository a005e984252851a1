// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "metrics/BinaryMetrics.h"
#include "metrics/LabelSetMetrics.h"

#include <QColor>
#include <QMap>
#include <QSet>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include <vector>

class QComboBox;
class QCustomPlot;
class QCPItemRect;
class QLabel;
class QStackedWidget;

namespace photopeak::ui {

// Confusion matrix heatmap: rows = truth, columns = prediction, colour = share of the row, the count
// written in each cell. Three modes: source / background (BinaryMetrics), per isotope (one 2 x 2 per
// isotope, chosen in a combo box) and by label set (truth key -> predicted key -> count). Every non-empty
// cell is framed by how the predicted set relates to the true set (compareLabelSets): green correct,
// gold incomplete, orange over-complete, red wrong; in the 2 x 2 modes a miss is incomplete and a false
// alarm over-complete. Clicking a cell emits cellActivated with its row and column labels.
class ConfusionMatrixView : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Binary, PerIsotope, LabelSet };

    struct Cell {
        int row = 0, column = 0;
        QString truth, predicted;  // row and column labels (label-set keys in LabelSet mode)
        int count = 0;
        double rowShare = 0.0;     // count / row total; 0 in an empty row
        SetRelation relation = SetRelation::Perfect;
        bool framed = false;       // non-empty cells are framed by their relation
    };

    explicit ConfusionMatrixView(QWidget *parent = nullptr);

    // Empty names: "Source" and "Background".
    void setBinary(const BinaryMetrics &metrics, const QString &positiveName = QString(),
                   const QString &negativeName = QString());
    void setPerIsotope(const QStringList &isotopes, const QMap<QString, PerLabelCounts> &counts);
    void setLabelSetConfusion(const QMap<QString, QMap<QString, int>> &confusion);
    // Per isotope over the metrics' universe, and the label-set confusion.
    void setLabelSetMetrics(const LabelSetMetrics &metrics);
    void clear();

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    bool hasData(Mode mode) const;
    void setIsotope(const QString &isotope);
    QString isotope() const;

    // The matrix shown now.
    const QStringList &rowLabels() const { return m_rows; }
    const QStringList &columnLabels() const { return m_columns; }
    const QVector<Cell> &cells() const { return m_cells; }  // row-major
    const Cell *cell(int row, int column) const;
    // Colour of the frame drawn around a cell; invalid when the cell has none.
    QColor frameColor(int row, int column) const;
    // The cell under a pixel of plot(), {-1, -1} outside.
    QPoint cellAt(const QPoint &pos) const;
    QString titleText() const { return m_title; }

    static QColor relationColor(SetRelation relation);
    static QString relationLabel(SetRelation relation);
    // Keys split at '+', "(none)" = empty set.
    static QSet<QString> keySet(const QString &key);
    static SetRelation relationOf(const QString &truthKey, const QString &predictedKey);

    QCustomPlot *plot() const { return m_plot; }

signals:
    void cellActivated(const QString &truth, const QString &predicted);

private:
    struct Matrix {
        QString title, xTitle, yTitle;
        QStringList rows, columns;
        QList<QSet<QString>> rowSets, columnSets;
        std::vector<std::vector<int>> counts;  // [row][column]
    };
    void updateControls();
    void redraw();
    Matrix currentMatrix() const;
    static Matrix twoByTwo(const QString &positive, const QString &negative, int tp, int fn, int fp, int tn);

    QComboBox *m_modeBox;
    QComboBox *m_isotopeBox;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QCustomPlot *m_plot = nullptr;

    Mode m_mode = Mode::LabelSet;
    bool m_hasBinary = false;
    BinaryMetrics m_binary;
    QString m_positiveName, m_negativeName;
    QStringList m_isotopes;
    QMap<QString, PerLabelCounts> m_perIsotope;
    QMap<QString, QMap<QString, int>> m_labelSets;

    QString m_title;
    QStringList m_rows, m_columns;
    QVector<Cell> m_cells;
    QMap<QPair<int, int>, QCPItemRect *> m_frames;
    QPoint m_pressPos;
};

} // namespace photopeak::ui
