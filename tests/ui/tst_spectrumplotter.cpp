// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// SpectrumPlotter: the one drawing path for the view and reports (step lines, axes, fallbacks).

#include "plot/SpectrumPlotter.h"

#include <QTest>
#include <qcustomplot.h>

using namespace photopeak;
using namespace photopeak::ui;

namespace {
Spectrum makeSpectrum(std::vector<double> counts, double liveTime, EnergyCalibration calibration)
{
    Spectrum s;
    s.counts = std::move(counts);
    s.liveTime = liveTime;
    s.calibration = calibration;
    s.sourcePath = QStringLiteral("/data/test.sps");
    return s;
}
} // namespace

class TestSpectrumPlotter : public QObject {
    Q_OBJECT

private slots:
    void stepLineOnChannelEdges();
    void countRateNeedsLiveTime_data();
    void countRateNeedsLiveTime();
    void invalidCalibrationFallsBackToChannels();
    void overlayColoursAndLimit();
    void channelAtFindsTheStep();
    void logAxisFitsPositiveData();
};

void TestSpectrumPlotter::stepLineOnChannelEdges()
{
    QCustomPlot plot;
    SpectrumPlotter::setupPlot(&plot);
    const Spectrum s = makeSpectrum({1, 5, 2, 0}, 10.0, EnergyCalibration::linear(2.0, 1.0));
    const auto summary = SpectrumPlotter::draw(&plot, {&s}, PlotOptions{false, false, true});
    QCOMPARE(summary.drawn, 1);
    QVERIFY(summary.notes.isEmpty());
    QCOMPARE(plot.graphCount(), 1);
    const QCPGraph *g = plot.graph(0);
    QCOMPARE(g->lineStyle(), QCPGraph::lsStepLeft);
    QCOMPARE(g->dataCount(), 5);  // 4 channels + closing edge
    const double expectedKeys[] = {1, 3, 5, 7, 9};
    const double expectedValues[] = {1, 5, 2, 0, 0};
    for (int i = 0; i < 5; ++i) {
        QCOMPARE((g->data()->constBegin() + i)->key, expectedKeys[i]);
        QCOMPARE((g->data()->constBegin() + i)->value, expectedValues[i]);
    }
    QCOMPARE(plot.xAxis->label(), QStringLiteral("Energy (keV)"));
    QCOMPARE(plot.xAxis->range().upper, 9.0);
    QVERIFY(plot.yAxis->range().upper > 5.0);
    QCOMPARE(plot.yAxis->range().lower, 0.0);
}

void TestSpectrumPlotter::countRateNeedsLiveTime_data()
{
    QTest::addColumn<double>("liveTime");
    QTest::addColumn<bool>("rateShown");
    QTest::addColumn<double>("firstValue");
    QTest::newRow("live time 4 s") << 4.0 << true << 2.0;
    QTest::newRow("no live time") << 0.0 << false << 8.0;
}

void TestSpectrumPlotter::countRateNeedsLiveTime()
{
    QFETCH(double, liveTime);
    QFETCH(bool, rateShown);
    QFETCH(double, firstValue);
    QCustomPlot plot;
    const Spectrum s = makeSpectrum({8, 4}, liveTime, EnergyCalibration::linear(1.0, 0.0));
    const auto summary = SpectrumPlotter::draw(&plot, {&s}, PlotOptions{true, true, true});
    QCOMPARE(summary.effective.countRate, rateShown);
    QCOMPARE(summary.notes.isEmpty(), rateShown);
    QCOMPARE(plot.graph(0)->data()->constBegin()->value, firstValue);
    QCOMPARE(plot.yAxis->label().contains(QStringLiteral("counts/s")), rateShown);
}

void TestSpectrumPlotter::invalidCalibrationFallsBackToChannels()
{
    QCustomPlot plot;
    const Spectrum s = makeSpectrum({1, 2, 3}, 1.0, EnergyCalibration::linear(0.0, 0.0));
    const auto summary = SpectrumPlotter::draw(&plot, {&s}, PlotOptions{});
    QVERIFY(!summary.effective.energyAxis);
    QCOMPARE(summary.notes.size(), 1);
    QCOMPARE(plot.xAxis->label(), QStringLiteral("Channel"));
    QCOMPARE((plot.graph(0)->data()->constEnd() - 1)->key, 3.0);
}

void TestSpectrumPlotter::overlayColoursAndLimit()
{
    QCustomPlot plot;
    SpectrumPlotter::setupPlot(&plot);
    std::vector<Spectrum> spectra;
    for (int i = 0; i < SpectrumPlotter::MaxOverlay + 3; ++i)
        spectra.push_back(makeSpectrum({double(i + 1), 1.0}, 1.0, EnergyCalibration::linear(1.0, 0.0)));
    std::vector<const Spectrum *> pointers;
    for (const auto &s : spectra)
        pointers.push_back(&s);
    const auto summary = SpectrumPlotter::draw(&plot, pointers, PlotOptions{});
    QCOMPARE(summary.drawn, SpectrumPlotter::MaxOverlay);
    QCOMPARE(summary.omitted, 3);
    QCOMPARE(plot.graphCount(), SpectrumPlotter::MaxOverlay);
    QVERIFY(plot.legend->visible());
    QCOMPARE(plot.legend->itemCount(), SpectrumPlotter::MaxOverlay);
    QVERIFY(plot.graph(0)->pen().color() != plot.graph(1)->pen().color());
}

void TestSpectrumPlotter::channelAtFindsTheStep()
{
    QCustomPlot plot;
    const Spectrum s = makeSpectrum({1, 2, 3}, 1.0, EnergyCalibration::linear(10.0, 0.0));
    SpectrumPlotter::draw(&plot, {&s}, PlotOptions{});
    const QCPGraph *g = plot.graph(0);
    QCOMPARE(SpectrumPlotter::channelAt(g, 0.0), 0);
    QCOMPARE(SpectrumPlotter::channelAt(g, 9.99), 0);
    QCOMPARE(SpectrumPlotter::channelAt(g, 10.0), 1);
    QCOMPARE(SpectrumPlotter::channelAt(g, 29.9), 2);
    QCOMPARE(SpectrumPlotter::channelAt(g, 30.0), -1);
    QCOMPARE(SpectrumPlotter::channelAt(g, -1.0), -1);
}

void TestSpectrumPlotter::logAxisFitsPositiveData()
{
    QCustomPlot plot;
    const Spectrum s = makeSpectrum({0, 4, 1000, 0}, 1.0, EnergyCalibration::linear(1.0, 0.0));
    SpectrumPlotter::draw(&plot, {&s}, PlotOptions{true, false, true});
    QCOMPARE(plot.yAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(plot.yAxis->range().lower > 0.0 && plot.yAxis->range().lower < 4.0);
    QVERIFY(plot.yAxis->range().upper > 1000.0);
}

QTEST_MAIN(TestSpectrumPlotter)
#include "tst_spectrumplotter.moc"
