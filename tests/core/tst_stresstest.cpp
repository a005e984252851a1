// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "TestData.h"
#include "eval/StressPerturbation.h"
#include "eval/StressTest.h"

#include <QTest>

#include <random>

using namespace photopeak;

// The CI subset of `evaluate --xgd ROOT --stress` (StressOptions::quick): Cs137 held out, Ba133 never trained,
// ambient x0.9 / x1.1 on every third set2 spectrum, every foreign-instrument file out of domain.
class TestStressTest : public QObject {
    Q_OBJECT
private slots:
    void perturbations();
    void quickSubsetReachesItsGoals();
};

void TestStressTest::perturbations()
{
    Spectrum s;
    s.counts.assign(100, 1000.0);
    s.liveTime = 10.0;
    s.calibration = EnergyCalibration::linear(2.0, 1.0);
    Spectrum b = s;
    std::mt19937_64 rng(3);
    const Spectrum low = StressPerturbation::ambient(0.9).apply(s, {&b}, rng);
    const Spectrum high = StressPerturbation::ambient(1.1).apply(s, {&b}, rng);
    double lowSum = 0.0, highSum = 0.0;
    for (size_t c = 0; c < 100; ++c) {
        lowSum += low.counts[c];
        highSum += high.counts[c];
    }
    QVERIFY(std::abs(lowSum - 90000.0) < 5 * std::sqrt(9000.0));   // binomial thinning
    QVERIFY(std::abs(highSum - 110000.0) < 5 * std::sqrt(10000.0)); // + 1 s of a 10-s background
    QCOMPARE(high.liveTime, 10.0);
    QCOMPARE(StressPerturbation::gain(1.01).apply(s, {}, rng).calibration.energyAt(50.0), 1.01 * 101.0);
    QCOMPARE(StressPerturbation::offset(-3.0).apply(s, {}, rng).calibration.energyAt(50.0), 98.0);
    QCOMPARE(StressPerturbation::gain(1.01).name(), QStringLiteral("gain +1 %"));
    QCOMPARE(StressPerturbation::offset(-3.0).name(), QStringLiteral("offset -3 keV"));
}

void TestStressTest::quickSubsetReachesItsGoals()
{
    PHOTOPEAK_REQUIRE_DATA(root, QStringLiteral("xgd"));
    PHOTOPEAK_REQUIRE_DATA(formats, QStringLiteral("formats"));
    StressOptions o;
    o.root = root;
    o.formatsRoot = formats;
    o.quick = true;
    auto r = StressTest::run(o);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
    const QString table = StressTest::table(*r);
    qInfo().noquote() << table;
    QVERIFY(r->goals() >= 10);
    QCOMPARE(r->reached(), r->goals());
    bool foreign = false, ambient = false, heldOut = false;
    for (const StressRow &row : r->rows) {
        foreign = foreign || (row.section == QLatin1String("foreign instruments") && row.combined.denominator >= 30);
        ambient = ambient || row.section.contains(QLatin1String("ambient x1.1"));
        heldOut = heldOut || row.what.startsWith(QLatin1String("Cs137 held out"));
    }
    QVERIFY(foreign && ambient && heldOut);
}

QTEST_GUILESS_MAIN(TestStressTest)
#include "tst_stresstest.moc"
