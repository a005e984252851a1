// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "features/FeatureExtractor.h"

#include <QTest>

#include <cmath>

using namespace photopeak;

namespace {
PreparedSpectrum constant(int bins, double countsPerBin, double live)
{
    PreparedSpectrum s;
    s.counts.assign(static_cast<size_t>(bins), countsPerBin);
    s.liveTime = live;
    return s;
}

PreparedSpectrum ramp(int bins, double live)
{
    PreparedSpectrum s;
    for (int b = 0; b < bins; ++b)
        s.counts.push_back(b);
    s.liveTime = live;
    return s;
}

FeatureConfig plain(FeatureKind kind, FeatureReference ref)
{
    FeatureConfig c;
    c.kind = kind;
    c.segmentKeV = 25.0;
    c.reference = ref;
    c.transform = FeatureTransform::None;
    c.standardise = false;
    return c;
}
} // namespace

class TestFeatureExtractor : public QObject {
    Q_OBJECT
private slots:
    void averageIsMeanRatePerKeV();
    void linfitIsClosedFormSlopeAndLevel();
    void significanceUsesBackgroundAndLiveTime();
    void transformsAndStandardisation();
    void templateFitSeparatesLabels();
    void stateRoundTripsAndRefusesMismatch();
    void lineFeaturesSeeLibraryLines();
};

void TestFeatureExtractor::averageIsMeanRatePerKeV()
{
    FeatureExtractor fx(plain(FeatureKind::Average, FeatureReference::None), EnergyGrid::uniform(0, 100, 1));
    QCOMPARE(fx.dimension(), 4);
    const std::vector<double> f = fx.compute(ramp(100, 2.0));
    // counts 0..24 over 2 s: (300 / 2) cps over 25 keV = 6 cps/keV; 25..49: 925 / 2 / 25 = 18.5.
    QCOMPARE(f[0], 6.0);
    QCOMPARE(f[1], 18.5);
    QCOMPARE(f[3], (75 + 99) / 2.0 / 2.0);
    QCOMPARE(fx.featureNames().front(), QStringLiteral("rate[0-25keV]"));
}

void TestFeatureExtractor::linfitIsClosedFormSlopeAndLevel()
{
    FeatureExtractor fx(plain(FeatureKind::Linfit, FeatureReference::None), EnergyGrid::uniform(0, 100, 1));
    QCOMPARE(fx.dimension(), 8);
    const std::vector<double> f = fx.compute(ramp(100, 2.0));
    // rate = b / 2 per 1-keV bin: slope 0.5 per keV in every segment, level = mean rate of the segment.
    for (int s = 0; s < 4; ++s) {
        QVERIFY(std::abs(f[2 * s] - 0.5) < 1e-12);
        QVERIFY(std::abs(f[2 * s + 1] - (25 * s + 12) / 2.0) < 1e-12);
    }
}

void TestFeatureExtractor::significanceUsesBackgroundAndLiveTime()
{
    const EnergyGrid grid = EnergyGrid::uniform(0, 100, 1);
    FeatureExtractor fx(plain(FeatureKind::Average, FeatureReference::Significance), grid);
    const PreparedSpectrum b1 = constant(100, 10, 10), b2 = constant(100, 10, 10);
    FeatureFitInput in;
    in.backgrounds = {&b1, &b2};
    in.backgroundGroups = {0, 1};
    QVERIFY(fx.fitReference(in).ok());
    QCOMPARE(fx.backgroundLiveTime(), 20.0);
    QCOMPARE(fx.backgroundRate()[5], 1.0);
    // 3 cps per bin against 1: excess 50 cps per 25-keV segment. Variance under the background hypothesis:
    // B/t + B/T_ref + (0.005 B)^2 = 25/10 + 25/20 + 0.015625 (identical series: systematic at its floor).
    const std::vector<double> f = fx.compute(constant(100, 30, 10));
    const double expected = 50.0 / std::sqrt(2.5 + 1.25 + 0.015625);
    QVERIFY(std::abs(f[0] - expected) < 1e-9);
    // The same excess rate measured 4x longer is twice as significant (up to the reference terms).
    const std::vector<double> longer = fx.compute(constant(100, 120, 40));
    QVERIFY(std::abs(longer[0] - 50.0 / std::sqrt(25.0 / 40 + 1.25 + 0.015625)) < 1e-9);
    // Below background: negative, never clipped.
    QVERIFY(fx.compute(constant(100, 5, 10))[0] < 0.0);
    // No backgrounds: refused with a message.
    FeatureExtractor other(plain(FeatureKind::Average, FeatureReference::Significance), grid);
    QVERIFY(!other.fitReference(FeatureFitInput{}).ok());
}

