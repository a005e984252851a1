// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliOutput.h"
#include "Commands.h"

#include "io/AtomicFile.h"
#include "io/OutputGuard.h"
#include "io/ReaderRegistry.h"
#include "library/SpectrumDataset.h"
#include "peaks/ActivityEstimator.h"
#include "peaks/NuclideLibrary.h"
#include "peaks/PeakAnalyzer.h"
#include "peaks/SourceSeries.h"

#include <QCommandLineParser>
#include <QBuffer>
#include <QFileInfo>
#include <QMap>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using namespace photopeak;

namespace {

double quantile(std::vector<double> v, double q)
{
    if (v.empty())
        return std::nan("");
    std::sort(v.begin(), v.end());
    const double pos = q * (v.size() - 1);
    const size_t i = static_cast<size_t>(std::floor(pos));
    const double f = pos - i;
    return i + 1 < v.size() ? v[i] * (1 - f) + v[i + 1] * f : v[i];
}

QString folderOf(const QString &rel)
{
    const int slash = rel.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : rel.left(slash);
}

const Nuclide *nuclideOfPath(const NuclideLibrary &lib, const QString &path)
{
    for (const QString &part : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (const Nuclide *n = lib.find(part))
            return n;
    }
    return nullptr;
}

// Series of single-source spectra below `root`: one per folder with a nuclide and a distance in its path.
std::vector<SourceSeries> loadSeries(const QString &root, const NuclideLibrary &lib, int *skipped)
{
    std::vector<SourceSeries> out;
    auto ds = SpectrumDataset::openFolder(root);
    if (!ds) {
        cliErr() << "photopeak-cli activity: " << ds.error().toString() << "\n";
        return out;
    }
    std::map<QString, SourceSeries> byFolder;
    for (const auto &e : ds->entries()) {
        if (!e.isUsable() || e.spectrum.totalCounts() <= 0.0) {
            ++*skipped;
            continue;
        }
        const QString folder = folderOf(e.relativePath);
        SourceSeries &s = byFolder[folder];
        if (s.spectra.empty()) {
            s.key = folder;
            s.nuclide = nuclideOfPath(lib, folder);
            s.distanceCm = SourceSeries::distanceFromPath(folder);
        }
        s.spectra.push_back(e.spectrum);
    }
    for (auto &[k, s] : byFolder)
        if (s.nuclide && s.distanceCm > 0.0 && !s.spectra.empty())
            out.push_back(std::move(s));
    return out;
}

const SourceCertificate *certificateFor(const std::vector<SourceCertificate> &certs, const QString &nuclide)
{
    for (const auto &c : certs)
        if (c.nuclide == nuclide)
            return &c;
    return nullptr;
}

struct Detector {
    ResolutionModel resolution;
    EfficiencyCurve efficiency;
};

// Calibrates every series, fits one resolution model from all of them and the efficiency from the training
// series (key contains `train`).
Result<Detector> buildDetector(std::vector<SourceSeries> &series, const QString &train, double refCm, double radiusCm,
                              int degree, bool verbose)
{
    QTextStream &out = cliOut();
    EnergyCalibrator::Options co;
    const EnergyCalibrator calibrator(co);
    std::vector<ResolutionModel::Point> rp;
    if (verbose)
        out << "Series calibration (sum of each folder; refine = header calibration refined on its lines)\n";
    for (auto &s : series) {
        if (auto st = s.buildSum(); !st) {
            cliErr() << "  " << st.error().toString() << "\n";
            continue;
        }
        if (auto st = s.calibrate(calibrator); !st) {
            cliErr() << "  " << st.error().toString() << "\n";
            continue;
        }
        const auto pts = s.resolutionPoints();
        rp.insert(rp.end(), pts.begin(), pts.end());
        if (verbose)
            out << QStringLiteral("  %1 %2 spectra  %3  %4  (%5 lines, rms %6 keV)\n")
                       .arg(s.key, -28).arg(s.spectra.size(), 3).arg(s.calibration.method, -9)
                       .arg(s.calibration.calibration.toString()).arg(s.calibration.points.size())
                       .arg(s.calibration.rmsKeV, 0, 'f', 2);
    }
    Detector d;
    d.resolution = ResolutionModel::fit(rp);
    if (!d.resolution.isValid())
        return makeError(QStringLiteral("resolution"), QStringLiteral("no clear peak to fit the resolution"));
    const auto certs = SourceCertificate::xgdSources();
    // Efficiency points of the training series for a detector radius r; r is fitted when the training
    // series cover more than one distance (minimum chi2 of the curve), else the XGD value 7 cm is kept.
    auto pointsFor = [&](double r) {
        std::vector<EfficiencyCurve::Point> ep;
        for (const auto &s : series) {
            if (!s.key.contains(train) || !s.calibration.calibration.isValid(s.sum.channelCount()))
                continue;
            const SourceCertificate *c = certificateFor(certs, s.nuclide->name);
            if (!c)
                continue;
            auto pts = s.efficiencyPoints(*c, d.resolution, refCm, r);
            if (pts)
                ep.insert(ep.end(), pts->begin(), pts->end());
        }
        return ep;
    };
    std::set<double> distances;
    for (const auto &s : series)
        if (s.key.contains(train))
            distances.insert(s.distanceCm);
    double radius = radiusCm;
    if (radius < 0.0 && distances.size() > 1) {
        double best = 1e300;
        for (double r = 0.0; r <= 30.0; r += 0.25) {
            auto e = EfficiencyCurve::fit(pointsFor(r), degree, refCm);
            if (e && e->reducedChi2() < best) {
                best = e->reducedChi2();
                radius = r;
            }
        }
    }
    if (radius < 0.0)
        radius = 7.0;
    const std::vector<EfficiencyCurve::Point> ep = pointsFor(radius);
    auto eff = EfficiencyCurve::fit(ep, degree, refCm);
    if (!eff)
        return eff.error();
    d.efficiency = *eff;
    d.efficiency.detectorRadiusCm = radius;
    d.efficiency.resolution = d.resolution.toString();
    if (verbose) {
        out << QStringLiteral("\nResolution FWHM(E) from %1 peaks: FWHM^2 = %2 (keV^2, keV, 1); 122 keV %3, 662 keV %4, 1332 keV %5 keV\n")
                   .arg(d.resolution.pointsUsed()).arg(d.resolution.toString())
                   .arg(d.resolution.fwhmKeV(121.78), 0, 'f', 1).arg(d.resolution.fwhmKeV(661.66), 0, 'f', 1)
                   .arg(d.resolution.fwhmKeV(1332.5), 0, 'f', 1);
        out << QStringLiteral("Efficiency at %1 cm from %2 points of series '%3' (degree %4, chi2/ndf %5); distance correction "
                              "((d + r)/(%1 + r))^2 with r = %6 cm (%7)\n")
                   .arg(refCm).arg(ep.size()).arg(train).arg(d.efficiency.parameterCount() - 1)
                   .arg(d.efficiency.reducedChi2(), 0, 'f', 2).arg(radius)
                   .arg(radiusCm >= 0.0 ? QStringLiteral("given") : distances.size() > 1 ? QStringLiteral("fitted on the training distances") : QStringLiteral("XGD inner radius"));
        for (double e : {59.54, 121.78, 344.28, 511.0, 661.66, 964.06, 1173.23, 1332.49, 1408.01})
            out << QStringLiteral("  %1 keV  eff %2  +- %3 %\n").arg(e, 8, 'f', 2).arg(d.efficiency.efficiency(e), 0, 'e', 3)
                       .arg(100.0 * d.efficiency.relativeUncertainty(e), 0, 'f', 1);
    }
    return d;
}

int evaluate(const QString &root, const QString &train, const QString &csvPath, const NuclideLibrary &lib, double radiusCm,
             int degree)
{
    QTextStream &out = cliOut();
    int skipped = 0;
    std::vector<SourceSeries> series = loadSeries(root, lib, &skipped);
    if (series.empty()) {
        cliErr() << "photopeak-cli activity: no single-source series (folders naming a nuclide and a distance) below " << root << "\n";
        return 1;
    }
    out << "Activity evaluation over " << root << ": " << series.size() << " series, " << skipped
        << " unusable spectra skipped; efficiency fitted on series containing '" << train << "', estimated on the others\n";
    const double refCm = 15.0;
    auto det = buildDetector(series, train, refCm, radiusCm, degree, true);
    if (!det) {
        cliErr() << "photopeak-cli activity: " << det.error().toString() << "\n";
        return 1;
    }
    const auto certs = SourceCertificate::xgdSources();
    struct Acc { std::vector<double> ratio, rel, z; int detected = 0; };
    std::map<std::pair<QString, double>, Acc> acc;
    QBuffer csv;
    QTextStream cs(&csv);
    if (!csvPath.isEmpty() && csv.open(QIODevice::WriteOnly))
        cs << "file,nuclide,distance_cm,activity_bq,unc_counting_bq,unc_efficiency_bq,mda_bq,certificate_bq,ratio\n";
    for (const auto &s : series) {
        if (s.key.contains(train))
            continue;
        const SourceCertificate *c = certificateFor(certs, s.nuclide->name);
        if (!c)
            continue;
        ActivityEstimator::Options o;
        o.referenceDate = c->date;
        const ActivityEstimator est(det->efficiency, det->resolution, o);
        for (const auto &sp : s.spectra) {
            auto a = est.estimate(sp, *s.nuclide, s.distanceCm);
            if (!a) {
                cliErr() << "  " << a.error().toString() << "\n";
                continue;
            }
            Acc &x = acc[{s.nuclide->name, s.distanceCm}];
            const double r = a->activityBq / c->activityBq;
            x.ratio.push_back(r);
            x.rel.push_back(a->uncTotalBq() / c->activityBq);
            x.z.push_back((a->activityBq - c->activityBq) / std::max(a->uncTotalBq(), 1e-9));
            x.detected += a->detected ? 1 : 0;
            if (csv.isOpen())
                cs << sp.sourcePath << ',' << s.nuclide->name << ',' << s.distanceCm << ',' << a->activityBq << ','
                   << a->uncCountingBq << ',' << a->uncEfficiencyBq << ',' << a->mdaBq << ',' << c->activityBq << ',' << r << "\n";
        }
    }
    out << "\nEstimated / certificate activity (certificate decay-corrected; spectra of the held-out series)\n";
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n").arg("nuclide", -8).arg("dist", 6).arg("n", 5).arg("median", 8)
               .arg("p16..p84", 15).arg("med.unc", 8).arg("|z|<1", 7).arg("detected", 9);
    for (const auto &[k, x] : acc) {
        const double med = quantile(x.ratio, 0.5);
        int inside = 0;
        for (double z : x.z)
            inside += std::abs(z) <= 1.0 ? 1 : 0;
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n").arg(k.first, -8).arg(QStringLiteral("%1cm").arg(k.second), 6)
                   .arg(x.ratio.size(), 5).arg(med, 8, 'f', 3)
                   .arg(QStringLiteral("%1..%2").arg(quantile(x.ratio, 0.16), 0, 'f', 3).arg(quantile(x.ratio, 0.84), 0, 'f', 3), 15)
                   .arg(quantile(x.rel, 0.5), 8, 'f', 3)
                   .arg(QStringLiteral("%1%").arg(100.0 * inside / x.z.size(), 0, 'f', 0), 7)
                   .arg(QStringLiteral("%1/%2").arg(x.detected).arg(x.ratio.size()), 9);
    }
    out << "(median.unc = median reported 1-sigma uncertainty / certificate; |z|<1 = share of estimates within their 1-sigma)\n";
    cs.flush();
    if (!csvPath.isEmpty()) {
        if (const Status st = writeFileAtomically(csvPath, csv.data(), OutputKind::table()); !st) {
            cliErr() << "photopeak-cli activity: " << st.error().toString() << "\n";
            return 1;
        }
    }
    return 0;
}

} // namespace

