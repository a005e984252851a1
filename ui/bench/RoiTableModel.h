// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "peaks/RoiIntegral.h"
#include "spectrum/Spectrum.h"

#include <QAbstractTableModel>

#include <vector>

namespace photopeak::ui {

// The ROI dock's table: gross, net (continuum from the edges), net rate, centroid and FWHM with 1 sigma
// uncertainties, in keV when the spectrum is calibrated. The first row may be the ROI being dragged (live).
class RoiTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Range, Gross, Net, Rate, Centroid, Fwhm, ColumnCount };

    explicit RoiTableModel(QObject *parent = nullptr);
    // `spectrum` must outlive the model's use of it (the window's spectra do).
    void setRois(const Spectrum *spectrum, std::vector<RoiIntegral> rois);
    const std::vector<RoiIntegral> &rois() const { return m_rois; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // One-line summary of an ROI for the status bar and the live readout.
    static QString summary(const Spectrum &spectrum, const RoiIntegral &roi);

private:
    const Spectrum *m_spectrum = nullptr;
    std::vector<RoiIntegral> m_rois;
};

} // namespace photopeak::ui
