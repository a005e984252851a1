// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "eval/CalibrationCheck.h"

#include "library/SpectrumDataset.h"
#include "peaks/EnergyCalibrator.h"
#include "peaks/NuclideLibrary.h"
#include "peaks/PeakAnalyzer.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QRegularExpression>

#include <cmath>
#include <map>
#include <set>

namespace photopeak {

namespace {

// Nuclide named in a file name such as "Cs_137_15cm.sps" or "202274_17015_Cs-137_60s_15cm.sps".
const Nuclide *nuclideOfFileName(const NuclideLibrary &lib, const QString &name)
{
    static const QRegularExpression re(QStringLiteral("([A-Z][a-z]?)[-_ ]?(\\d{1,3})(?!\\d)"));
    auto it = re.globalMatch(name);
    while (it.hasNext()) {
        const auto m = it.next();
        if (const Nuclide *n = lib.find(m.captured(1) + m.captured(2)))
            return n;
    }
    return nullptr;
}

// The lines the check is about: Cs137 661.66 keV, Co60 1173.2 and 1332.5 keV.
bool isCheckedLine(const Nuclide &n, double energyKeV)
{
    return energyKeV > 600.0 && (n.name == QLatin1String("Cs137") || n.name == QLatin1String("Co60"));
}

struct CheckItem {
    Spectrum spectrum;
    const Nuclide *nuclide = nullptr;
    std::vector<CalibrationPoint> points;  // own peaks matched to own lines (channel, true energy)
};

// Peaks found with the calibration removed (so the check does not lean on the header), matched to the lines.
Result<std::vector<CalibrationPoint>> ownPoints(const Spectrum &s, const Nuclide &n)
{
    Spectrum probe = s;
    probe.calibration = EnergyCalibration();
    auto fit = EnergyCalibrator().automatic(PeakAnalyzer().run(probe).peaks, n.lines, probe.channelCount());
    if (!fit)
        return fit.error();
    return fit->points;
}

// Energy uncertainty of a point from its centroid's counting uncertainty.
double energySigma(const EnergyCalibration &cal, const CalibrationPoint &pt)
{
    return std::abs(cal.energyAt(pt.channel + 0.5) - cal.energyAt(pt.channel - 0.5)) * pt.channelUnc;
}

using Groups = std::map<QString, std::vector<CheckItem>>;  // by header calibration and channel count

Groups readGroups(const SpectrumDataset &ds, const NuclideLibrary &lib, QStringList &problems)
{
    Groups groups;
    std::set<QByteArray> seen;
    for (const auto &e : ds.entries()) {
        if (!e.isUsable()) {
            problems << QStringLiteral("%1: skipped: %2").arg(e.relativePath, e.problemText());
            continue;
        }
        const Nuclide *n = nuclideOfFileName(lib, QFileInfo(e.relativePath).fileName());
        if (!n)
            continue;
        QCryptographicHash h(QCryptographicHash::Sha1);
        h.addData(QByteArrayView(reinterpret_cast<const char *>(e.spectrum.counts.data()),
                                 static_cast<qsizetype>(e.spectrum.counts.size() * sizeof(double))));
        if (!seen.insert(h.result()).second)
            continue;  // the same measurement under another name
        CheckItem it;
        it.spectrum = e.spectrum;
        it.spectrum.sourcePath = e.relativePath;
        it.nuclide = n;
        auto points = ownPoints(it.spectrum, *n);
        if (!points) {
            problems << QStringLiteral("%1: %2").arg(e.relativePath, points.error().message);
            continue;
        }
        it.points = std::move(*points);
        const QString key = QStringLiteral("%1 ch, header %2").arg(it.spectrum.channelCount()).arg(it.spectrum.calibration.toString());
        groups[key].push_back(std::move(it));
    }
    return groups;
}

// Series of one nuclide summed: centroids no longer limited by counting statistics.
void checkSums(const std::map<QString, std::vector<const CheckItem *>> &byNuclide, CalibrationCheckGroup &group,
               CalibrationCheckReport &report)
{
    for (const auto &[name, members] : byNuclide) {
        if (members.size() < 2)
            continue;
        Spectrum sum = members.front()->spectrum;
        for (size_t i = 1; i < members.size(); ++i) {
            for (int c = 0; c < sum.channelCount(); ++c)
                sum.counts[c] += members[i]->spectrum.counts[c];
            sum.liveTime += members[i]->spectrum.liveTime;
            sum.realTime += members[i]->spectrum.realTime;
        }
        const QString label = QStringLiteral("sum of %1 %2 spectra").arg(members.size()).arg(name);
        auto points = ownPoints(sum, *members.front()->nuclide);
        if (!points) {
            report.problems << QStringLiteral("%1: %2").arg(label, points.error().message);
            continue;
        }
        for (const auto &pt : *points) {
            CalibrationCheckRow row{label, name, pt, group.calibration.energyAt(pt.channel), energySigma(group.calibration, pt)};
            row.checked = isCheckedLine(*members.front()->nuclide, pt.energyKeV);
            if (row.checked)
                report.sums.add(row.groupEnergyKeV - pt.energyKeV, row.sigmaKeV);
            group.sumRows.push_back(row);
        }
    }
}

CalibrationCheckGroup checkGroup(const QString &key, const std::vector<CheckItem> &items, int degree, CalibrationCheckReport &report)
{
    CalibrationCheckGroup group;
    group.key = key;
    group.spectra = int(items.size());
    std::vector<CalibrationPoint> pooled;
    std::map<QString, std::vector<const CheckItem *>> byNuclide;
    for (const auto &it : items) {
        pooled.insert(pooled.end(), it.points.begin(), it.points.end());
        byNuclide[it.nuclide->name].push_back(&it);
    }
    group.nuclides = int(byNuclide.size());
    group.points = int(pooled.size());
    auto groupFit = EnergyCalibrator::fitPoints(pooled, degree, items.front().spectrum.channelCount());
    if (!groupFit) {
        group.failure = groupFit.error().message;
        return group;
    }
    group.calibration = groupFit->calibration;
    group.rmsKeV = groupFit->rmsKeV;
    for (const auto &it : items) {
        std::vector<CalibrationPoint> others;
        for (const auto &o : items)
            if (o.nuclide != it.nuclide)
                others.insert(others.end(), o.points.begin(), o.points.end());
        auto leave = others.empty() ? Result<EnergyCalibrator::Fit>(makeError(key, QStringLiteral("no other nuclide")))
                                    : EnergyCalibrator::fitPoints(others, degree, it.spectrum.channelCount());
        const bool isLong = it.spectrum.liveTime >= CalibrationCheckReport::LongAcquisitionS;
        for (const auto &pt : it.points) {
            CalibrationCheckRow row{it.spectrum.sourcePath, it.nuclide->name, pt, group.calibration.energyAt(pt.channel),
                                    energySigma(group.calibration, pt)};
            row.hasLeaveOut = bool(leave);
            row.leaveOutEnergyKeV = leave ? leave->calibration.energyAt(pt.channel) : std::nan("");
            row.checked = isCheckedLine(*it.nuclide, pt.energyKeV);
            if (row.checked) {
                const double delta = row.groupEnergyKeV - pt.energyKeV;
                report.all.add(delta, row.sigmaKeV);
                (isLong ? report.longOnes : report.shortOnes).add(delta, row.sigmaKeV);
                if (leave)
                    report.leaveOut.add(row.leaveOutEnergyKeV - pt.energyKeV, row.sigmaKeV);
            }
            group.rows.push_back(row);
        }
    }
    checkSums(byNuclide, group, report);
    return group;
}

} // namespace

void CalibrationTally::add(double deltaKeV, double sigmaKeV)
{
    ++total;
    within += std::abs(deltaKeV) <= ToleranceKeV ? 1 : 0;
    expected += sigmaKeV > 0.0 ? std::erf(ToleranceKeV / (sigmaKeV * std::sqrt(2.0))) : 1.0;
}

Result<CalibrationCheckReport> checkCalibration(const QString &dir, const NuclideLibrary &library, int degree)
{
    auto ds = SpectrumDataset::openFolder(dir);
    if (!ds)
        return ds.error();
    CalibrationCheckReport report;
    const Groups groups = readGroups(*ds, library, report.problems);
    for (const auto &[key, items] : groups)
        report.groups.push_back(checkGroup(key, items, degree, report));
    return report;
}

} // namespace photopeak
