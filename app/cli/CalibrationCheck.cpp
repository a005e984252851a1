#include "CalibrationCheck.h"

#include "CliOutput.h"

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

using namespace photopeak;

namespace {

constexpr double kToleranceKeV = 1.0;
constexpr double kLongAcquisitionS = 300.0;

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

// The lines the issue names: Cs137 661.66 keV, Co60 1173.2 and 1332.5 keV.
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

// Within-tolerance count of checked lines, and how many an exact calibration would give from the centroids'
// counting scatter alone (sum of P(|N(0, sigma)| <= tolerance)).
struct Tally {
    int within = 0, total = 0;
    double expected = 0.0;
    void add(double delta, double sigma)
    {
        ++total;
        within += std::abs(delta) <= kToleranceKeV ? 1 : 0;
        expected += sigma > 0.0 ? std::erf(kToleranceKeV / (sigma * std::sqrt(2.0))) : 1.0;
    }
    QString text() const
    {
        return QStringLiteral("%1 of %2 within %3 keV (an exact calibration would give %4 from the centroids' counting scatter)")
            .arg(within).arg(total).arg(kToleranceKeV).arg(expected, 0, 'f', 1);
    }
};

QString row(const QString &file, const CalibrationPoint &pt, double e, double sigma, const QString &leaveOut, bool checked)
{
    const double delta = e - pt.energyKeV;
    return QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8%9\n").arg(file.left(34), -34).arg(pt.energyKeV, 9, 'f', 2)
        .arg(pt.channel, 8, 'f', 2).arg(e, 8, 'f', 2).arg(delta, 6, 'f', 2).arg(sigma, 5, 'f', 2)
        .arg(sigma > 0.0 ? QString::number(delta / sigma, 'f', 1) : QStringLiteral("-"), 5).arg(leaveOut)
        .arg(checked ? QStringLiteral("  *") : QString());
}

QString header(const QString &leaveOutTitle)
{
    return QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8\n").arg("file", -34).arg("line keV", 9).arg("channel", 8)
        .arg("E group", 8).arg("delta", 6).arg("sigma", 5).arg("pull", 5).arg(leaveOutTitle);
}

} // namespace

