// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliOutput.h"
#include "AnalysisCli.h"
#include "PeaksCli.h"
#include "Commands.h"

#include "io/AtomicFile.h"
#include "io/OutputGuard.h"
#include "io/ReaderRegistry.h"
#include "peaks/ClassicalIdentifier.h"
#include "peaks/EnergyCalibrator.h"
#include "peaks/NuclideLibrary.h"
#include "peaks/PeakAnalyzer.h"

#include <QCommandLineParser>
#include <QBuffer>

using namespace photopeak;

int runPeaks(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Spectrum files."), QStringLiteral("files..."));
    p.addOption({QStringLiteral("min-significance"), QStringLiteral("Search threshold in standard deviations (default 4)."), QStringLiteral("z"), QStringLiteral("4")});
    p.addOption({QStringLiteral("calibrate-with"), QStringLiteral("Calibrate automatically on these nuclides' lines first (comma separated)."), QStringLiteral("list")});
    p.addOption({QStringLiteral("efficiency"), QStringLiteral("Efficiency file: its resolution and curve guide the identification."), QStringLiteral("file")});
    p.addOption({QStringLiteral("library"), QStringLiteral("Nuclide library file (default: the shipped one)."), QStringLiteral("file")});
    p.addOption({QStringLiteral("csv"), QStringLiteral("Also write the peak table as CSV."), QStringLiteral("file")});
    p.addOption(forceOutputOption());
    const int rc = parseCommandLine(p, args,
        QStringLiteral("Peak search (smoothed second difference), Gaussian region fits with centroid, FWHM and net area with "
                       "uncertainties, the FWHM(E) model of the spectrum and a ranked list of nuclides matching the peaks."));
    if (rc >= 0)
        return rc;
    if (p.positionalArguments().isEmpty()) {
        cliErr() << "photopeak-cli peaks: give at least one file\n";
        return 2;
    }
    const QString csvPath = p.value(QStringLiteral("csv"));
    OutputGuard guard(p.positionalArguments(), p.isSet(QStringLiteral("force")));
    guard.addInputs({p.value(QStringLiteral("library")), AnalysisCli::resolveEfficiency(p.value(QStringLiteral("efficiency")))});
    if (const int refused = checkOutputs(QStringLiteral("peaks"), guard, {{csvPath, OutputKind::table()}}); refused >= 0)
        return refused;
    auto lib = p.isSet(QStringLiteral("library")) ? NuclideLibrary::load(p.value(QStringLiteral("library"))) : NuclideLibrary::loadDefault();
    if (!lib) {
        cliErr() << "photopeak-cli peaks: " << lib.error().toString() << "\n";
        return 1;
    }
    int failure = 0;
    const auto effOrNone = PeaksCli::efficiency(p.value(QStringLiteral("efficiency")), QStringLiteral("peaks"), &failure);
    if (!effOrNone)
        return failure;
    const EfficiencyCurve eff = *effOrNone;
    const auto linesOrNone = PeaksCli::calibrationLines(*lib, p.value(QStringLiteral("calibrate-with")), QStringLiteral("peaks"), &failure);
    if (!linesOrNone)
        return failure;
    const std::vector<GammaLine> calLines = *linesOrNone;
    PeakAnalyzer::Options ao;
    ao.searchSignificance = p.value(QStringLiteral("min-significance")).toDouble();
    QTextStream &out = cliOut();
    // The table is written at the end, atomically, and only when some spectrum was read.
    QBuffer csv;
    QTextStream cs(&csv);
    int spectraRead = 0;
    if (!csvPath.isEmpty()) {
        csv.open(QIODevice::WriteOnly);
        cs << "file,channel,channel_unc,energy_kev,energy_unc_kev,fwhm_kev,fwhm_unc_kev,area,area_unc,significance,region_chi2_ndf\n";
    }
    int failures = 0;
    for (const QString &path : p.positionalArguments()) {
        auto spectra = ReaderRegistry::instance().read(path);
        if (!spectra) {
            cliErr() << "photopeak-cli peaks: " << spectra.error().toString() << "\n";
            ++failures;
            continue;
        }
        for (Spectrum s : *spectra) {
            ++spectraRead;
            const int n = s.channelCount();
            const bool headerCal = s.calibration.isValid(n) && !s.problems.has(SpectrumProblem::MissingCalibration);
            if (!headerCal)
                s.calibration = EnergyCalibration();
            PeakAnalysis a = PeakAnalyzer(ao).run(s);
            QString calNote = headerCal ? QStringLiteral("header") : QStringLiteral("none (channels only)");
            if (!calLines.empty()) {
                auto fit = EnergyCalibrator().automatic(a.peaks, calLines, n);
                if (fit) {
                    s.calibration = fit->calibration;
                    a = PeakAnalyzer(ao).run(s);
                    calNote = QStringLiteral("automatic on %1 lines, rms %2 keV").arg(fit->points.size()).arg(fit->rmsKeV, 0, 'f', 2);
                } else {
                    cliErr() << "photopeak-cli peaks: " << s.displayName() << ": " << fit.error().message << "\n";
                }
            }
            out << s.displayName() << "  (" << n << " channels, live " << QString::number(s.liveTime, 'f', 1)
                << " s, calibration " << s.calibration.toString() << ": " << calNote << ")\n";
            out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7\n").arg("#", 3).arg("channel", 15).arg("energy keV", 17)
                       .arg("FWHM keV", 13).arg("net area", 17).arg("z", 6).arg("chi2/ndf", 9);
            int k = 0;
            for (const auto &r : a.regions)
                for (const auto &pk : r.peaks) {
                    ++k;
                    out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7\n").arg(k, 3)
                               .arg(QStringLiteral("%1 +- %2").arg(pk.centroid, 0, 'f', 2).arg(pk.centroidUnc, 0, 'f', 2), 15)
                               .arg(a.calibrated ? QStringLiteral("%1 +- %2").arg(pk.energyKeV, 0, 'f', 2).arg(pk.energyUncKeV, 0, 'f', 2) : QStringLiteral("-"), 17)
                               .arg(a.calibrated ? QStringLiteral("%1 +- %2").arg(pk.fwhmKeV, 0, 'f', 2).arg(pk.fwhmUncKeV, 0, 'f', 2) : QStringLiteral("-"), 13)
                               .arg(QStringLiteral("%1 +- %2").arg(pk.area, 0, 'f', 0).arg(pk.areaUnc, 0, 'f', 0), 17)
                               .arg(pk.significance(), 6, 'f', 1).arg(r.reducedChi2(), 9, 'f', 2);
                    if (csv.isOpen())
                        cs << s.displayName() << ',' << pk.centroid << ',' << pk.centroidUnc << ',' << pk.energyKeV << ','
                           << pk.energyUncKeV << ',' << pk.fwhmKeV << ',' << pk.fwhmUncKeV << ',' << pk.area << ',' << pk.areaUnc
                           << ',' << pk.significance() << ',' << r.reducedChi2() << "\n";
                }
            if (!a.calibrated)
                continue;
            // Resolution in keV from the clear single peaks of this spectrum.
            std::vector<ResolutionModel::Point> rp;
            for (const auto &r : a.regions)
                if (r.peaks.size() == 1 && r.peaks.front().significance() >= 8.0)
                    rp.push_back({r.peaks.front().energyKeV, r.peaks.front().fwhmKeV, r.peaks.front().fwhmUncKeV});
            ResolutionModel res = eff.isValid() ? ResolutionModel::fromString(eff.resolution) : ResolutionModel();
            if (!res.isValid())
                res = ResolutionModel::fit(rp);
            if (!res.isValid())
                res = ResolutionModel::fromFraction(0.025);
            out << QStringLiteral("  resolution FWHM^2 = %1 -> FWHM(662 keV) = %2 keV (%3)\n").arg(res.toString())
                       .arg(res.fwhmKeV(661.657), 0, 'f', 1)
                       .arg(eff.isValid() ? QStringLiteral("efficiency file") : QStringLiteral("%1 peaks of this spectrum").arg(rp.size()));
            ClassicalIdentifier::Options io;
            io.maxEnergyKeV = s.calibration.energyAt(n);
            ClassicalIdentifier id(*lib, res, io);
            if (eff.isValid())
                id.setEfficiency(eff);
            const auto matches = id.identify(a.peaks);
            out << "  nuclides matching the peaks (classical identification):\n";
            int shown = 0;
            for (const auto &m : matches) {
                if (++shown > 8)
                    break;
                out << QStringLiteral("    %1 score %2  lines %3/%4  ratio chi2/ndf %5  %6\n").arg(m.nuclide, -7)
                           .arg(m.score, 0, 'f', 2).arg(m.linesMatched).arg(m.linesExpected).arg(m.ratioChi2, 0, 'f', 1)
                           .arg(m.matched.join(QStringLiteral(", ")));
            }
            if (matches.empty())
                out << "    (none)\n";
        }
    }
    if (!csvPath.isEmpty()) {
        cs.flush();
        if (spectraRead == 0) {
            cliErr() << "photopeak-cli peaks: no spectrum was read; " << csvPath << " not written\n";
        } else if (const Status st = writeFileAtomically(csvPath, csv.data(), OutputKind::table()); !st) {
            cliErr() << "photopeak-cli peaks: " << st.error().toString() << "\n";
            return 1;
        }
    }
    return failures ? 1 : 0;
}
