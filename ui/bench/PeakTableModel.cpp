// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "bench/PeakTableModel.h"

#include "bench/BenchLocale.h"
#include "peaks/PeakFit.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace photopeak::ui {

namespace {
QString pm(double v, double u, int decimals)
{
    const QLocale l = benchLocale();
    return QStringLiteral("%1 ± %2").arg(l.toString(v, 'f', decimals), l.toString(u, 'f', decimals));
}
} // namespace

PeakTableModel::PeakTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void PeakTableModel::setPeaks(const PeakList &peaks, const EnergyCalibration &calibration, int channelCount)
{
    beginResetModel();
    m_peaks = peaks;
    m_calibration = calibration;
    m_channels = channelCount;
    m_calibrated = calibration.isValid(channelCount);
    endResetModel();
}

FittedPeak PeakTableModel::peakAt(int row) const
{
    const FittedPeak *p = m_peaks.peak(row);
    if (!p)
        return {};
    FittedPeak out = *p;
    if (m_calibrated)
        PeakFit::applyCalibration(out, m_calibration, m_channels);
    return out;
}

int PeakTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : m_peaks.count(); }
int PeakTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant PeakTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const int row = index.row();
    const FittedPeak p = peakAt(row);
    const QString note = m_peaks.note(row);
    const QLocale l = benchLocale();
    if (role == Qt::ForegroundRole && !note.isEmpty())
        return QBrush(QColor(0x9a, 0x50, 0x00));
    if (role == Qt::ToolTipRole)
        return note.isEmpty() ? QVariant() : QVariant(note);
    if (role == Qt::TextAlignmentRole)
        return index.column() == Line || index.column() == Note ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                                : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::UserRole)  // sortable numbers
        switch (index.column()) {
        case Energy: return m_calibrated ? p.energyKeV : p.centroid;
        case Area: return p.area;
        case Significance: return p.significance();
        default: return row;
        }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Index: return row + 1;
    case Energy:
        return m_calibrated ? pm(p.energyKeV, p.energyUncKeV, 2) : tr("ch %1").arg(pm(p.centroid, p.centroidUnc, 2));
    case Fwhm: return m_calibrated ? pm(p.fwhmKeV, p.fwhmUncKeV, 2) : tr("%1 ch").arg(pm(p.fwhm, p.fwhmUnc, 2));
    case Area: return pm(p.area, p.areaUnc, 0);
    case Significance: return l.toString(p.significance(), 'f', 1);
    case Continuum: return l.toString(p.continuumCounts, 'f', 0);
    case Line: {
        const LineAssignment line = m_peaks.line(row);
        if (!line.isSet())
            return QString();
        const QString e = l.toString(line.energyKeV, 'f', 2);
        return line.nuclide.isEmpty() ? tr("%1 keV").arg(e) : tr("%1 %2 keV").arg(line.nuclide, e);
    }
    case Note: return note;
    default: return {};
    }
}

QVariant PeakTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Index: return tr("#");
    case Energy: return m_calibrated ? tr("Energy (keV)") : tr("Centroid");
    case Fwhm: return m_calibrated ? tr("FWHM (keV)") : tr("FWHM");
    case Area: return tr("Net area");
    case Significance: return tr("Signif. (σ)");
    case Continuum: return tr("Continuum");
    case Line: return tr("Assigned line");
    case Note: return tr("Remark");
    default: return {};
    }
}

} // namespace photopeak::ui