// Every spectrum is calibrated on its own lines; the pooled points of each detector setting give a group
// calibration, and each nuclide is also checked with a calibration fitted WITHOUT its own spectra
// (leave-one-nuclide-out). Series of short spectra of one nuclide are checked once more summed, where the
// centroids are no longer limited by counting statistics.
int runCalibrationCheck(const QString &dir, const NuclideLibrary &lib, int degree, QIODevice &csv)
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
        if (!e.isUsable()) {
            cliErr() << "  " << e.relativePath << ": skipped: " << e.problemText() << "\n";
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
            cliErr() << "  " << e.relativePath << ": " << points.error().message << "\n";
            continue;
        }
        it.points = std::move(*points);
        const QString key = QStringLiteral("%1 ch, header %2").arg(it.spectrum.channelCount()).arg(it.spectrum.calibration.toString());
        groups[key].push_back(std::move(it));
    }
    if (groups.empty()) {
        cliErr() << "photopeak-cli calibrate: " << dir
                 << ": no readable single-source spectrum with a nuclide in its file name to check\n";
        return 1;
    }
    if (csv.isOpen())
        csv.write("group,file,nuclide,line_kev,channel,e_group_kev,delta_group_kev,sigma_kev,e_leave_out_kev,delta_leave_out_kev\n");
    Tally all, longOnes, shortOnes, leaveOut, sums;
    for (const auto &[key, items] : groups) {
        std::vector<CalibrationPoint> pooled;
        std::map<QString, std::vector<const CheckItem *>> byNuclide;
        for (const auto &it : items) {
            pooled.insert(pooled.end(), it.points.begin(), it.points.end());
            byNuclide[it.nuclide->name].push_back(&it);
        }
        auto groupFit = EnergyCalibrator::fitPoints(pooled, degree, items.front().spectrum.channelCount());
        out << "\nGroup " << key << ": " << items.size() << " spectra, " << byNuclide.size() << " nuclides, "
            << pooled.size() << " points\n";
        if (!groupFit) {
            out << "  group calibration failed: " << groupFit.error().message << "\n";
            continue;
        }
        const EnergyCalibration &cal = groupFit->calibration;
        out << "  group calibration (all points): " << cal.toString() << ", rms " << QString::number(groupFit->rmsKeV, 'f', 2)
            << " keV\n" << header(QStringLiteral("E w/o nucl.  delta"));
        for (const auto &it : items) {
            std::vector<CalibrationPoint> others;
            for (const auto &o : items)
                if (o.nuclide != it.nuclide)
                    others.insert(others.end(), o.points.begin(), o.points.end());
            auto leave = others.empty() ? Result<EnergyCalibrator::Fit>(makeError(key, QStringLiteral("no other nuclide")))
                                        : EnergyCalibrator::fitPoints(others, degree, it.spectrum.channelCount());
            const bool isLong = it.spectrum.liveTime >= kLongAcquisitionS;
            for (const auto &pt : it.points) {
                const double eg = cal.energyAt(pt.channel);
                const double el = leave ? leave->calibration.energyAt(pt.channel) : std::nan("");
                const double sigma = energySigma(cal, pt);
                const bool checked = isCheckedLine(*it.nuclide, pt.energyKeV);
                if (checked) {
                    all.add(eg - pt.energyKeV, sigma);
                    (isLong ? longOnes : shortOnes).add(eg - pt.energyKeV, sigma);
                    if (leave)
                        leaveOut.add(el - pt.energyKeV, sigma);
                }
                const QString leaveText = QStringLiteral("%1 %2").arg(leave ? QString::number(el, 'f', 2) : QStringLiteral("-"), 11)
                                              .arg(leave ? QString::number(el - pt.energyKeV, 'f', 2) : QStringLiteral("-"), 6);
                out << row(QFileInfo(it.spectrum.sourcePath).fileName(), pt, eg, sigma, leaveText, checked);
                if (csv.isOpen())
                    csv.write(QStringLiteral("\"%1\",\"%2\",%3,%4,%5,%6,%7,%8,%9,%10\n").arg(key, it.spectrum.sourcePath, it.nuclide->name)
                                  .arg(pt.energyKeV).arg(pt.channel).arg(eg).arg(eg - pt.energyKeV).arg(sigma).arg(el)
                                  .arg(el - pt.energyKeV).toUtf8());
            }
        }
        bool sumHeaderShown = false;
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
                cliErr() << "  " << label << ": " << points.error().message << "\n";
                continue;
            }
            if (!sumHeaderShown) {
                out << "  summed series of one nuclide (same detector setting):\n";
                sumHeaderShown = true;
            }
            for (const auto &pt : *points) {
                const bool checked = isCheckedLine(*members.front()->nuclide, pt.energyKeV);
                const double eg = cal.energyAt(pt.channel);
                const double sigma = energySigma(cal, pt);
                if (checked)
                    sums.add(eg - pt.energyKeV, sigma);
                out << row(label, pt, eg, sigma, QString(), checked);
            }
        }
    }
    const auto line = [&](const QString &what, const Tally &t) { out << QStringLiteral("  %1 ").arg(what, -50) << t.text() << "\n"; };
    out << "\nCheck (*) of Cs137 661.66 and Co60 1173.23 / 1332.49 keV:\n";
    line(QStringLiteral("group calibration, every spectrum:"), all);
    line(QStringLiteral("  long acquisitions (live time >= %1 s):").arg(kLongAcquisitionS), longOnes);
    line(QStringLiteral("  short acquisitions:"), shortOnes);
    line(QStringLiteral("  summed series of short acquisitions:"), sums);
    line(QStringLiteral("calibration fitted without the nuclide's spectra:"), leaveOut);
    return 0;
}