void TestFeatureExtractor::transformsAndStandardisation()
{
    FeatureConfig c = plain(FeatureKind::Average, FeatureReference::None);
    c.transform = FeatureTransform::Log;
    FeatureExtractor logFx(c, EnergyGrid::uniform(0, 100, 1));
    QVERIFY(std::abs(logFx.compute(ramp(100, 2.0))[0] - std::log1p(6.0)) < 1e-12);
    c.transform = FeatureTransform::Arctan;
    FeatureExtractor atanFx(c, EnergyGrid::uniform(0, 100, 1));
    QVERIFY(std::abs(atanFx.compute(ramp(100, 2.0))[1] - std::atan(18.5)) < 1e-12);

    c.transform = FeatureTransform::None;
    c.standardise = true;
    FeatureExtractor fx(c, EnergyGrid::uniform(0, 100, 1));
    FeatureMatrix m(3, fx.dimension());
    const PreparedSpectrum a = constant(100, 1, 1), b = constant(100, 2, 1), d = constant(100, 3, 1);
    fx.computeUnstandardised(a, m.row(0));
    fx.computeUnstandardised(b, m.row(1));
    fx.computeUnstandardised(d, m.row(2));
    fx.fitStandardisation(m);
    // Means 1, 2, 3 cps/keV: mean 2, sample sd 1 -> -1, 0, +1.
    QVERIFY(std::abs(fx.compute(a)[0] + 1.0) < 1e-12);
    QVERIFY(std::abs(fx.compute(b)[2]) < 1e-12);
    QVERIFY(std::abs(fx.compute(d)[3] - 1.0) < 1e-12);
}

void TestFeatureExtractor::templateFitSeparatesLabels()
{
    const EnergyGrid grid = EnergyGrid::uniform(0, 200, 1);
    FeatureConfig c = plain(FeatureKind::TemplateFit, FeatureReference::Significance);
    c.segmentKeV = 5.0;
    c.templatesPerLabel = 1;
    FeatureExtractor fx(c, grid);
    const PreparedSpectrum bkg = constant(200, 100, 100);  // 1 cps per keV, 100 s
    auto withPeak = [&](double centre, double area, double live) {
        PreparedSpectrum s = constant(200, live, live);
        for (int b = 0; b < 200; ++b)
            s.counts[static_cast<size_t>(b)] += area * live * std::exp(-0.5 * std::pow((b + 0.5 - centre) / 4.0, 2)) / (4.0 * std::sqrt(2 * M_PI));
        return s;
    };
    const PreparedSpectrum a1 = withPeak(60, 50, 100), b1 = withPeak(150, 50, 100);
    FeatureFitInput in;
    in.backgrounds = {&bkg};
    in.backgroundGroups = {0};
    in.sources = {&a1, &b1};
    in.sourceLabels = {0, 1};
    in.sourceGroups = {1, 2};
    in.labels = {QStringLiteral("A"), QStringLiteral("B")};
    QVERIFY(fx.fitReference(in).ok());
    QCOMPARE(fx.dimension(), 4);
    const std::vector<double> onlyA = fx.compute(withPeak(60, 20, 50));
    QVERIFY2(onlyA[0] > 10.0, qPrintable(QString::number(onlyA[0])));
    QVERIFY2(onlyA[1] < 1.0, qPrintable(QString::number(onlyA[1])));
    QVERIFY(onlyA[2] >= onlyA[0]);  // any source
    const std::vector<double> none = fx.compute(constant(200, 50, 50));
    QVERIFY(none[0] < 1.0 && none[1] < 1.0);
}

