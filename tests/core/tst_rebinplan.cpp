// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "TestData.h"
#include "io/ReaderRegistry.h"
#include "spectrum/RebinPlan.h"
#include "spectrum/Rebinner.h"

#include <QRandomGenerator>
#include <QTest>

#include <numeric>

using namespace photopeak;

class TestRebinPlan : public QObject {
    Q_OBJECT
private slots:
    void conservesCountsInsideGrid_data();
    void conservesCountsInsideGrid();
    void spreadsUniformlyOverChannelWidth();
    void identityWhenGridsAgree();
    void dropsContentOutsideGrid();
    void realSpectrumConservesCounts();
    void rebinnerReusesPlans();
};

void TestRebinPlan::conservesCountsInsideGrid_data()
{
    QTest::addColumn<double>("slope");
    QTest::addColumn<double>("offset");
    QTest::addColumn<double>("quad");
    QTest::newRow("xgd") << 1.31787 << 0.12514 << 0.0;
    QTest::newRow("narrow channels") << 0.37 << -3.0 << 0.0;
    QTest::newRow("quadratic") << 8.15 << -12.0 << 0.0012;
    QTest::newRow("wide channels") << 3.7 << 0.5 << 0.0;
}

void TestRebinPlan::conservesCountsInsideGrid()
{
    QFETCH(double, slope);
    QFETCH(double, offset);
    QFETCH(double, quad);
    const auto cal = EnergyCalibration::quadratic(offset, slope, quad);
    const int n = 256;
    // A grid that covers every channel completely.
    const EnergyGrid grid = EnergyGrid::uniform(std::floor(cal.energyAt(0)) - 5, std::ceil(cal.energyAt(n)) + 5, 1.0);
    const RebinPlan plan(cal, n, grid);
    std::vector<double> counts(n);
    auto *rng = QRandomGenerator::global();
    for (double &c : counts)
        c = rng->bounded(10000);
    const auto out = plan.apply(counts);
    const double in = std::accumulate(counts.begin(), counts.end(), 0.0);
    const double got = std::accumulate(out.begin(), out.end(), 0.0);
    QVERIFY2(std::abs(got - in) <= 1e-9 * in, qPrintable(QStringLiteral("%1 vs %2").arg(got, 0, 'g', 17).arg(in, 0, 'g', 17)));
}

void TestRebinPlan::spreadsUniformlyOverChannelWidth()
{
    // One channel [10, 12) keV with 100 counts over 1-keV bins: 50 + 50.
    const RebinPlan plan(std::vector<double>{10.0, 12.0}, EnergyGrid::uniform(0, 20, 1));
    const auto out = plan.apply(std::vector<double>{100.0});
    QCOMPARE(out[10], 50.0);
    QCOMPARE(out[11], 50.0);
    QCOMPARE(std::accumulate(out.begin(), out.end(), 0.0), 100.0);
    // [10.5, 11.5) -> half in bin 10, half in bin 11.
    const RebinPlan shifted(std::vector<double>{10.5, 11.5}, EnergyGrid::uniform(0, 20, 1));
    const auto o2 = shifted.apply(std::vector<double>{10.0});
    QCOMPARE(o2[10], 5.0);
    QCOMPARE(o2[11], 5.0);
}

void TestRebinPlan::identityWhenGridsAgree()
{
    const auto cal = EnergyCalibration::quadratic(-12.0, 8.15, 0.0012);
    const RebinPlan plan(cal, 256, EnergyGrid::gammaFlowDefault());
    std::vector<double> counts(256);
    std::iota(counts.begin(), counts.end(), 1.0);
    const auto out = plan.apply(counts);
    for (int i = 0; i < 256; ++i)
        QVERIFY(std::abs(out[i] - counts[i]) < 1e-9 * counts[i]);
}

void TestRebinPlan::dropsContentOutsideGrid()
{
    const RebinPlan plan(std::vector<double>{-2.0, 0.0, 2.0, 4.0}, EnergyGrid::uniform(0, 3, 1));
    const auto out = plan.apply(std::vector<double>{7.0, 4.0, 6.0});
    QCOMPARE(out[0], 2.0);
    QCOMPARE(out[1], 2.0);
    QCOMPARE(out[2], 3.0);  // half of [2,4) lies inside
}

void TestRebinPlan::realSpectrumConservesCounts()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("xgd/long/Cs_137_15cm.sps"));
    auto r = ReaderRegistry::instance().read(file);
    QVERIFY(r.ok());
    const Spectrum &s = r->front();
    // Counts of channels entirely below 1500 keV plus the covered part of the straddling channel.
    Rebinner rebinner(EnergyGrid::xgdDefault());
    const auto out = rebinner.rebin(s);
    QCOMPARE(int(out.size()), 1500);
    double expected = 0.0;
    for (int i = 0; i < s.channelCount(); ++i) {
        const double lo = s.calibration.energyAt(i), hi = s.calibration.energyAt(i + 1);
        const double inside = std::clamp(std::min(hi, 1500.0) - std::max(lo, 0.0), 0.0, hi - lo);
        expected += s.counts[i] * inside / (hi - lo);
    }
    const double got = std::accumulate(out.begin(), out.end(), 0.0);
    QVERIFY(expected > 1e5);
    QVERIFY2(std::abs(got - expected) <= 1e-9 * expected, qPrintable(QString::number(got - expected)));
}

void TestRebinPlan::rebinnerReusesPlans()
{
    Rebinner rebinner(EnergyGrid::xgdDefault());
    const auto cal = EnergyCalibration::linear(1.3, 0.1);
    const RebinPlan *first = &rebinner.planFor(cal, 4096);
    QCOMPARE(&rebinner.planFor(cal, 4096), first);
    QVERIFY(&rebinner.planFor(EnergyCalibration::linear(1.31, 0.1), 4096) != first);
}

QTEST_GUILESS_MAIN(TestRebinPlan)
#include "tst_rebinplan.moc"
