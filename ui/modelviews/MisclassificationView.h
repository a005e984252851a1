// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "metrics/Ratio.h"
#include "modelviews/ModelViewData.h"

#include <QString>
#include <QWidget>

#include <vector>

class QComboBox;
class QCustomPlot;
class QCPAxisRect;
class QCPGraph;
class QCPItemRect;
class QCPItemStraightLine;
class QCPTextElement;
class QLabel;
class QStackedWidget;

namespace photopeak::ui {

// Misclassification statistics of a classifier over a confidence-like quantity: the upper panel is its
// histogram, correctly classified spectra upward and wrong ones downward; the lower panel shows, for a
// threshold t, the share of spectra with value >= t (kept) and the accuracy among them. A vertical
// threshold line across both panels follows the mouse when dragged (press anywhere in a panel), and the
// title reads "X % of spectra classified with accuracy Y %". Spectra below the threshold are shaded.
class MisclassificationView : public QWidget {
    Q_OBJECT
public:
    explicit MisclassificationView(QWidget *parent = nullptr);

    // One quantity; empty name = "Confidence".
    void setSamples(const std::vector<MisclassificationSample> &samples, const QString &quantityName = QString());
    // Several quantities over the same spectra (a chooser appears); correct[i] belongs to values[i] of each.
    void setQuantities(std::vector<MisclassificationQuantity> quantities, std::vector<bool> correct);
    void clear();

    int quantityCount() const { return static_cast<int>(m_quantities.size()); }
    int currentQuantity() const { return m_current; }
    void setCurrentQuantity(int index);

    // Spectra with a value >= threshold are kept ("classified"). Changing it emits thresholdChanged.
    void setThreshold(double threshold);
    double threshold() const { return m_threshold; }
    Ratio keptShare() const;     // kept / all spectra with a finite value
    Ratio keptAccuracy() const;  // correct / kept
    // "X % of spectra classified with accuracy Y %" for the current threshold.
    QString thresholdText() const;
    // x pixel of the threshold line in plot() coordinates (after a replot); -1 without data.
    int thresholdPixel() const;
    QCustomPlot *plot() const { return m_plot; }

signals:
    void thresholdChanged(double threshold);

private:
    struct Sorted {
        std::vector<double> values;  // ascending, finite only
        std::vector<int> correctAbove;  // correctAbove[k] = correct among values[k..]
    };
    void rebuild();
    void updateThreshold();
    bool usesLogScale() const;
    QCPAxisRect *rectAt(const QPoint &pos) const;
    double keyAt(int pixelX) const;

    QComboBox *m_quantityBox;
    QLabel *m_quantityLabel;
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QCustomPlot *m_plot;

    std::vector<MisclassificationQuantity> m_quantities;
    std::vector<bool> m_correct;
    int m_current = -1;
    Sorted m_sorted;
    double m_threshold = 0.0;
    bool m_dragging = false;

    QCPTextElement *m_title = nullptr;
    QCPAxisRect *m_histRect = nullptr;
    QCPAxisRect *m_curveRect = nullptr;
    QCPItemStraightLine *m_histLine = nullptr;
    QCPItemStraightLine *m_curveLine = nullptr;
    QCPItemRect *m_histShade = nullptr;
    QCPItemRect *m_curveShade = nullptr;
};

} // namespace photopeak::ui
