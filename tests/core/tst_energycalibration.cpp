// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "spectrum/EnergyCalibration.h"
#include "spectrum/EnergyGrid.h"

#include <QTest>

using namespace photopeak;

class TestEnergyCalibration : public QObject {
    Q_OBJECT
private slots:
    void channelToEnergyAndBack_data();
    void channelToEnergyAndBack();
    void validity();
    void gammaFlowGrid();
};

void TestEnergyCalibration::channelToEnergyAndBack_data()
{
    QTest::addColumn<QList<double>>("coefficients");
    QTest::newRow("linear") << QList<double>{0.12514, 1.31787};
    QTest::newRow("quadratic") << QList<double>{-12.0, 8.15, 0.0012};
    QTest::newRow("cubic") << QList<double>{1.0, 0.5, 1e-5, 1e-9};
}

void TestEnergyCalibration::channelToEnergyAndBack()
{
    QFETCH(QList<double>, coefficients);
    const auto cal = EnergyCalibration::fromCoefficients(std::vector<double>(coefficients.begin(), coefficients.end()));
    QVERIFY(cal.isValid(4096));
    for (double ch : {0.0, 0.5, 17.25, 255.0, 1000.0, 4095.9}) {
        const double e = cal.energyAt(ch);
        QVERIFY2(std::abs(cal.channelAt(e, 4096) - ch) < 1e-8, qPrintable(QString::number(ch)));
    }
    QCOMPARE(cal.degree(), int(coefficients.size()) - 1);
}

void TestEnergyCalibration::validity()
{
    QVERIFY(!EnergyCalibration::linear(0.0, 0.1).isValid(4096));
    QVERIFY(EnergyCalibration::linear(0.0, 0.1).problem(4096).contains(QLatin1String("slope is 0")));
    QVERIFY(!EnergyCalibration::linear(-1.0, 0.1).isValid(4096));
    QVERIFY(!EnergyCalibration::linear(std::nan(""), 0.1).isValid(4096));
    // Increasing at first, decreasing before the last channel.
    QVERIFY(!EnergyCalibration::quadratic(0, 1.0, -0.001).isValid(1000));
    QVERIFY(EnergyCalibration::quadratic(0, 1.0, -0.001).isValid(400));
}

void TestEnergyCalibration::gammaFlowGrid()
{
    const EnergyGrid g = EnergyGrid::gammaFlowDefault();
    QCOMPARE(g.binCount(), 256);
    QCOMPARE(g.lowEdge(0), -12.0);
    QVERIFY(std::abs(g.lowEdge(100) - (-12.0 + 815.0 + 12.0)) < 1e-9);
    QVERIFY(g.isValid());
    QCOMPARE(EnergyGrid::xgdDefault().binCount(), 1500);
    QCOMPARE(EnergyGrid::xgdDefault().width(7), 1.0);
}

QTEST_GUILESS_MAIN(TestEnergyCalibration)
#include "tst_energycalibration.moc"
