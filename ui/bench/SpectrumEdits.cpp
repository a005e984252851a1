// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "bench/SpectrumEdits.h"

#include <QJsonArray>

namespace photopeak::ui {

namespace {
QJsonObject peakJson(const FittedPeak &p, const LineAssignment &line, const QString &note)
{
    QJsonObject o{{QStringLiteral("centroid"), p.centroid}, {QStringLiteral("centroidUnc"), p.centroidUnc},
                  {QStringLiteral("fwhm"), p.fwhm},         {QStringLiteral("fwhmUnc"), p.fwhmUnc},
                  {QStringLiteral("area"), p.area},         {QStringLiteral("areaUnc"), p.areaUnc},
                  {QStringLiteral("continuumCounts"), p.continuumCounts}};
    if (line.isSet()) {
        o.insert(QStringLiteral("lineNuclide"), line.nuclide);
        o.insert(QStringLiteral("lineKeV"), line.energyKeV);
    }
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    return o;
}
} // namespace

SpectrumEdits::SpectrumEdits(QObject *parent) : QObject(parent) {}

const PeakList *SpectrumEdits::peaks(int entry) const
{
    const auto it = m_entries.find(entry);
    return it != m_entries.end() && it->second.peaks ? &*it->second.peaks : nullptr;
}

void SpectrumEdits::setPeaks(int entry, std::optional<PeakList> peaks)
{
    m_entries[entry].peaks = std::move(peaks);
    emit changed(entry);
}

std::vector<RoiRange> SpectrumEdits::rois(int entry) const
{
    const auto it = m_entries.find(entry);
    return it != m_entries.end() ? it->second.rois : std::vector<RoiRange>{};
}

void SpectrumEdits::setRois(int entry, std::vector<RoiRange> rois)
{
    m_entries[entry].rois = std::move(rois);
    emit changed(entry);
}

std::optional<EnergyCalibration> SpectrumEdits::calibration(int entry) const
{
    const auto it = m_entries.find(entry);
    return it != m_entries.end() ? it->second.calibration : std::nullopt;
}

void SpectrumEdits::setCalibration(int entry, std::optional<EnergyCalibration> calibration)
{
    m_entries[entry].calibration = std::move(calibration);
    emit calibrationChanged(entry);
    emit changed(entry);
}

std::vector<int> SpectrumEdits::calibratedEntries() const
{
    std::vector<int> out;
    for (const auto &[entry, e] : m_entries)
        if (e.calibration)
            out.push_back(entry);
    return out;
}

void SpectrumEdits::clear()
{
    m_entries.clear();
    emit cleared();
}

QJsonObject SpectrumEdits::toJson() const
{
    QJsonArray entries;
    for (const auto &[entry, e] : m_entries) {
        QJsonObject o{{QStringLiteral("entry"), entry}};
        if (e.peaks && !e.peaks->automatic) {
            QJsonArray regions;
            for (const PeakList::Row &row : e.peaks->rows) {
                QJsonArray peaks, continuum;
                for (size_t k = 0; k < row.region.peaks.size(); ++k)
                    peaks << peakJson(row.region.peaks[k], k < row.lines.size() ? row.lines[k] : LineAssignment{},
                                      k < row.notes.size() ? row.notes[k] : QString());
                for (double c : row.region.continuum)
                    continuum << c;
                regions << QJsonObject{{QStringLiteral("low"), row.region.low},     {QStringLiteral("high"), row.region.high},
                                       {QStringLiteral("pivot"), row.region.pivot}, {QStringLiteral("continuum"), continuum},
                                       {QStringLiteral("chi2"), row.region.chi2},   {QStringLiteral("ndf"), row.region.ndf},
                                       {QStringLiteral("peaks"), peaks}};
            }
            o.insert(QStringLiteral("peakRegions"), regions);
        }
        if (!e.rois.empty()) {
            QJsonArray rois;
            for (const RoiRange &r : e.rois)
                rois << QJsonArray{r.low, r.high};
            o.insert(QStringLiteral("rois"), rois);
        }
        if (e.calibration) {
            QJsonArray c;
            for (double v : e.calibration->coefficients())
                c << v;
            o.insert(QStringLiteral("calibration"), c);
        }
        if (o.size() > 1)
            entries << o;
    }
    return QJsonObject{{QStringLiteral("spectrumEdits"), entries}};
}

void SpectrumEdits::fromJson(const QJsonObject &json)
{
    m_entries.clear();
    for (const QJsonValue &v : json.value(QStringLiteral("spectrumEdits")).toArray()) {
        const QJsonObject o = v.toObject();
        const int entry = o.value(QStringLiteral("entry")).toInt(-1);
        if (entry < 0)
            continue;
        Entry &e = m_entries[entry];
        if (o.contains(QStringLiteral("peakRegions"))) {
            PeakList list;
            list.automatic = false;
            for (const QJsonValue &rv : o.value(QStringLiteral("peakRegions")).toArray()) {
                const QJsonObject ro = rv.toObject();
                PeakList::Row row;
                row.region.low = ro.value(QStringLiteral("low")).toInt();
                row.region.high = ro.value(QStringLiteral("high")).toInt();
                row.region.pivot = ro.value(QStringLiteral("pivot")).toDouble();
                row.region.chi2 = ro.value(QStringLiteral("chi2")).toDouble();
                row.region.ndf = ro.value(QStringLiteral("ndf")).toInt();
                row.region.converged = true;
                for (const QJsonValue &c : ro.value(QStringLiteral("continuum")).toArray())
                    row.region.continuum.push_back(c.toDouble());
                for (const QJsonValue &pv : ro.value(QStringLiteral("peaks")).toArray()) {
                    const QJsonObject po = pv.toObject();
                    FittedPeak p;
                    p.centroid = po.value(QStringLiteral("centroid")).toDouble();
                    p.centroidUnc = po.value(QStringLiteral("centroidUnc")).toDouble();
                    p.fwhm = po.value(QStringLiteral("fwhm")).toDouble();
                    p.fwhmUnc = po.value(QStringLiteral("fwhmUnc")).toDouble();
                    p.area = po.value(QStringLiteral("area")).toDouble();
                    p.areaUnc = po.value(QStringLiteral("areaUnc")).toDouble();
                    p.continuumCounts = po.value(QStringLiteral("continuumCounts")).toDouble();
                    row.region.peaks.push_back(p);
                    row.lines.push_back({po.value(QStringLiteral("lineNuclide")).toString(),
                                         po.value(QStringLiteral("lineKeV")).toDouble()});
                    row.notes.push_back(po.value(QStringLiteral("note")).toString());
                }
                if (!row.region.peaks.empty())
                    list.rows.push_back(std::move(row));
            }
            e.peaks = std::move(list);
        }
        for (const QJsonValue &rv : o.value(QStringLiteral("rois")).toArray()) {
            const QJsonArray a = rv.toArray();
            if (a.size() == 2)
                e.rois.push_back({a.at(0).toInt(), a.at(1).toInt()});
        }
        if (o.contains(QStringLiteral("calibration"))) {
            std::vector<double> c;
            for (const QJsonValue &cv : o.value(QStringLiteral("calibration")).toArray())
                c.push_back(cv.toDouble());
            e.calibration = EnergyCalibration::fromCoefficients(c);
        }
    }
    emit cleared();
}

} // namespace photopeak::ui
