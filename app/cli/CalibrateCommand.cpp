#include "CliOutput.h"
#include "Commands.h"

#include "io/ReaderRegistry.h"
#include "library/ContentHash.h"
#include "library/SpectrumDataset.h"
#include "peaks/EnergyCalibrator.h"
#include "peaks/NuclideLibrary.h"
#include "peaks/PeakAnalyzer.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cmath>
#include <map>
#include <set>

using namespace photopeak;

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

struct CheckItem {
    Spectrum spectrum;
    const Nuclide *nuclide = nullptr;
    std::vector<CalibrationPoint> points;  // own peaks matched to own lines (channel, true energy)
};

// Calibration check on a folder of single-source spectra: every spectrum is calibrated on its own lines;
// the pooled points of each detector setting give a group calibration, and each nuclide is checked with a
// calibration fitted WITHOUT its own spectra (leave-one-nuclide-out).
int check(const QString &dir, const NuclideLibrary &lib, int degree, QFile &csv)
{
    QTextStream &out = cliOut();
    auto ds = SpectrumDataset::openFolder(dir);
    if (!ds) {
        cliErr() << "photopeak-cli calibrate: " << ds.error().toString() << "\n";
        return 1;
    }
    std::map<QString, std::vector<CheckItem>> groups;  // by header calibration and channel count
    std::set<QByteArray> seen;
    for (const auto &e : ds->entries()) {
        if (!e.isUsable())
            continue;
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
        Spectrum probe = it.spectrum;
        probe.calibration = EnergyCalibration();
        const PeakAnalysis a = PeakAnalyzer().run(probe);
        auto fit = EnergyCalibrator().automatic(a.peaks, n->lines, probe.channelCount());
        if (!fit) {
            cliErr() << "  " << e.relativePath << ": " << fit.error().message << "\n";
            continue;
        }
        it.points = fit->points;
        const QString key = QStringLiteral("%1 ch, header %2").arg(it.spectrum.channelCount()).arg(it.spectrum.calibration.toString());
        groups[key].push_back(std::move(it));
    }
    if (csv.isOpen())
        csv.write("group,file,nuclide,line_kev,channel,e_group_kev,delta_group_kev,e_leave_out_kev,delta_leave_out_kev\n");
    int within = 0, total = 0, withinGroup = 0, totalGroup = 0;
    for (const auto &[key, items] : groups) {
        std::vector<CalibrationPoint> all;
        std::set<QString> nuclides;
        for (const auto &it : items) {
            all.insert(all.end(), it.points.begin(), it.points.end());
            nuclides.insert(it.nuclide->name);
        }
        auto groupFit = EnergyCalibrator::fitPoints(all, degree, items.front().spectrum.channelCount());
        out << "\nGroup " << key << ": " << items.size() << " spectra, " << nuclides.size() << " nuclides, "
            << all.size() << " points\n";
        if (!groupFit) {
            out << "  group calibration failed: " << groupFit.error().message << "\n";
            continue;
        }
        out << "  group calibration (all points): " << groupFit->calibration.toString() << ", rms "
            << QString::number(groupFit->rmsKeV, 'f', 2) << " keV\n";
        out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7\n").arg("file", -34).arg("line keV", 9).arg("channel", 8)
                   .arg("E group", 8).arg("delta", 6).arg("E w/o nucl.", 11).arg("delta", 6);
        for (const auto &it : items) {
            std::vector<CalibrationPoint> others;
            for (const auto &o : items)
                if (o.nuclide != it.nuclide)
                    others.insert(others.end(), o.points.begin(), o.points.end());
            auto leave = others.empty() ? Result<EnergyCalibrator::Fit>(makeError(key, QStringLiteral("no other nuclide")))
                                        : EnergyCalibrator::fitPoints(others, degree, it.spectrum.channelCount());
            for (const auto &pt : it.points) {
                const double eg = groupFit->calibration.energyAt(pt.channel);
                const double el = leave ? leave->calibration.energyAt(pt.channel) : std::nan("");
                const bool checked = pt.energyKeV > 600.0 && (it.nuclide->name == QLatin1String("Cs137") || it.nuclide->name == QLatin1String("Co60"));
                if (checked) {
                    ++totalGroup;
                    withinGroup += std::abs(eg - pt.energyKeV) <= 1.0 ? 1 : 0;
                }
                if (checked && leave) {
                    ++total;
                    within += std::abs(el - pt.energyKeV) <= 1.0 ? 1 : 0;
                }
                out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7%8\n").arg(QFileInfo(it.spectrum.sourcePath).fileName().left(34), -34)
                           .arg(pt.energyKeV, 9, 'f', 2).arg(pt.channel, 8, 'f', 2).arg(eg, 8, 'f', 2).arg(eg - pt.energyKeV, 6, 'f', 2)
                           .arg(leave ? QString::number(el, 'f', 2) : QStringLiteral("-"), 11)
                           .arg(leave ? QString::number(el - pt.energyKeV, 'f', 2) : QStringLiteral("-"), 6)
                           .arg(checked ? QStringLiteral("  *") : QString());
                if (csv.isOpen())
                    csv.write(QStringLiteral("\"%1\",%2,%3,%4,%5,%6,%7,%8,%9\n").arg(key, it.spectrum.sourcePath, it.nuclide->name)
                                  .arg(pt.energyKeV).arg(pt.channel).arg(eg).arg(eg - pt.energyKeV).arg(el).arg(el - pt.energyKeV).toUtf8());
            }
        }
    }
    out << "\nCheck (*) of Cs137 661.66 and Co60 1173.23 / 1332.49 keV: group calibration " << withinGroup << " of " << totalGroup
        << " within 1 keV; calibration fitted without the nuclide's own spectra " << within << " of " << total << " within 1 keV\n";
    return 0;
}

} // namespace

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
    const int rc = parseCommandLine(p, args,
        QStringLiteral("Energy calibration from fitted peaks: automatic (matched to the lines of chosen nuclides, no prior "
                       "calibration needed, so slope-0 spectra work) or manual; linear or quadratic; per file or for a group."));
    if (rc >= 0)
        return rc;
    auto lib = p.isSet(QStringLiteral("library")) ? NuclideLibrary::load(p.value(QStringLiteral("library"))) : NuclideLibrary::loadDefault();
    if (!lib) {
        cliErr() << "photopeak-cli calibrate: " << lib.error().toString() << "\n";
        return 1;
    }
    QFile csv(p.value(QStringLiteral("csv")));
    if (p.isSet(QStringLiteral("csv")) && !csv.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        cliErr() << "photopeak-cli calibrate: cannot write " << csv.fileName() << "\n";
        return 1;
    }
    const bool checkMode = p.isSet(QStringLiteral("check"));
    const int degree = p.isSet(QStringLiteral("degree")) ? p.value(QStringLiteral("degree")).toInt() : (checkMode ? 2 : 1);
    if (degree < 1 || degree > 2) {
        cliErr() << "photopeak-cli calibrate: --degree must be 1 or 2\n";
        return 2;
    }
    if (checkMode)
        return check(p.value(QStringLiteral("check")), *lib, degree, csv);
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
    return failures ? 1 : 0;
}
