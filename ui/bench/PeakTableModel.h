// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "bench/PeakList.h"
#include "spectrum/EnergyCalibration.h"

#include <QAbstractTableModel>

namespace photopeak::ui {

// The peak dock's table: one row per peak of the current spectrum's PeakList, with energies through the
// calibration the window uses for it (none: channels only).
class PeakTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Index, Energy, Fwhm, Area, Significance, Line, Continuum, Note, ColumnCount };

    explicit PeakTableModel(QObject *parent = nullptr);
    void setPeaks(const PeakList &peaks, const EnergyCalibration &calibration, int channelCount);
    const PeakList &peaks() const { return m_peaks; }
    bool calibrated() const { return m_calibrated; }
    // The peak of a row with energies filled (when calibrated).
    FittedPeak peakAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    PeakList m_peaks;
    EnergyCalibration m_calibration;
    int m_channels = 0;
    bool m_calibrated = false;
};

} // namespace photopeak::ui