void TestFeatureExtractor::stateRoundTripsAndRefusesMismatch()
{
    const EnergyGrid grid = EnergyGrid::uniform(0, 100, 1);
    FeatureConfig c = plain(FeatureKind::Average, FeatureReference::Significance);
    c.transform = FeatureTransform::Log;
    c.standardise = true;
    FeatureExtractor fx(c, grid);
    const PreparedSpectrum b1 = constant(100, 10, 10), b2 = constant(100, 12, 10);
    FeatureFitInput in;
    in.backgrounds = {&b1, &b2};
    in.backgroundGroups = {0, 1};
    QVERIFY(fx.fitReference(in).ok());
    const PreparedSpectrum s1 = constant(100, 20, 10), s2 = constant(100, 9, 10);
    FeatureMatrix m = fx.computeAll({&s1, &s2, &b1}, false);
    fx.fitStandardisation(m);
    auto back = FeatureExtractor::fromJson(c.toJson(), fx.stateToJson(), grid, QStringLiteral("model.json"));
    QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().toString()));
    QCOMPARE(back->compute(s1), fx.compute(s1));
    // Another grid: the stored background no longer fits; refused naming the file.
    auto wrong = FeatureExtractor::fromJson(c.toJson(), fx.stateToJson(), EnergyGrid::uniform(0, 200, 1), QStringLiteral("model.json"));
    QVERIFY(!wrong.ok());
    QVERIFY(wrong.error().toString().startsWith(QLatin1String("model.json")));
    QJsonObject badKind = c.toJson();
    badKind[QStringLiteral("kind")] = QStringLiteral("wavelets");
    QVERIFY(!FeatureExtractor::fromJson(badKind, fx.stateToJson(), grid, QStringLiteral("m")).ok());
}

