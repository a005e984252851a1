// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "modelviews/ModelViewData.h"

#include <QPoint>
#include <QStringList>
#include <QWidget>

#include <vector>

class QCheckBox;
class QCustomPlot;
class QCPAxisRect;
class QCPGraph;
class QCPLayoutElement;
class QCPLayoutGrid;
class QLabel;
class QStackedWidget;

namespace photopeak::ui {

// Scatter matrix of latent scores: the lower triangle holds one panel per component pair (component j on
// x, component i on y, i > j), the diagonal a histogram of each component's scores under its name.
// Training points are small and coloured by their true label set; test points are large with a black
// edge. "Errors only" hides the test points whose predicted set equals the true set. Clicking a point
// marks it in every panel and emits pointActivated(entryIndex). One graph per label set and kind per
// panel keeps ~10,000 points fast.
class LatentScatterMatrixView : public QWidget {
    Q_OBJECT
public:
    explicit LatentScatterMatrixView(QWidget *parent = nullptr);

    // `scoreName` titles the axes' quantity ("Score", "Share"); empty = "Score".
    void setData(const QStringList &components, std::vector<LatentScatterPoint> points,
                 const QString &scoreName = QString());
    void clear();

    void setErrorsOnly(bool errorsOnly);
    bool errorsOnly() const { return m_errorsOnly; }

    const QStringList &components() const { return m_components; }
    const std::vector<LatentScatterPoint> &points() const { return m_points; }
    int componentCount() const { return static_cast<int>(m_components.size()); }
    // Lower-triangle panels, n (n - 1) / 2.
    int scatterPanelCount() const;
    // Panel of component `row` (y) against component `column` (x), row > column; nullptr otherwise.
    QCPAxisRect *scatterPanel(int row, int column) const;
    // Points currently drawn in each scatter panel (all training points plus the shown test points).
    int visiblePointCount() const;
    bool isPointVisible(int pointIndex) const;
    // Pixel of point `pointIndex` in the panel (row, column), in plot() coordinates (after a replot).
    QPoint pixelOf(int pointIndex, int row, int column) const;
    // Index into points() of the visible point nearest to `pos` (plot() coordinates), test points first;
    // -1 when none is within a few pixels.
    int pointAt(const QPoint &pos) const;
    // Index into points() of the marked point, -1 if none.
    int markedPoint() const { return m_marked; }
    QString readoutText() const;
    QCustomPlot *plot() const { return m_plot; }

signals:
    void pointActivated(int entryIndex);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Series {
        QCPGraph *graph = nullptr;
        int row = 0, column = 0;
        bool test = false;
        QString key;
        std::vector<int> pointIndices;  // in the graph's (sorted) data order
    };
    struct Panel {
        QCPAxisRect *rect = nullptr;
        int row = 0, column = 0;
        QCPGraph *mark = nullptr;
    };

    void rebuild();
    void refill();
    void fillHistograms();
    void markPoint(int pointIndex);
    // Stretch factors that give every panel the same inner size although only the outer ones carry labels.
    void updateStretch(const QSize &plotSize);
    const Panel *panelAt(const QPoint &pos) const;

    QCheckBox *m_errorsBox;
    QLabel *m_summary;
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QCustomPlot *m_plot;
    QLabel *m_readout;

    QStringList m_components;
    QStringList m_keys;  // label-set keys of the truths, sorted
    std::vector<LatentScatterPoint> m_points;
    QString m_scoreName;
    bool m_errorsOnly = false;
    int m_marked = -1;
    QPoint m_pressPos;

    QCPLayoutGrid *m_matrix = nullptr;
    QCPLayoutElement *m_side = nullptr;          // legend column beside the matrix (few components)
    std::vector<Panel> m_panels;                 // lower triangle
    std::vector<QCPAxisRect *> m_diagonal;       // one per component
    std::vector<QCPGraph *> m_histograms;        // one per component
    std::vector<Series> m_series;
};

} // namespace photopeak::ui
