// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CalibrationCheckOutput.h"
#include "CliOutput.h"
#include "Commands.h"

#include "io/AtomicFile.h"
#include "io/OutputGuard.h"
#include "io/ReaderRegistry.h"
#include "peaks/EnergyCalibrator.h"
#include "peaks/NuclideLibrary.h"
#include "peaks/PeakAnalyzer.h"

#include <QCommandLineParser>
#include <QBuffer>
#include <QFileInfo>

using namespace photopeak;

int runCalibrate(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Spectrum files."), QStringLiteral("[files...]"));
    p.addOption({QStringLiteral("nuclides"), QStringLiteral("Nuclides whose lines the peaks are matched to (comma separated)."), QStringLiteral("list")});
    p.addOption({QStringLiteral("manual"), QStringLiteral("Manual points 'channel=keV,channel=keV,...' instead of matching."), QStringLiteral("points")});
    p.addOption({QStringLiteral("degree"), QStringLiteral("1 = linear, 2 = quadratic (default 1; --check default 2)."), QStringLiteral("n")});
    p.addOption({QStringLiteral("group"), QStringLiteral("Calibrate the sum of all files and apply it to each (same detector).")});
    p.addOption({QStringLiteral("check"), QStringLiteral("Calibration check on single-source spectra in DIR (nuclide in the file name)."), QStringLiteral("dir")});
    p.addOption({QStringLiteral("library"), QStringLiteral("Nuclide library file (default: the shipped one)."), QStringLiteral("file")});
    p.addOption({QStringLiteral("csv"), QStringLiteral("Also write the table as CSV."), QStringLiteral("file")});
    p.addOption(forceOutputOption());
    const int rc = parseCommandLine(p, args,
        QStringLiteral("Energy calibration from fitted peaks: automatic (matched to the lines of chosen nuclides, no prior "
                       "calibration needed, so slope-0 spectra work) or manual; linear or quadratic; per file or for a group."));
    if (rc >= 0)
        return rc;
    const QString csvPath = p.value(QStringLiteral("csv"));
    OutputGuard guard(p.positionalArguments(), p.isSet(QStringLiteral("force")));
    guard.addInputs({p.value(QStringLiteral("library")), p.value(QStringLiteral("check"))});
    if (const int refused = checkOutputs(QStringLiteral("calibrate"), guard, {{csvPath, OutputKind::table()}}); refused >= 0)
        return refused;
    auto lib = p.isSet(QStringLiteral("library")) ? NuclideLibrary::load(p.value(QStringLiteral("library"))) : NuclideLibrary::loadDefault();
    if (!lib) {
        cliErr() << "photopeak-cli calibrate: " << lib.error().toString() << "\n";
        return 1;
    }
    // The table is written at the end, atomically, and only when there is something to write.
    QBuffer csv;
    if (!csvPath.isEmpty())
        csv.open(QIODevice::WriteOnly);
    const auto writeCsv = [&](bool haveRows, int rc) {
        if (csvPath.isEmpty())
            return rc;
        if (!haveRows) {
            cliErr() << "photopeak-cli calibrate: nothing to tabulate; " << csvPath << " not written\n";
            return rc;
        }
        if (const Status st = writeFileAtomically(csvPath, csv.data(), OutputKind::table()); !st) {
            cliErr() << "photopeak-cli calibrate: " << st.error().toString() << "\n";
            return 1;
        }
        return rc;
    };
    const bool checkMode = p.isSet(QStringLiteral("check"));
    const int degree = p.isSet(QStringLiteral("degree")) ? p.value(QStringLiteral("degree")).toInt() : (checkMode ? 2 : 1);
    if (degree < 1 || degree > 2) {
        cliErr() << "photopeak-cli calibrate: --degree must be 1 or 2\n";
        return 2;
    }
    if (checkMode) {
        const int checked = runCalibrationCheck(p.value(QStringLiteral("check")), *lib, degree, csv);
        return writeCsv(checked == 0, checked);
    }
    if (p.positionalArguments().isEmpty() || (!p.isSet(QStringLiteral("nuclides")) && !p.isSet(QStringLiteral("manual")))) {
        cliErr() << "photopeak-cli calibrate: give files and --nuclides (or --manual), or --check DIR\n";
        return 2;
    }
    std::vector<GammaLine> lines;
    for (const QString &name : p.value(QStringLiteral("nuclides")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const Nuclide *n = lib->find(name);
        if (!n) {
            cliErr() << "photopeak-cli calibrate: nuclide '" << name << "' is not in the library\n";
            return 2;
        }
        lines.insert(lines.end(), n->lines.begin(), n->lines.end());
    }
    std::vector<CalibrationPoint> manual;
    for (const QString &pair : p.value(QStringLiteral("manual")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList kv = pair.split(QLatin1Char('='));
        bool ok1 = false, ok2 = false;
        CalibrationPoint pt;
        if (kv.size() == 2) {
            pt.channel = kv[0].toDouble(&ok1);
            pt.energyKeV = kv[1].toDouble(&ok2);
        }
        if (!ok1 || !ok2) {
            cliErr() << "photopeak-cli calibrate: manual point '" << pair << "' is not channel=keV\n";
            return 2;
        }
        pt.label = QStringLiteral("manual");
        manual.push_back(pt);
    }
    std::vector<Spectrum> spectra;
    int failures = 0;
    for (const QString &path : p.positionalArguments()) {
        auto r = ReaderRegistry::instance().read(path);
        if (!r) {
            cliErr() << "photopeak-cli calibrate: " << r.error().toString() << "\n";
            ++failures;
            continue;
        }
        spectra.insert(spectra.end(), r->begin(), r->end());
    }
    std::vector<Spectrum> targets = spectra;
    if (p.isSet(QStringLiteral("group")) && !spectra.empty()) {
        Spectrum sum = spectra.front();
        for (size_t i = 1; i < spectra.size(); ++i) {
            if (spectra[i].channelCount() != sum.channelCount()) {
                cliErr() << "photopeak-cli calibrate: " << spectra[i].displayName() << ": channel count differs from the group\n";
                return 1;
            }
            for (int c = 0; c < sum.channelCount(); ++c)
                sum.counts[c] += spectra[i].counts[c];
        }
        sum.sourcePath = QStringLiteral("group of %1 spectra").arg(spectra.size());
        targets = {sum};
    }
    QTextStream &out = cliOut();
    if (csv.isOpen())
        csv.write("file,method,offset,slope,quadratic,rms_kev,points\n");
    for (const Spectrum &s : targets) {
        const int n = s.channelCount();
        Result<EnergyCalibrator::Fit> fit = makeError(s.displayName(), QStringLiteral("not calibrated"));
        if (!manual.empty()) {
            fit = EnergyCalibrator::fitPoints(manual, degree, n);
        } else {
            Spectrum probe = s;
            probe.calibration = EnergyCalibration();
            EnergyCalibrator::Options co;
            co.degree = degree;
            fit = EnergyCalibrator(co).automatic(PeakAnalyzer().run(probe).peaks, lines, n);
        }
        if (!fit) {
            cliErr() << "photopeak-cli calibrate: " << s.displayName() << ": " << fit.error().message << "\n";
            ++failures;
            continue;
        }
        out << (s.sourcePath.isEmpty() ? s.displayName() : s.sourcePath) << "\n  header:     " << s.calibration.toString()
            << (s.problems.has(SpectrumProblem::MissingCalibration) ? QStringLiteral("  (slope 0 in the file: default substituted)") : QString())
            << "\n  " << QStringLiteral("%1:").arg(fit->method, -11) << fit->calibration.toString() << "  rms "
            << QString::number(fit->rmsKeV, 'f', 2) << " keV\n";
        for (const auto &pt : fit->points)
            out << QStringLiteral("    %1 channel %2 -> %3 keV (residual %4)\n").arg(pt.label, -22).arg(pt.channel, 8, 'f', 2)
                       .arg(pt.energyKeV, 8, 'f', 2).arg(pt.residualKeV, 0, 'f', 2);
        const auto &c = fit->calibration.coefficients();
        if (csv.isOpen())
            csv.write(QStringLiteral("\"%1\",%2,%3,%4,%5,%6,%7\n").arg(s.displayName(), fit->method).arg(c[0], 0, 'g', 10)
                          .arg(c[1], 0, 'g', 10).arg(c[2], 0, 'g', 10).arg(fit->rmsKeV).arg(fit->points.size()).toUtf8());
        if (p.isSet(QStringLiteral("group")))
            out << "  applies to: " << [&] { QStringList names; for (const auto &x : spectra) names << x.displayName(); return names.join(QStringLiteral(", ")); }() << "\n";
    }
    return writeCsv(!targets.empty(), failures ? 1 : 0);
}