int runActivity(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Spectrum files to analyse."), QStringLiteral("[files...]"));
    p.addOption({QStringLiteral("nuclide"), QStringLiteral("Nuclides to quantify, comma separated (e.g. Cs137,Co60)."), QStringLiteral("list")});
    p.addOption({QStringLiteral("efficiency"), QStringLiteral("Efficiency curve file (JSON) of the detector."), QStringLiteral("file")});
    p.addOption({QStringLiteral("distance"), QStringLiteral("Source-to-detector distance in cm (overrides the header)."), QStringLiteral("cm")});
    p.addOption({QStringLiteral("reference-date"), QStringLiteral("Report activities decay-corrected to this date (YYYY-MM-DD)."), QStringLiteral("date")});
    p.addOption({QStringLiteral("evaluate"), QStringLiteral("Evaluate on single-source series below DIR (srcs/<nuclide>/<time>/<d>cm)."), QStringLiteral("dir")});
    p.addOption({QStringLiteral("build-efficiency"), QStringLiteral("Fit the efficiency curve from the series below DIR and write it to --out."), QStringLiteral("dir")});
    p.addOption({QStringLiteral("out"), QStringLiteral("Output efficiency file for --build-efficiency."), QStringLiteral("file")});
    p.addOption({QStringLiteral("train"), QStringLiteral("Series whose folder path contains TEXT fit the efficiency (default 60s)."), QStringLiteral("text"), QStringLiteral("60s")});
    p.addOption({QStringLiteral("radius"), QStringLiteral("Detector radius r (cm) of the distance correction; default: fitted when the "
                                                          "training series have several distances, else 7 (XGD)."), QStringLiteral("cm")});
    p.addOption({QStringLiteral("degree"), QStringLiteral("Degree of the log-log efficiency polynomial (default 4)."), QStringLiteral("n"), QStringLiteral("4")});
    p.addOption({QStringLiteral("library"), QStringLiteral("Nuclide library file (default: the shipped one)."), QStringLiteral("file")});
    p.addOption({QStringLiteral("csv"), QStringLiteral("Also write the table as CSV."), QStringLiteral("file")});
    p.addOption(forceOutputOption());
    const int rc = parseCommandLine(p, args,
        QStringLiteral("Activity (Bq) from fitted net peak areas, efficiency curve, emission intensities, distance and decay "
                       "corrections, with uncertainty and Currie MDA; or evaluate/build the efficiency from reference series."));
    if (rc >= 0)
        return rc;
    const QString csvPath = p.value(QStringLiteral("csv"));
    const QString efficiencyOut = p.isSet(QStringLiteral("build-efficiency")) ? p.value(QStringLiteral("out")) : QString();
    OutputGuard guard(p.positionalArguments(), p.isSet(QStringLiteral("force")));
    guard.addInputs({p.value(QStringLiteral("library")), p.value(QStringLiteral("efficiency")),
                     p.value(QStringLiteral("evaluate")), p.value(QStringLiteral("build-efficiency"))});
    if (const int refused = checkOutputs(QStringLiteral("activity"), guard,
                                         {{csvPath, OutputKind::table()}, {efficiencyOut, OutputKind::efficiency()}});
        refused >= 0)
        return refused;
    auto lib = p.isSet(QStringLiteral("library")) ? NuclideLibrary::load(p.value(QStringLiteral("library"))) : NuclideLibrary::loadDefault();
    if (!lib) {
        cliErr() << "photopeak-cli activity: " << lib.error().toString() << "\n";
        return 1;
    }
    const QString train = p.value(QStringLiteral("train"));
    const double radiusCm = p.isSet(QStringLiteral("radius")) ? p.value(QStringLiteral("radius")).toDouble() : -1.0;
    const int degree = p.value(QStringLiteral("degree")).toInt();
    if (degree < 1 || degree > 5) {
        cliErr() << "photopeak-cli activity: --degree must be 1..5\n";
        return 2;
    }
    if (p.isSet(QStringLiteral("evaluate")))
        return evaluate(p.value(QStringLiteral("evaluate")), train, csvPath, *lib, radiusCm, degree);
    if (p.isSet(QStringLiteral("build-efficiency"))) {
        if (!p.isSet(QStringLiteral("out"))) {
            cliErr() << "photopeak-cli activity: --build-efficiency needs --out FILE\n";
            return 2;
        }
        int skipped = 0;
        auto series = loadSeries(p.value(QStringLiteral("build-efficiency")), *lib, &skipped);
        auto det = buildDetector(series, train, 15.0, radiusCm, degree, true);
        if (!det) {
            cliErr() << "photopeak-cli activity: " << det.error().toString() << "\n";
            return 1;
        }
        det->efficiency.detector = QStringLiteral("from %1").arg(p.value(QStringLiteral("build-efficiency")));
        if (auto st = det->efficiency.save(p.value(QStringLiteral("out"))); !st) {
            cliErr() << "photopeak-cli activity: " << st.error().toString() << "\n";
            return 1;
        }
        cliOut() << "wrote " << p.value(QStringLiteral("out")) << "\n";
        return 0;
    }
    if (p.positionalArguments().isEmpty() || !p.isSet(QStringLiteral("nuclide")) || !p.isSet(QStringLiteral("efficiency"))) {
        cliErr() << "photopeak-cli activity: give files, --nuclide and --efficiency (or --evaluate DIR)\n";
        return 2;
    }
    auto eff = EfficiencyCurve::load(p.value(QStringLiteral("efficiency")));
    if (!eff) {
        cliErr() << "photopeak-cli activity: " << eff.error().toString() << "\n";
        return 1;
    }
    const ResolutionModel res = ResolutionModel::fromString(eff->resolution);
    if (!res.isValid()) {
        cliErr() << "photopeak-cli activity: " << p.value(QStringLiteral("efficiency")) << ": no resolution model in the file\n";
        return 1;
    }
    std::vector<const Nuclide *> nuclides;
    std::vector<GammaLine> allLines;
    for (const QString &name : p.value(QStringLiteral("nuclide")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const Nuclide *n = lib->find(name);
        if (!n) {
            cliErr() << "photopeak-cli activity: nuclide '" << name << "' is not in the library " << lib->path() << "\n";
            return 2;
        }
        nuclides.push_back(n);
        allLines.insert(allLines.end(), n->lines.begin(), n->lines.end());
    }
    ActivityEstimator::Options o;
    if (p.isSet(QStringLiteral("reference-date"))) {
        o.referenceDate = QDateTime(QDate::fromString(p.value(QStringLiteral("reference-date")), Qt::ISODate), QTime(0, 0));
        if (!o.referenceDate.isValid()) {
            cliErr() << "photopeak-cli activity: --reference-date must be YYYY-MM-DD\n";
            return 2;
        }
    }
    const ActivityEstimator est(*eff, res, o);
    QTextStream &out = cliOut();
    // The table is written at the end, atomically, and only when some spectrum was read.
    QBuffer csv;
    QTextStream cs(&csv);
    int spectraRead = 0;
    if (!csvPath.isEmpty())
        csv.open(QIODevice::WriteOnly);
    if (csv.isOpen())
        cs << "file,nuclide,line,energy_kev,net_area,net_area_unc,efficiency,activity_bq,activity_unc_bq,mda_bq,used\n";
    int failures = 0;
    for (const QString &path : p.positionalArguments()) {
        auto spectra = ReaderRegistry::instance().read(path);
        if (!spectra) {
            cliErr() << "photopeak-cli activity: " << spectra.error().toString() << "\n";
            ++failures;
            continue;
        }
        for (Spectrum s : *spectra) {
            ++spectraRead;
            const double d = p.isSet(QStringLiteral("distance")) ? p.value(QStringLiteral("distance")).toDouble() : s.distanceCm;
            const int n = s.channelCount();
            if (!s.calibration.isValid(n) || s.problems.has(SpectrumProblem::MissingCalibration)) {
                Spectrum probe = s;
                probe.calibration = EnergyCalibration();
                auto cal = EnergyCalibrator().automatic(PeakAnalyzer().run(probe).peaks, allLines, n);
                if (!cal) {
                    cliErr() << "photopeak-cli activity: " << s.displayName() << ": no calibration: " << cal.error().message << "\n";
                    ++failures;
                    continue;
                }
                s.calibration = cal->calibration;
                out << s.displayName() << ": calibrated automatically, " << s.calibration.toString() << "\n";
            }
            out << QStringLiteral("%1  live %2 s  distance %3 cm  start %4\n").arg(s.displayName()).arg(s.liveTime, 0, 'f', 1)
                       .arg(d).arg(s.startTime.toString(Qt::ISODate));
            for (const Nuclide *nuc : nuclides) {
                auto a = est.estimate(s, *nuc, d);
                if (!a) {
                    cliErr() << "photopeak-cli activity: " << a.error().toString() << "\n";
                    ++failures;
                    continue;
                }
                out << QStringLiteral("  %1  %2  A = %3 Bq +- %4 (counting) +- %5 (efficiency)  MDA %6 Bq  lines %7  chi2 %8\n")
                           .arg(nuc->name, -6).arg(a->detected ? QStringLiteral("detected    ") : QStringLiteral("not detected"))
                           .arg(a->activityBq, 0, 'g', 4).arg(a->uncCountingBq, 0, 'g', 2).arg(a->uncEfficiencyBq, 0, 'g', 2)
                           .arg(a->mdaBq, 0, 'g', 3).arg(a->linesUsed).arg(a->lineChi2, 0, 'f', 1);
                for (const auto &l : a->lines) {
                    out << QStringLiteral("      %1 %2 keV  net %3 +- %4  eff %5  A %6 +- %7 Bq%8\n").arg(l.label, -22)
                               .arg(l.energyKeV, 8, 'f', 1).arg(l.peak.area, 9, 'f', 0).arg(l.peak.areaUnc, 6, 'f', 0)
                               .arg(l.efficiency, 0, 'e', 2).arg(l.activityBq, 0, 'g', 4).arg(l.activityUncBq, 0, 'g', 2)
                               .arg(l.used ? QString() : QStringLiteral("  (not used: outside efficiency range)"));
                    if (csv.isOpen())
                        cs << s.displayName() << ',' << nuc->name << ",\"" << l.label << "\"," << l.energyKeV << ',' << l.peak.area << ','
                           << l.peak.areaUnc << ',' << l.efficiency << ',' << l.activityBq << ',' << l.activityUncBq << ','
                           << l.mdaBq << ',' << (l.used ? 1 : 0) << "\n";
                }
            }
        }
    }
    if (!csvPath.isEmpty()) {
        cs.flush();
        if (spectraRead == 0) {
            cliErr() << "photopeak-cli activity: no spectrum was read; " << csvPath << " not written\n";
        } else if (const Status st = writeFileAtomically(csvPath, csv.data(), OutputKind::table()); !st) {
            cliErr() << "photopeak-cli activity: " << st.error().toString() << "\n";
            return 1;
        }
    }
    return failures ? 1 : 0;
}
