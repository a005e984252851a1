// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "bench/PeakList.h"
#include "peaks/EnergyCalibrator.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QCustomPlot;
class QLabel;
class QRadioButton;
class QCheckBox;
class QTableWidget;
class QDialogButtonBox;

namespace photopeak::ui {

// Energy calibration from the peaks the analyst assigned to library lines: linear or quadratic fit, the
// residuals plotted and listed, a live preview on the spectrum, applied to the current spectrum or the
// whole selection when accepted (the caller pushes it as one undoable step; the file is never written).
class CalibrationDialog : public QDialog {
    Q_OBJECT
public:
    CalibrationDialog(const PeakList &peaks, int channelCount, const EnergyCalibration &current, int selectionSize,
                      QWidget *parent = nullptr);

    std::optional<EnergyCalibrator::Fit> fit() const { return m_fit; }
    bool applyToSelection() const;
    QComboBox *degreeBox() const { return m_degree; }
    QCheckBox *previewBox() const { return m_preview; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    QTableWidget *table() const { return m_table; }

signals:
    // The calibration to show while the dialog is open (nullopt: the spectrum's own).
    void previewChanged(const std::optional<photopeak::EnergyCalibration> &calibration);

private:
    void refit();

    std::vector<CalibrationPoint> m_points;
    int m_channels;
    EnergyCalibration m_current;
    std::optional<EnergyCalibrator::Fit> m_fit;
    QTableWidget *m_table;
    QComboBox *m_degree;
    QCheckBox *m_preview;
    QCustomPlot *m_residuals;
    QLabel *m_result;
    QRadioButton *m_thisSpectrum;
    QRadioButton *m_selection;
    QDialogButtonBox *m_buttons;
};

} // namespace photopeak::ui
