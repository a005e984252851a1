// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "bench/RoiTableModel.h"

#include "bench/BenchLocale.h"
#include <QLocale>

namespace photopeak::ui {

namespace {
QString pm(double v, double u, int decimals)
{
    const QLocale l = benchLocale();
    return QStringLiteral("%1 ± %2").arg(l.toString(v, 'f', decimals), l.toString(u, 'f', decimals));
}
bool calibrated(const Spectrum *s) { return s && s->calibration.isValid(s->channelCount()); }
double slopeAt(const Spectrum &s, double ch) { return s.calibration.energyAt(ch + 0.5) - s.calibration.energyAt(ch - 0.5); }
} // namespace

RoiTableModel::RoiTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void RoiTableModel::setRois(const Spectrum *spectrum, std::vector<RoiIntegral> rois)
{
    beginResetModel();
    m_spectrum = spectrum;
    m_rois = std::move(rois);
    endResetModel();
}

int RoiTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : static_cast<int>(m_rois.size()); }
int RoiTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RoiTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_spectrum)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const RoiIntegral &r = m_rois[static_cast<size_t>(index.row())];
    const Spectrum &s = *m_spectrum;
    const bool cal = calibrated(&s);
    const QLocale l = benchLocale();
    switch (index.column()) {
    case Range:
        return cal ? tr("%1 – %2 keV").arg(l.toString(s.calibration.energyAt(r.low), 'f', 1),
                                           l.toString(s.calibration.energyAt(r.high), 'f', 1))
                   : tr("ch %1 – %2").arg(r.low).arg(r.high);
    case Gross: return pm(r.gross, r.grossUnc, 0);
    case Net: return pm(r.net, r.netUnc, 0);
    case Rate: return s.hasLiveTime() ? pm(r.netRate, r.netRateUnc, 3) : QStringLiteral("—");
    case Centroid:
        return cal ? pm(s.calibration.energyAt(r.centroid), r.centroidUnc * slopeAt(s, r.centroid), 2)
                   : pm(r.centroid, r.centroidUnc, 2);
    case Fwhm:
        return cal ? pm(r.fwhm * slopeAt(s, r.centroid), r.fwhmUnc * slopeAt(s, r.centroid), 2) : pm(r.fwhm, r.fwhmUnc, 2);
    default: return {};
    }
}

QVariant RoiTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const bool cal = calibrated(m_spectrum);
    switch (section) {
    case Range: return tr("Range");
    case Gross: return tr("Gross");
    case Net: return tr("Net");
    case Rate: return tr("Net rate (1/s)");
    case Centroid: return cal ? tr("Centroid (keV)") : tr("Centroid (ch)");
    case Fwhm: return cal ? tr("FWHM (keV)") : tr("FWHM (ch)");
    default: return {};
    }
}

QString RoiTableModel::summary(const Spectrum &s, const RoiIntegral &r)
{
    RoiTableModel m;
    m.setRois(&s, {r});
    auto cell = [&m](int c) { return m.data(m.index(0, c), Qt::DisplayRole).toString(); };
    QString text = tr("ROI %1: gross %2, net %3").arg(cell(Range), cell(Gross), cell(Net));
    if (s.hasLiveTime())
        text += tr(", %1 counts/s").arg(cell(Rate));
    return text + tr(", centroid %1, FWHM %2").arg(cell(Centroid), cell(Fwhm));
}

} // namespace photopeak::ui
