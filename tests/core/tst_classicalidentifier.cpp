// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Classical (peak-based) identification on real spectra: the long XGD spectra of ../shared/data/xgd/long
// (source ranked first, natural background flagged), vendor files of ../shared/data/formats, and small
// constructed peak lists for the rules (shared peaks, missing lines, 511 keV, chains).
#include "TestData.h"
#include "io/ReaderRegistry.h"
#include "peaks/ClassicalIdentifier.h"
#include "peaks/EfficiencyCurve.h"
#include "peaks/NuclideLibrary.h"
#include "peaks/PeakAnalyzer.h"

#include <QTest>

#include <cmath>

using namespace photopeak;

namespace {

QString sources(const std::vector<NuclideMatch> &matches)
{
    QStringList out;
    for (const auto &m : matches)
        out << (m.background ? QStringLiteral("bkg:") : QString()) + m.nuclide;
    return out.join(QStringLiteral(", "));
}

const NuclideMatch *firstSource(const std::vector<NuclideMatch> &matches)
{
    for (const auto &m : matches)
        if (!m.background)
            return &m;
    return nullptr;
}

const NuclideMatch *findMatch(const std::vector<NuclideMatch> &matches, const QString &name)
{
    for (const auto &m : matches)
        if (m.nuclide == name)
            return &m;
    return nullptr;
}

// A fitted peak as PeakAnalyzer reports it: area with Poisson-like uncertainty on a continuum.
FittedPeak peak(double energyKeV, double area, double continuum, double fwhmKeV)
{
    FittedPeak p;
    p.energyKeV = energyKeV;
    p.fwhmKeV = fwhmKeV;
    p.area = area;
    p.areaUnc = std::sqrt(area + 2.0 * continuum);
    p.continuumCounts = continuum;
    return p;
}

} // namespace

class TestClassicalIdentifier : public QObject {
    Q_OBJECT
private:
    NuclideLibrary m_lib;
    EfficiencyCurve m_xgd;
    ResolutionModel m_xgdRes;

