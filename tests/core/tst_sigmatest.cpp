// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/detect/SigmaTest.h"

#include <QTest>

#include <cmath>

using namespace photopeak;

namespace {
PreparedSpectrum flat(double countsPerBin, double live, int bins = 100)
{
    PreparedSpectrum s;
    s.counts.assign(static_cast<size_t>(bins), countsPerBin);
    s.liveTime = live;
    return s;
}

SigmaTest makeTest(SigmaTestOptions o = {})
{
    // Reference: 10 counts per 1-keV bin in 10 s = 100 cps over 0..100 keV.
    auto t = SigmaTest::fromReference(o, EnergyGrid::uniform(0, 100, 1), flat(10, 10), QStringLiteral("ref.sps"));
    return t.value();
}
} // namespace

class TestSigmaTest : public QObject {
    Q_OBJECT
private slots:
    void belowBackgroundIsNeverASource();
    void excessAboveKSigmaIsASource();
    void thresholdKIsConfigurable();
    void windowsRestrictTheTest();
    void roundTripAndRefusal();
};

void TestSigmaTest::belowBackgroundIsNeverASource()
{
    const SigmaTest t = makeTest();
    // S = 50 cps vs B = 100 cps: |S - B| is 50 / sqrt(50/10 + 100/10) = 12.9 sigma. The old tool called this a
    // source (|S - B|); a deficit is not a source.
    const SigmaTest::Outcome o = t.test(flat(5, 10));
    QVERIFY(!o.source);
    QVERIFY(o.significance < -12.0);
    QCOMPARE(o.excessCps, -50.0);
    QVERIFY(!t.test(flat(0.01, 10)).source);
}

void TestSigmaTest::excessAboveKSigmaIsASource()
{
    const SigmaTest t = makeTest();
    const SigmaTest::Outcome o = t.test(flat(15, 10));  // 150 cps
    QVERIFY(o.source);
    QCOMPARE(o.excessCps, 50.0);
    QVERIFY(std::abs(o.sigmaCps - std::sqrt(150.0 / 10 + 100.0 / 10)) < 1e-12);
    QVERIFY(!t.test(flat(10.1, 10)).source);  // 101 cps: within noise
}

void TestSigmaTest::thresholdKIsConfigurable()
{
    // 115 cps vs 100 over 10 s each: sigma = sqrt(11.5 + 10) = 4.64, excess 15 -> 3.23 sigma.
    SigmaTestOptions o;
    o.k = 3.0;
    QVERIFY(makeTest(o).test(flat(11.5, 10)).source);
    o.k = 3.5;
    QVERIFY(!makeTest(o).test(flat(11.5, 10)).source);
}

void TestSigmaTest::windowsRestrictTheTest()
{
    PreparedSpectrum s = flat(10, 10);
    for (int b = 0; b < 10; ++b)
        s.counts[static_cast<size_t>(b)] += 3.0;  // +3 cps in 0..10 keV only
    // Whole range: 103 vs 100 cps, 0.66 sigma.
    QVERIFY(!makeTest().test(s).source);
    SigmaTestOptions o;
    o.windowsKeV = {{0.0, 10.0}};
    // Window 0..10 keV: 13 vs 10 cps, 3 / sqrt(1.3 + 1.0) = 1.98 sigma at k = 3: no; at k = 1.5: yes.
    QVERIFY(!makeTest(o).test(s).source);
    o.k = 1.5;
    QVERIFY(makeTest(o).test(s).source);
    SigmaTestOptions outside;
    outside.windowsKeV = {{500.0, 600.0}};
    QVERIFY(!SigmaTest::fromReference(outside, EnergyGrid::uniform(0, 100, 1), flat(10, 10), QStringLiteral("r")).ok());
}

void TestSigmaTest::roundTripAndRefusal()
{
    SigmaTestOptions o;
    o.k = 2.5;
    o.windowsKeV = {{0.0, 50.0}, {50.0, 100.0}};
    const SigmaTest t = makeTest(o);
    auto back = SigmaTest::fromJson(t.toJson(), EnergyGrid::uniform(0, 100, 1), QStringLiteral("m.json"));
    QVERIFY(back.ok());
    QCOMPARE(back->options().k, 2.5);
    QCOMPARE(back->test(flat(12, 10)).significance, t.test(flat(12, 10)).significance);
    QVERIFY(!SigmaTest::fromJson(t.toJson(), EnergyGrid::uniform(0, 200, 1), QStringLiteral("m.json")).ok());
    QVERIFY(!SigmaTest::fromReference({}, EnergyGrid::uniform(0, 100, 1), flat(10, 0), QStringLiteral("r")).ok());
}

QTEST_GUILESS_MAIN(TestSigmaTest)
#include "tst_sigmatest.moc"
