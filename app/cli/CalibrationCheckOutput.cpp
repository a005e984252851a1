// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CalibrationCheckOutput.h"

#include "CliOutput.h"

#include "eval/CalibrationCheck.h"

#include <QFileInfo>

#include <cmath>

using namespace photopeak;

namespace {

QString tallyText(const CalibrationTally &t)
{
    return QStringLiteral("%1 of %2 within %3 keV (an exact calibration would give %4 from the centroids' counting scatter)")
        .arg(t.within).arg(t.total).arg(CalibrationTally::ToleranceKeV).arg(t.expected, 0, 'f', 1);
}

QString rowText(const QString &file, const CalibrationCheckRow &r, const QString &leaveOut)
{
    const double delta = r.groupEnergyKeV - r.point.energyKeV;
    return QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8%9\n").arg(file.left(34), -34).arg(r.point.energyKeV, 9, 'f', 2)
        .arg(r.point.channel, 8, 'f', 2).arg(r.groupEnergyKeV, 8, 'f', 2).arg(delta, 6, 'f', 2).arg(r.sigmaKeV, 5, 'f', 2)
        .arg(r.sigmaKeV > 0.0 ? QString::number(delta / r.sigmaKeV, 'f', 1) : QStringLiteral("-"), 5).arg(leaveOut)
        .arg(r.checked ? QStringLiteral("  *") : QString());
}

QString header(const QString &leaveOutTitle)
{
    return QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8\n").arg("file", -34).arg("line keV", 9).arg("channel", 8)
        .arg("E group", 8).arg("delta", 6).arg("sigma", 5).arg("pull", 5).arg(leaveOutTitle);
}

void printGroup(QTextStream &out, const CalibrationCheckGroup &g, QIODevice &csv)
{
    out << "\nGroup " << g.key << ": " << g.spectra << " spectra, " << g.nuclides << " nuclides, " << g.points << " points\n";
    if (!g.failure.isEmpty()) {
        out << "  group calibration failed: " << g.failure << "\n";
        return;
    }
    out << "  group calibration (all points): " << g.calibration.toString() << ", rms " << QString::number(g.rmsKeV, 'f', 2)
        << " keV\n" << header(QStringLiteral("E w/o nucl.  delta"));
    for (const auto &r : g.rows) {
        const double el = r.leaveOutEnergyKeV;
        const QString leaveText = QStringLiteral("%1 %2").arg(r.hasLeaveOut ? QString::number(el, 'f', 2) : QStringLiteral("-"), 11)
                                      .arg(r.hasLeaveOut ? QString::number(el - r.point.energyKeV, 'f', 2) : QStringLiteral("-"), 6);
        out << rowText(QFileInfo(r.file).fileName(), r, leaveText);
        if (csv.isOpen())
            csv.write(QStringLiteral("\"%1\",\"%2\",%3,%4,%5,%6,%7,%8,%9,%10\n").arg(g.key, r.file, r.nuclide)
                          .arg(r.point.energyKeV).arg(r.point.channel).arg(r.groupEnergyKeV).arg(r.groupEnergyKeV - r.point.energyKeV)
                          .arg(r.sigmaKeV).arg(el).arg(el - r.point.energyKeV).toUtf8());
    }
    if (!g.sumRows.empty())
        out << "  summed series of one nuclide (same detector setting):\n";
    for (const auto &r : g.sumRows)
        out << rowText(r.file, r, QString());
}

} // namespace

int runCalibrationCheck(const QString &dir, const NuclideLibrary &lib, int degree, QIODevice &csv)
{
    auto report = checkCalibration(dir, lib, degree);
    if (!report) {
        cliErr() << "photopeak-cli calibrate: " << report.error().toString() << "\n";
        return 1;
    }
    for (const QString &problem : report->problems)
        cliErr() << "  " << problem << "\n";
    if (report->groups.empty()) {
        cliErr() << "photopeak-cli calibrate: " << dir
                 << ": no readable single-source spectrum with a nuclide in its file name to check\n";
        return 1;
    }
    if (csv.isOpen())
        csv.write("group,file,nuclide,line_kev,channel,e_group_kev,delta_group_kev,sigma_kev,e_leave_out_kev,delta_leave_out_kev\n");
    QTextStream &out = cliOut();
    for (const auto &g : report->groups)
        printGroup(out, g, csv);
    const auto line = [&](const QString &what, const CalibrationTally &t) { out << QStringLiteral("  %1 ").arg(what, -50) << tallyText(t) << "\n"; };
    out << "\nCheck (*) of Cs137 661.66 and Co60 1173.23 / 1332.49 keV:\n";
    line(QStringLiteral("group calibration, every spectrum:"), report->all);
    line(QStringLiteral("  long acquisitions (live time >= %1 s):").arg(CalibrationCheckReport::LongAcquisitionS), report->longOnes);
    line(QStringLiteral("  short acquisitions:"), report->shortOnes);
    line(QStringLiteral("  summed series of short acquisitions:"), report->sums);
    line(QStringLiteral("calibration fitted without the nuclide's spectra:"), report->leaveOut);
    return 0;
}