void TestFeatureExtractor::lineFeaturesSeeLibraryLines()
{
    // XGD-like grid 0..1499 keV; flat background of 20 counts per keV in 10 s.
    const EnergyGrid grid = EnergyGrid::uniform(0, 1500, 1);
    FeatureConfig c = plain(FeatureKind::Average, FeatureReference::Significance);
    c.transform = FeatureTransform::Log;
    c.standardise = true;
    c.lines = LineFeatures::Significance;
    c.linesPerLabel = 2;
    FeatureExtractor fx(c, grid);
    const PreparedSpectrum b1 = constant(1500, 20, 10), b2 = constant(1500, 20, 10);
    FeatureFitInput in;
    in.backgrounds = {&b1, &b2};
    in.backgroundGroups = {0, 1};
    in.labels = {QStringLiteral("Am241"), QStringLiteral("Cs137"), QStringLiteral("Co60")};
    const Status st = fx.fitReference(in);
    QVERIFY2(st.ok(), st.ok() ? "" : qPrintable(st.error().toString()));
    // Library lines above 40 keV: Am241 59.5 (its only one), Cs137 661.7 (X-rays excluded), Co60 1332.5 and 1173.2.
    QCOMPARE(fx.lineCount(), 4);
    QCOMPARE(fx.lineLabel(0), 0);
    QVERIFY(std::abs(fx.lineEnergyKeV(0) - 59.54) < 0.01);
    QCOMPARE(fx.lineLabel(1), 1);
    QVERIFY(std::abs(fx.lineEnergyKeV(1) - 661.657) < 1e-6);
    QCOMPARE(fx.lineLabel(2), 2);
    QCOMPARE(fx.lineLabel(3), 2);
    QCOMPARE(fx.dimension(), 60 + 4);
    QVERIFY(fx.featureNames().at(61).startsWith(QLatin1String("line-significance(Cs137 661.7")));
    QVERIFY(std::abs(FeatureExtractor::xgdFwhmKeV(661.657) - 14.0) < 0.01);

    // A Cs137 spectrum: the background plus a Gaussian of 2000 counts at 662 keV (FWHM 14 keV) on a sloped
    // Compton continuum; the side bands must take the slope out.
    PreparedSpectrum cs = constant(1500, 20, 10);
    const double sigma = 14.0 / 2.3548;
    for (int b = 0; b < 1500; ++b) {
        const double e = b + 0.5;
        cs.counts[static_cast<size_t>(b)] += 2000.0 / (sigma * std::sqrt(2 * M_PI)) * std::exp(-0.5 * std::pow((e - 661.657) / sigma, 2));
        if (e < 477)
            cs.counts[static_cast<size_t>(b)] += 10.0 * (477 - e) / 477;  // continuum below the Compton edge
    }
    FeatureMatrix m = fx.computeAll({&b1, &cs}, false);
    fx.fitStandardisation(m);
    const FeatureMatrix raw = fx.computeAll({&b1, &cs}, false);
    // Background: no line anywhere (exactly 0: flat, equal to the reference). Cs137: its line far above 3 sigma
    // (2000 counts over about 280 window counts), the Am241 and Co60 lines not.
    for (int i = 0; i < 4; ++i)
        QCOMPARE(raw.at(0, 60 + i), 0.0);
    QVERIFY2(raw.at(1, 61) > std::log1p(20.0), qPrintable(QString::number(raw.at(1, 61))));
    QVERIFY(raw.at(1, 61) > raw.at(0, 61));
    QVERIFY(std::abs(raw.at(1, 60)) < std::log1p(2.0));
    QVERIFY(std::abs(raw.at(1, 62)) < std::log1p(2.0));

    // Net variant: net count rate, 2000 counts in 10 s, of which the +-0.7 FWHM window holds 85.5 %.
    FeatureConfig cn = c;
    cn.lines = LineFeatures::Net;
    cn.transform = FeatureTransform::None;
    cn.standardise = false;
    FeatureExtractor net(cn, grid);
    QVERIFY(net.fitReference(in).ok());
    const double rate = net.compute(cs)[61];
    QVERIFY2(rate > 0.8 * 200 && rate < 0.9 * 200, qPrintable(QString::number(rate)));

    // Saved and loaded, prediction repeats training bit for bit.
    auto back = FeatureExtractor::fromJson(c.toJson(), fx.stateToJson(), grid, QStringLiteral("model.json"));
    QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().toString()));
    QCOMPARE(back->lineCount(), 4);
    QCOMPARE(back->compute(cs), fx.compute(cs));
    QCOMPARE(back->compute(b1), fx.compute(b1));
    // Configuration without line features but lines stored (or the reverse): refused.
    FeatureConfig none = c;
    none.lines = LineFeatures::None;
    QVERIFY(!FeatureExtractor::fromJson(none.toJson(), fx.stateToJson(), grid, QStringLiteral("m")).ok());
    QJsonObject badLines = c.toJson();
    badLines[QStringLiteral("lines")] = QStringLiteral("wavelets");
    QVERIFY(!FeatureExtractor::fromJson(badLines, fx.stateToJson(), grid, QStringLiteral("m")).ok());
    // A model written before line features (no "lines" key) loads as none.
    auto old = FeatureConfig::fromJson(plain(FeatureKind::Average, FeatureReference::Significance).toJson(), QStringLiteral("m"));
    QVERIFY(old.ok());
    QCOMPARE(old->lines, LineFeatures::None);
}

QTEST_GUILESS_MAIN(TestFeatureExtractor)
#include "tst_featureextractor.moc"
