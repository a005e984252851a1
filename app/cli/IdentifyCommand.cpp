// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "AnalysisCli.h"
#include "CliOutput.h"
#include "PeaksCli.h"
#include "TemplateEvaluation.h"
#include "Commands.h"

#include "io/AtomicFile.h"
#include "io/OutputGuard.h"
#include "spectrum/LabelParser.h"
#include "library/SpectrumDataset.h"
#include "peaks/ClassicalIdentifier.h"
#include "peaks/EnergyCalibrator.h"
#include "peaks/NuclideLibrary.h"
#include "peaks/PeakAnalyzer.h"
#include "ml/templates/TemplateIdentifier.h"

#include <QCommandLineParser>
#include <QBuffer>
#include <QFileInfo>

#include <map>
#include <optional>

using namespace photopeak;

namespace {

// Prediction list used for top-k accuracy: the sources in rank order, then the token "background" (only
// natural background is left), then the background nuclides. Empty when the spectrum could not be analysed.
QStringList predictionList(const std::vector<NuclideMatch> &matches)
{
    QStringList out;
    for (const auto &m : matches)
        if (!m.background)
            out << m.nuclide;
    out << LabelParser::backgroundLabel();
    for (const auto &m : matches)
        if (m.background)
            out << m.nuclide;
    return out;
}

// Top-k hit: the first prediction is a truth label (k = 1), or every truth label is among the first k.
bool topHit(const QStringList &truth, const QStringList &predicted, int k)
{
    if (truth.isEmpty() || predicted.isEmpty())
        return false;
    if (k == 1)
        return truth.contains(predicted.front());
    const QStringList head = predicted.mid(0, k);
    for (const QString &t : truth)
        if (!head.contains(t))
            return false;
    return true;
}

struct Tally {
    int n = 0, top1 = 0, top3 = 0;
    QStringList misses;  // "file -> predicted"
};

QString csvField(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

} // namespace

int runIdentify(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("inputs"), QStringLiteral("Spectrum files or folders (searched recursively)."),
                            QStringLiteral("files|folders..."));
    p.addOption({QStringLiteral("efficiency"),
                 QStringLiteral("Efficiency curve of the detector (file, or 'xgd' for the shipped XGD curve): expected line "
                                "ratios and resolution. Without it a generic efficiency shape and the spectrum's own peak "
                                "widths are used."),
                 QStringLiteral("file")});
    p.addOption({QStringLiteral("library"), QStringLiteral("Nuclide library file (default: the shipped one)."), QStringLiteral("file")});
    p.addOption({QStringLiteral("calibrate-with"),
                 QStringLiteral("For spectra without a valid energy calibration (slope 0): calibrate automatically on these "
                                "nuclides' lines first (comma separated, e.g. K40,Ra226,Th232 for the background)."),
                 QStringLiteral("list")});
    p.addOption({QStringLiteral("min-significance"),
                 QStringLiteral("Peak search threshold in standard deviations (default 3: search wide; a nuclide still needs "
                                "a fitted peak of 4 standard deviations)."),
                 QStringLiteral("z"), QStringLiteral("3")});
    p.addOption({QStringLiteral("min-score"), QStringLiteral("Smallest score listed (0..1, default 0.3)."), QStringLiteral("s"),
                 QStringLiteral("0.3")});
    p.addOption({QStringLiteral("top"), QStringLiteral("Nuclides printed per spectrum (default 6)."), QStringLiteral("n"), QStringLiteral("6")});
    p.addOption({QStringLiteral("truth-from-path"),
                 QStringLiteral("Evaluate: the true nuclides are those named in the folder or file name (bkg/background = "
                                "natural background only); prints top-1 and top-3 accuracy per truth.")});
    p.addOption({QStringLiteral("show-peaks"), QStringLiteral("Also print the fitted peaks each identification used.")});
    p.addOption({QStringLiteral("summary"), QStringLiteral("With --truth-from-path: print only the misses and the table.")});
    p.addOption({QStringLiteral("csv"), QStringLiteral("Also write every listed nuclide as CSV."), QStringLiteral("file")});
    p.addOption({QStringLiteral("templates"),
                 QStringLiteral("Also identify with library templates (full-spectrum non-negative fit) folded with a generic "
                                "response of this detector type (hpge, nai, csi, labr, xenon), the spectrum's own resolution "
                                "and the --efficiency curve when given; with --truth-from-path the template top-1 is tallied too."),
                 QStringLiteral("type")});
    p.addOption({QStringLiteral("leave-one-out-xgd"),
                 QStringLiteral("Leave-one-isotope-out identification from library templates on the XGD folders under ROOT "
                                "(srcs/, Dataset/, bkgs/ and long/). The detector response (resolution, efficiency shape, "
                                "continuum) is fitted without the left-out isotope."),
                 QStringLiteral("root")});
    p.addOption({QStringLiteral("loo-shipped-response"),
                 QStringLiteral("With --leave-one-out-xgd: take resolution and efficiency shape from --efficiency (not blind: "
                                "the shipped XGD curve was fitted on all five isotopes).")});
    p.addOption({QStringLiteral("loo-isotopes"), QStringLiteral("With --leave-one-out-xgd: only these left-out isotopes (comma separated)."),
                 QStringLiteral("list")});
    p.addOption({QStringLiteral("loo-stride"), QStringLiteral("With --leave-one-out-xgd: every n-th spectrum of each isotope (quick subset)."),
                 QStringLiteral("n"), QStringLiteral("1")});
    p.addOption(forceOutputOption());
    const int rc = parseCommandLine(p, args,
        QStringLiteral("Classical identification from peaks: fitted peaks matched to library lines within the resolution, "
                       "expected line ratios (intensity x efficiency), missing strong lines penalised; peaks explained "
                       "greedily so that one peak is not claimed twice. Natural background (K40, U/Th chains) is listed "
                       "as background, after the sources."));
    if (rc >= 0)
        return rc;
    if (p.isSet(QStringLiteral("leave-one-out-xgd"))) {
        auto lib = p.isSet(QStringLiteral("library")) ? NuclideLibrary::load(p.value(QStringLiteral("library"))) : NuclideLibrary::loadDefault();
        if (!lib) {
            cliErr() << "photopeak-cli identify: " << lib.error().toString() << "\n";
            return 1;
        }
        int failure = 0;
        const auto eff = PeaksCli::efficiency(p.value(QStringLiteral("efficiency")), QStringLiteral("identify"), &failure);
        if (!eff)
            return failure;
        LeaveOneIsotopeOut::Options lo;
        lo.efficiency = *eff;
        if (p.isSet(QStringLiteral("loo-shipped-response"))) {
            if (!eff->isValid()) {
                cliErr() << "photopeak-cli identify: --loo-shipped-response needs --efficiency\n";
                return 2;
            }
            lo.fitEfficiency = false;
            lo.fitResolution = false;
        }
        bool strideOk = false;
        lo.stride = p.value(QStringLiteral("loo-stride")).toInt(&strideOk);
        if (!strideOk || lo.stride < 1) {
            cliErr() << "photopeak-cli identify: --loo-stride needs a positive whole number\n";
            return 2;
        }
        if (p.isSet(QStringLiteral("loo-isotopes")))
            lo.isotopes = p.value(QStringLiteral("loo-isotopes")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        return TemplateEvaluation::run(p.value(QStringLiteral("leave-one-out-xgd")), *lib, lo, cliOut());
    }
    if (p.positionalArguments().isEmpty()) {
        cliErr() << "photopeak-cli identify: give at least one file or folder\n";
        return 2;
    }
    const QString csvPath = p.value(QStringLiteral("csv"));
    OutputGuard guard(p.positionalArguments(), p.isSet(QStringLiteral("force")));
    guard.addInputs({p.value(QStringLiteral("library")), AnalysisCli::resolveEfficiency(p.value(QStringLiteral("efficiency")))});
    if (const int refused = checkOutputs(QStringLiteral("identify"), guard, {{csvPath, OutputKind::table()}}); refused >= 0)
        return refused;
    bool ok = false;
    const double minSig = p.value(QStringLiteral("min-significance")).toDouble(&ok);
    if (!ok || !(minSig > 0.0)) {
        cliErr() << "photopeak-cli identify: --min-significance needs a positive number\n";
        return 2;
    }
    const double minScore = p.value(QStringLiteral("min-score")).toDouble(&ok);
    if (!ok || minScore < 0.0 || minScore > 1.0) {
        cliErr() << "photopeak-cli identify: --min-score needs a number in 0..1\n";
        return 2;
    }
    const int top = p.value(QStringLiteral("top")).toInt(&ok);
    if (!ok || top < 1) {
        cliErr() << "photopeak-cli identify: --top needs a positive whole number\n";
        return 2;
    }
    auto lib = p.isSet(QStringLiteral("library")) ? NuclideLibrary::load(p.value(QStringLiteral("library"))) : NuclideLibrary::loadDefault();
    if (!lib) {
        cliErr() << "photopeak-cli identify: " << lib.error().toString() << "\n";
        return 1;
    }
    int failure = 0;
    const auto effOrNone = PeaksCli::efficiency(p.value(QStringLiteral("efficiency")), QStringLiteral("identify"), &failure);
    if (!effOrNone)
        return failure;
    const EfficiencyCurve eff = *effOrNone;
    const auto linesOrNone = PeaksCli::calibrationLines(*lib, p.value(QStringLiteral("calibrate-with")), QStringLiteral("identify"), &failure);
    if (!linesOrNone)
        return failure;
    const std::vector<GammaLine> calLines = *linesOrNone;
    // The table is written at the end, atomically, and only when some spectrum was identified.
    QBuffer csv;
    int identified = 0;
    if (!csvPath.isEmpty()) {
        csv.open(QIODevice::WriteOnly);
        csv.write("file,truth,rank,nuclide,background,score,coverage,ratio_chi2_ndf,evidence_z,lines_matched,lines_expected,"
                  "matched_lines,missing_lines\n");
    }

    std::optional<DetectorResponse> templateResponse;
    if (p.isSet(QStringLiteral("templates"))) {
        const auto type = DetectorResponse::typeFromName(p.value(QStringLiteral("templates")));
        if (!type) {
            cliErr() << "photopeak-cli identify: --templates: " << type.error().toString() << "\n";
            return 2;
        }
        templateResponse = DetectorResponse::generic(*type);
        if (eff.isValid())
            templateResponse->efficiency = eff;
    }
    Tally templateTotal;
    const bool evaluate = p.isSet(QStringLiteral("truth-from-path"));
    const bool quiet = evaluate && p.isSet(QStringLiteral("summary"));
    QTextStream &out = cliOut();
    int failures = 0;
    std::map<QString, Tally> tallies;
    Tally total;

    for (const QString &input : p.positionalArguments()) {
        const QFileInfo info(input);
        SpectrumDataset ds;
        if (info.isDir()) {
            auto opened = SpectrumDataset::openFolder(input);
            if (!opened) {
                cliErr() << "photopeak-cli identify: " << opened.error().toString() << "\n";
                ++failures;
                continue;
            }
            ds = std::move(opened.value());
        } else if (info.exists()) {
            ds = SpectrumDataset::openFile(input);
        } else {
            cliErr() << "photopeak-cli identify: " << input << ": no such file or folder\n";
            ++failures;
            continue;
        }
        for (const DatasetEntry &e : ds.entries()) {
            const QString name = info.isDir() ? e.relativePath : e.spectrum.displayName();
            const QString shown = e.spectrum.indexInSource > 0 || name.isEmpty() ? e.spectrum.displayName() : name;
            if (!e.isReadable()) {
                cliErr() << "photopeak-cli identify: " << e.spectrum.sourcePath << ": " << e.message << "\n";
                ++failures;
                continue;
            }
            // Peaks need counts, not a live time; a missing or invalid calibration is handled below.
            SpectrumProblems blocking = e.spectrum.problems;
            blocking.remove(SpectrumProblem::InvalidCalibration);
            blocking.remove(SpectrumProblem::NonPositiveLiveTime);
            if (blocking.blocksAnalysis()) {
                cliErr() << "photopeak-cli identify: " << e.spectrum.sourcePath << ": skipped (" << e.problemText() << ")\n";
                continue;
            }
            ++identified;
            Spectrum s = e.spectrum;
            // Truth: labels from the path that are background or a library nuclide ("Eu152_15cm_60sec" also
            // yields "Cm60" from "cm_60", which is no nuclide).
            QStringList truth, ignoredLabels;
            for (const QString &label : s.labels)
                (label == LabelParser::backgroundLabel() || lib->find(label) ? truth : ignoredLabels) << label;
            truth.sort();
            const int n = s.channelCount();
            QString calNote = QStringLiteral("header calibration");
            std::vector<NuclideMatch> matches;
            bool analysed = false;
            const bool headerCal = s.calibration.isValid(n) && !s.problems.has(SpectrumProblem::MissingCalibration)
                                   && !s.problems.has(SpectrumProblem::InvalidCalibration);
            PeakAnalyzer::Options ao;
            ao.searchSignificance = minSig;
            if (!headerCal) {
                // A reader may have substituted a default (XGD .sps files with slope 0): use it unless asked to
                // calibrate on lines.
                const bool substitute = s.calibration.isValid(n) && calLines.empty()
                                        && !s.problems.has(SpectrumProblem::InvalidCalibration);
                if (!substitute)
                    s.calibration = EnergyCalibration();
                calNote = substitute ? QStringLiteral("default calibration: none in the file")
                                     : QStringLiteral("no energy calibration");
                if (!calLines.empty()) {
                    auto fit = EnergyCalibrator().automatic(PeakAnalyzer(ao).run(s).peaks, calLines, n);
                    if (fit) {
                        s.calibration = fit->calibration;
                        calNote = QStringLiteral("calibrated on %1 lines (rms %2 keV)").arg(fit->points.size()).arg(fit->rmsKeV, 0, 'f', 2);
                    } else {
                        calNote = QStringLiteral("automatic calibration failed: %1").arg(fit.error().message);
                    }
                }
            }
            PeakAnalysis a;
            ResolutionModel res;
            if (s.calibration.isValid(n)) {
                a = PeakAnalyzer(ao).run(s);
                res = ClassicalIdentifier::resolutionFor(a, eff);
                ClassicalIdentifier::Options io;
                io.minScore = minScore;
                ClassicalIdentifier id(*lib, res, io);
                if (eff.isValid())
                    id.setEfficiency(eff);
                matches = id.identify(a.peaks, &s);
                analysed = a.calibrated;
            }
            const QStringList predicted = analysed ? predictionList(matches) : QStringList();
            // Library templates on the spectrum's own channel grid and resolution (no background reference:
            // the natural chains and the baseline are nuisance columns).
            QString templateTop;
            QStringList templateText;
            if (templateResponse && analysed) {
                DetectorResponse r = *templateResponse;
                r.resolution = res;
                TemplateIdentifier tid(*lib, r, EnergyGrid::fromCalibration(s.calibration, n));
                PreparedSpectrum ps;
                ps.counts = s.counts;
                for (double &c : ps.counts)
                    c = std::max(c, 0.0);  // net (background-subtracted) files may hold negative counts
                ps.liveTime = s.hasLiveTime() ? s.liveTime : 1.0;
                const auto tm = tid.identify(ps);
                templateTop = tm.empty() ? LabelParser::backgroundLabel() : tm.front().nuclide;
                for (size_t i = 0; i < tm.size() && i < 5; ++i)
                    templateText << QStringLiteral("%1 z %2").arg(tm[i].nuclide).arg(tm[i].significance, 0, 'f', 1);
                if (evaluate && !truth.isEmpty()) {
                    ++templateTotal.n;
                    if (truth.contains(templateTop))
                        ++templateTotal.top1;
                    else
                        templateTotal.misses << QStringLiteral("%1 (truth %2) -> %3").arg(shown, truth.join(QLatin1Char('+')), templateTop);
                }
            }
            if (!quiet) {
                out << shown << "  (" << calNote;
                if (analysed)
                    out << ", " << a.peaks.size() << " peaks, FWHM(662 keV) " << QString::number(res.fwhmKeV(661.657), 'f', 1) << " keV";
                out << ")";
                if (evaluate) {
                    out << "  truth " << (truth.isEmpty() ? QStringLiteral("-") : truth.join(QLatin1Char('+')));
                    if (!ignoredLabels.isEmpty())
                        out << " (ignored: " << ignoredLabels.join(QStringLiteral(", ")) << ")";
                }
                out << "\n";
                if (analysed && p.isSet(QStringLiteral("show-peaks")))
                    for (const auto &pk : a.peaks)
                        out << QStringLiteral("    peak %1 +- %2 keV  FWHM %3 keV  area %4 +- %5  z %6\n").arg(pk.energyKeV, 8, 'f', 1)
                                   .arg(pk.energyUncKeV, 0, 'f', 1).arg(pk.fwhmKeV, 5, 'f', 1).arg(pk.area, 9, 'f', 0)
                                   .arg(pk.areaUnc, 0, 'f', 0).arg(pk.significance(), 0, 'f', 1);
                if (templateResponse && analysed)
                    out << "    templates: " << (templateText.isEmpty() ? QStringLiteral("none named") : templateText.join(QStringLiteral(", "))) << "\n";
                if (!analysed) {
                    out << "    not identified: " << (headerCal || !calLines.empty() ? calNote : QStringLiteral("no energy calibration (give --calibrate-with)")) << "\n";
                } else {
                    int rank = 0, listed = 0;
                    for (const auto &m : matches) {
                        if (!m.background)
                            ++rank;
                        if (++listed > top)
                            break;
                        out << QStringLiteral("    %1 %2 score %3  z %4  lines %5/%6  chi2/ndf %7  %8")
                                   .arg(m.background ? QStringLiteral("bkg") : QString::number(rank), 3)
                                   .arg(m.nuclide, -7).arg(m.score, 0, 'f', 2).arg(m.evidence, 6, 'f', 1)
                                   .arg(m.linesMatched).arg(m.linesExpected).arg(m.ratioChi2, 4, 'f', 1)
                                   .arg(m.matched.join(QStringLiteral(", ")))
                            << (m.missing.isEmpty() ? QString() : QStringLiteral("; missing ") + m.missing.join(QStringLiteral(", ")))
                            << (m.note.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(m.note)) << "\n";
                    }
                    if (matches.empty())
                        out << "    (no nuclide)\n";
                    else if (static_cast<int>(matches.size()) > top)
                        out << "    ... " << matches.size() - top << " more\n";
                }
            }
            if (csv.isOpen()) {
                int rank = 0;
                for (const auto &m : matches)
                    csv.write(QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11,%12,%13\n")
                                  .arg(csvField(name), csvField(truth.join(QLatin1Char('+'))))
                                  .arg(m.background ? QString() : QString::number(++rank), m.nuclide)
                                  .arg(m.background ? 1 : 0).arg(m.score, 0, 'f', 4).arg(m.coverage, 0, 'f', 4)
                                  .arg(m.ratioChi2, 0, 'f', 3).arg(m.evidence, 0, 'f', 2).arg(m.linesMatched).arg(m.linesExpected)
                                  .arg(csvField(m.matched.join(QStringLiteral("; "))), csvField(m.missing.join(QStringLiteral("; "))))
                                  .toUtf8());
            }
            if (evaluate && !truth.isEmpty()) {
                const bool h1 = topHit(truth, predicted, 1), h3 = topHit(truth, predicted, 3);
                for (Tally *t : {&tallies[truth.join(QLatin1Char('+'))], &total}) {
                    ++t->n;
                    t->top1 += h1 ? 1 : 0;
                    t->top3 += h3 ? 1 : 0;
                }
                if (!h1)
                    total.misses << QStringLiteral("%1 (truth %2) -> %3").arg(shown, truth.join(QLatin1Char('+')),
                        predicted.isEmpty() ? QStringLiteral("not analysed") : predicted.mid(0, 3).join(QStringLiteral(", ")));
            }
        }
    }
    if (evaluate) {
        if (!total.misses.isEmpty()) {
            out << "\nTop-1 misses:\n";
            for (const QString &m : total.misses)
                out << "  " << m << "\n";
        }
        out << "\nClassical identification against the names (top-1: first listed is a true nuclide, or no source for "
               "background; top-3: every true nuclide among the first three, the token 'background' counting as one)\n";
        out << QStringLiteral("  %1 %2 %3 %4\n").arg("truth", -22).arg("n", 5).arg("top-1", 14).arg("top-3", 14);
        auto row = [&](const QString &label, const Tally &t) {
            auto pct = [&](int k) { return QStringLiteral("%1 (%2 %)").arg(k).arg(t.n ? 100.0 * k / t.n : 0.0, 0, 'f', 0); };
            out << QStringLiteral("  %1 %2 %3 %4\n").arg(label, -22).arg(t.n, 5).arg(pct(t.top1), 14).arg(pct(t.top3), 14);
        };
        for (const auto &[label, t] : tallies)
            row(label, t);
        row(QStringLiteral("all"), total);
        if (templateResponse) {
            out << "\nLibrary templates (" << p.value(QStringLiteral("templates")) << " response): top-1 "
                << templateTotal.top1 << " of " << templateTotal.n << " ("
                << QString::number(templateTotal.n ? 100.0 * templateTotal.top1 / templateTotal.n : 0.0, 'f', 0) << " %)\n";
            for (const QString &m : templateTotal.misses)
                out << "  " << m << "\n";
        }
    }
    if (!csvPath.isEmpty()) {
        if (identified == 0) {
            cliErr() << "photopeak-cli identify: no spectrum was identified; " << csvPath << " not written\n";
        } else if (const Status st = writeFileAtomically(csvPath, csv.data(), OutputKind::table()); !st) {
            cliErr() << "photopeak-cli identify: " << st.error().toString() << "\n";
            return 1;
        }
    }
    return failures ? 1 : 0;
}