    std::vector<NuclideMatch> identifyFile(const QString &path, bool withCurve, int index = 0)
    {
        auto r = ReaderRegistry::instance().read(path);
        if (!r)
            qFatal("%s", qPrintable(r.error().toString()));
        const Spectrum &s = r->at(static_cast<size_t>(index));
        PeakAnalyzer::Options ao;
        ao.searchSignificance = 3.0;
        const PeakAnalysis a = PeakAnalyzer(ao).run(s);
        const EfficiencyCurve none;
        ClassicalIdentifier id(m_lib, ClassicalIdentifier::resolutionFor(a, withCurve ? m_xgd : none));
        if (withCurve)
            id.setEfficiency(m_xgd);
        return id.identify(a.peaks, &s);
    }

private slots:
    void initTestCase()
    {
        auto lib = NuclideLibrary::load(QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/nuclides/nuclides.tsv"));
        QVERIFY(lib.ok());
        m_lib = *lib;
        auto eff = EfficiencyCurve::load(QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/efficiency/xgd.json"));
        QVERIFY(eff.ok());
        m_xgd = *eff;
        m_xgdRes = ResolutionModel::fromString(m_xgd.resolution);
        QVERIFY(m_xgdRes.isValid());
    }

    // Every long single-source spectrum of the XGD (2018 and 2022 sessions): the first source listed is the
    // nuclide of the file name, natural background (K40, U/Th chains) is flagged and listed after the
    // sources; with the detector's efficiency curve and with the generic shape.
    void longSpectraRankTheSourceFirst_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("truth");
        QTest::addColumn<bool>("curve");
        const std::pair<const char *, const char *> files[] = {
            {"Am241_15cm.sps", "Am241"}, {"Ba_133_15cm.sps", "Ba133"}, {"Co_57_15cm.sps", "Co57"},
            {"Co_60_15cm.sps", "Co60"},  {"Cs_137_15cm.sps", "Cs137"}, {"Eu_152_15cm.sps", "Eu152"},
            {"Mn_54_15cm.sps", "Mn54"},  {"Na_22_15cm.sps", "Na22"},   {"202274_17015_Cs-137_60s_15cm.sps", "Cs137"},
            {"202274_18101_Co-60_60s_15cm.sps", "Co60"}};
        for (bool curve : {true, false})
            for (const auto &[f, n] : files)
                QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(f), curve ? QStringLiteral("xgd curve") : QStringLiteral("no curve"))))
                    << QString::fromLatin1(f) << QString::fromLatin1(n) << curve;
    }
    void longSpectraRankTheSourceFirst()
    {
        QFETCH(QString, file);
        QFETCH(QString, truth);
        QFETCH(bool, curve);
        PHOTOPEAK_REQUIRE_DATA(path, QStringLiteral("xgd/long/") + file);
        const auto matches = identifyFile(path, curve);
        const NuclideMatch *top = firstSource(matches);
        QVERIFY2(top, qPrintable(sources(matches)));
        QVERIFY2(top->nuclide == truth, qPrintable(sources(matches)));
        QVERIFY2(top->score >= 0.5, qPrintable(QString::number(top->score)));
        QVERIFY(top->linesMatched >= 1 && top->strongestFound);
        bool seenBackground = false;
        for (const auto &m : matches) {
            QVERIFY2(!(seenBackground && !m.background), "a source listed after background");
            seenBackground = seenBackground || m.background;
            for (const char *bkg : {"K40", "Ra226", "Th232", "Bi214", "Pb214", "Tl208", "Ac228"})
                if (m.nuclide == QLatin1String(bkg))
                    QVERIFY2(m.background, qPrintable(m.nuclide));
        }
    }

    // The background spectra: no source at all; K40 and the chains are reported as background, and chain
    // members (Bi214, Pb214, Tl208, Ac228, Ra224) never appear on their own.
    void backgroundSpectraHaveNoSource_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("2018") << QStringLiteral("xgd/long/Bkg_20180918.sps");
        QTest::newRow("620 s") << QStringLiteral("xgd/long/Bkg_620s.sps");
        QTest::newRow("1 h") << QStringLiteral("xgd/misc/bkg_3600s.sps");
    }
    void backgroundSpectraHaveNoSource()
    {
        QFETCH(QString, file);
        PHOTOPEAK_REQUIRE_DATA(path, file);
        for (bool curve : {true, false}) {
            const auto matches = identifyFile(path, curve);
            QVERIFY2(!firstSource(matches), qPrintable(sources(matches)));
            const NuclideMatch *k40 = findMatch(matches, QStringLiteral("K40"));
            QVERIFY2(k40 && k40->background, qPrintable(sources(matches)));
            for (const char *member : {"Bi214", "Pb214", "Tl208", "Ac228", "Ra224", "Pb212"})
                QVERIFY2(!findMatch(matches, QString::fromLatin1(member)), qPrintable(sources(matches)));
        }
        if (file.contains(QLatin1String("20180918"))) {
            const auto matches = identifyFile(path, true);
            QVERIFY2(findMatch(matches, QStringLiteral("Ra226")), qPrintable(sources(matches)));
            QVERIFY2(findMatch(matches, QStringLiteral("Th232")), qPrintable(sources(matches)));
        }
    }

    // Vendor files (N42, RadiaCode XML): HPGe Ba133 in a portal (every detector), the HPGe background of the
    // same portal (its 511 keV peak is no Na22), RadiaCode CsI Am241; generic efficiency shape.
    void vendorFiles()
    {
        PHOTOPEAK_REQUIRE_DATA(ba, QStringLiteral("formats/InterSpec/ba133_source_640s_20100317.n42"));
        PHOTOPEAK_REQUIRE_DATA(bg, QStringLiteral("formats/InterSpec/background_20100317.n42"));
        PHOTOPEAK_REQUIRE_DATA(am, QStringLiteral("formats/radiacode-tools/data_am241.xml"));
        for (int det = 0; det < 8; ++det) {
            const auto m = identifyFile(ba, false, det);
            QVERIFY2(firstSource(m) && firstSource(m)->nuclide == QLatin1String("Ba133"), qPrintable(sources(m)));
            const auto b = identifyFile(bg, false, det);
            QVERIFY2(!firstSource(b), qPrintable(QStringLiteral("detector %1: %2").arg(det).arg(sources(b))));
        }
        const auto m = identifyFile(am, false);
        QVERIFY2(firstSource(m) && firstSource(m)->nuclide == QLatin1String("Am241"), qPrintable(sources(m)));
    }

    // A uranium reference material: its chains are far stronger than K40, so they are sources (with a note).
    void elevatedChainIsASource()
    {
        PHOTOPEAK_REQUIRE_DATA(u, QStringLiteral("formats/InterSpec/spec184_235U_12.9543.n42"));
        const auto m = identifyFile(u, false);
        const NuclideMatch *top = firstSource(m);
        QVERIFY2(top && top->nuclide == QLatin1String("U235"), qPrintable(sources(m)));
        QVERIFY(!top->note.isEmpty());
    }

    // One peak, two candidates: Pb214 at 351.9 keV (with Bi214 609 keV in proportion) is natural background
    // and keeps the 352 keV peak from being called Ba133; with the other Ba133 lines and no 609 keV it is Ba133.
    void sharedPeakGoesToTheConsistentNuclide()
    {
        ClassicalIdentifier id(m_lib, m_xgdRes);
        id.setEfficiency(m_xgd);
        // Areas and continua of the 2018 XGD background (xgd/long/Bkg_20180918.sps).
        const std::vector<FittedPeak> bkg{peak(352.5, 1316, 11500, 11.5), peak(610.8, 947, 4200, 12.6),
                                          peak(1459.5, 765, 1030, 18.0)};
        const auto b = id.identify(bkg);
        QVERIFY2(!firstSource(b), qPrintable(sources(b)));
        QVERIFY2(findMatch(b, QStringLiteral("Ra226")), qPrintable(sources(b)));

        const std::vector<FittedPeak> ba{peak(81.0, 87000, 20000, 9.6), peak(276.4, 12000, 6000, 11.0),
                                         peak(302.9, 22500, 6000, 11.2), peak(356.0, 56000, 5000, 11.5),
                                         peak(383.8, 5500, 4000, 11.7), peak(1460.8, 120, 200, 18.0)};
        const auto m = id.identify(ba);
        QVERIFY2(firstSource(m) && firstSource(m)->nuclide == QLatin1String("Ba133"), qPrintable(sources(m)));
        QVERIFY2(!findMatch(m, QStringLiteral("Ra226")), qPrintable(sources(m)));
    }

    // A long HPGe background (0.25 % resolution, generic efficiency): every chain line of 1 % and more plus the
    // weak Ac228 835.7 keV and Bi214 1838.4 keV lines, with the areas the chains predict. The natural chains
    // explain their peaks first, so neither Mn54 (834.8 keV) nor Y88 (1836.1 keV) is named; a real Mn54 line
    // far above what Ac228 predicts still is.
    void naturalLinesAreCreditedToTheChains()
    {
        const ResolutionModel hpge = ResolutionModel::fromFraction(0.0025);
        ClassicalIdentifier id(m_lib, hpge);
        auto chainPeaks = [&](double mn54Area) {
            std::vector<FittedPeak> out;
            for (const auto &[chain, strength] : {std::pair{QStringLiteral("Th232"), 4.0e6}, {QStringLiteral("Ra226"), 3.0e6},
                                                  {QStringLiteral("K40"), 1.0e8}}) {
                for (const auto &l : m_lib.find(chain)->lines) {
                    if (l.energyKeV < 60.0 || l.intensity < 0.002 || l.kind == GammaLine::Kind::XRay)
                        continue;
                    const double area = strength * l.intensity / l.energyKeV;
                    out.push_back(peak(l.energyKeV, area, 0.2 * area + 300.0, hpge.fwhmKeV(l.energyKeV)));
                }
            }
            if (mn54Area > 0.0)
                out.push_back(peak(834.85, mn54Area, 2000.0, hpge.fwhmKeV(834.85)));
            std::sort(out.begin(), out.end(), [](const FittedPeak &a, const FittedPeak &b) { return a.energyKeV < b.energyKeV; });
            return out;
        };
        const auto bkg = id.identify(chainPeaks(0.0));
        QVERIFY2(!firstSource(bkg), qPrintable(sources(bkg)));
        QVERIFY2(findMatch(bkg, QStringLiteral("Th232")) && findMatch(bkg, QStringLiteral("Ra226")), qPrintable(sources(bkg)));
        const auto mn = id.identify(chainPeaks(20000.0));
        QVERIFY2(firstSource(mn) && firstSource(mn)->nuclide == QLatin1String("Mn54"), qPrintable(sources(mn)));

        QVERIFY(std::any_of(bkg.begin(), bkg.end(), [](const NuclideMatch &m) {
            return m.matched.join(QLatin1Char(' ')).contains(QLatin1String("835.7 keV"));
        }));
    }

    // Rare nuclides (activation, fission) are not named from one line when a comparable second line is
    // unconfirmed: a lone 1596 keV peak beside the chains is no La140/Ba140.
    void rareNuclideNeedsASecondLine()
    {
        ClassicalIdentifier id(m_lib, m_xgdRes);
        id.setEfficiency(m_xgd);
        const auto m = id.identify({peak(1596.0, 266, 900, 19.0), peak(1460.8, 765, 1030, 18.0)});
        QVERIFY2(!findMatch(m, QStringLiteral("La140")) && !findMatch(m, QStringLiteral("Ba140")), qPrintable(sources(m)));
        std::vector<FittedPeak> la;
        for (const auto &l : m_lib.find(QStringLiteral("La140"))->lines)
            if (l.intensity >= 0.02) {
                const double area = 2.0e7 * l.intensity * m_xgd.efficiency(l.energyKeV);
                la.push_back(peak(l.energyKeV, area, 0.5 * area + 500.0, m_xgdRes.fwhmKeV(l.energyKeV)));
            }
        QVERIFY(la.size() >= 5);
        const auto both = id.identify(la);
        const NuclideMatch *top = firstSource(both);
        QVERIFY2(top && (top->nuclide == QLatin1String("La140") || top->nuclide == QLatin1String("Ba140")), qPrintable(sources(both)));
    }

    // A line that should clearly have been seen but is missing costs: Co60 with only 1173 keV on a low
    // continuum scores well below Co60 with both lines.
    void missingStrongLineCosts()
    {
        ClassicalIdentifier id(m_lib, m_xgdRes);
        id.setEfficiency(m_xgd);
        const Nuclide *co = m_lib.find(QStringLiteral("Co60"));
        QVERIFY(co);
        const auto both = id.evaluate(*co, {peak(1173.2, 2000, 400, 16.0), peak(1332.5, 1800, 350, 17.0)});
        const auto one = id.evaluate(*co, {peak(1173.2, 2000, 400, 16.0), peak(1460.8, 300, 300, 18.0)});
        QVERIFY2(both.score > 0.9, qPrintable(QString::number(both.score)));
        QVERIFY2(one.score < 0.5 * both.score, qPrintable(QStringLiteral("%1 vs %2").arg(one.score).arg(both.score)));
        QCOMPARE(one.missing.size(), 1);
        QVERIFY(!one.strongestFound || one.linesExpected == 2);
    }

    // 511 keV alone: cosmic-ray annihilation next to a clear K40 is no Na22; a 511 keV peak far above the
    // natural level is; with 1274.5 keV it is Na22 at any strength.
    void annihilationAloneNeedsStrength()
    {
        ClassicalIdentifier id(m_lib, m_xgdRes);
        id.setEfficiency(m_xgd);
        const auto weak = id.identify({peak(511.0, 400, 1500, 12.6), peak(1460.8, 2500, 2000, 18.0)});
        QVERIFY2(!findMatch(weak, QStringLiteral("Na22")), qPrintable(sources(weak)));
        // Without its clearly visible 1274.5 keV line a strong 511 keV peak is a pure positron emitter, not Na22.
        const auto strong = id.identify({peak(511.0, 9000, 1500, 12.6)});
        QVERIFY2(firstSource(strong) && firstSource(strong)->nuclide == QLatin1String("F18"), qPrintable(sources(strong)));
        const auto pair = id.identify({peak(511.0, 400, 1500, 12.6), peak(1274.5, 120, 100, 17.0), peak(1460.8, 2500, 2000, 18.0)});
        QVERIFY2(firstSource(pair) && firstSource(pair)->nuclide == QLatin1String("Na22"), qPrintable(sources(pair)));
    }

    // Candidates restrict the search; background heads are configurable (empty = nothing flagged).
    void options()
    {
        ClassicalIdentifier::Options o;
        o.candidates = {QStringLiteral("Cs137"), QStringLiteral("Co60")};
        ClassicalIdentifier id(m_lib, m_xgdRes, o);
        const auto m = id.identify({peak(661.7, 5000, 1000, 13.9), peak(1460.8, 500, 300, 18.0)});
        QCOMPARE(m.size(), size_t(1));
        QCOMPARE(m.front().nuclide, QStringLiteral("Cs137"));

        ClassicalIdentifier::Options none;
        none.background.clear();
        ClassicalIdentifier plain(m_lib, m_xgdRes, none);
        QVERIFY(!plain.isBackground(QStringLiteral("K40")));
        const auto k = plain.identify({peak(1460.8, 500, 300, 18.0)});
        QVERIFY2(firstSource(k) && firstSource(k)->nuclide == QLatin1String("K40"), qPrintable(sources(k)));
        ClassicalIdentifier standard(m_lib, m_xgdRes);
        QVERIFY(standard.isBackground(QStringLiteral("Bi214")) && standard.isBackground(QStringLiteral("Tl208")));
        QVERIFY(!standard.isBackground(QStringLiteral("Cs137")));
    }
};

QTEST_GUILESS_MAIN(TestClassicalIdentifier)
#include "tst_classicalidentifier.moc"
