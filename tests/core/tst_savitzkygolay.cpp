// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "spectrum/SavitzkyGolay.h"

#include <QTest>

using namespace photopeak;

class TestSavitzkyGolay : public QObject {
    Q_OBJECT
private slots:
    void window5Order2Kernel();
    void preservesQuadratics();
    void edgesRepeatValues();
    void rejectsBadParameters();
};

void TestSavitzkyGolay::window5Order2Kernel()
{
    const SavitzkyGolay sg(5, 2);
    const double expected[] = {-3, 12, 17, 12, -3};
    for (int i = 0; i < 5; ++i)
        QVERIFY(std::abs(sg.kernel()[i] - expected[i] / 35.0) < 1e-14);
}

void TestSavitzkyGolay::preservesQuadratics()
{
    std::vector<double> y(50);
    for (int i = 0; i < 50; ++i)
        y[i] = 3.0 + 0.5 * i - 0.02 * i * i;
    const auto s = SavitzkyGolay(7, 2).apply(y);
    for (int i = 3; i < 47; ++i)
        QVERIFY(std::abs(s[i] - y[i]) < 1e-10);
}

void TestSavitzkyGolay::edgesRepeatValues()
{
    // scipy.signal.savgol_filter([1,2,3,10,5,6,7], 5, 2, mode='nearest')
    const std::vector<double> y{1, 2, 3, 10, 5, 6, 7};
    const auto s = SavitzkyGolay(5, 2).apply(y);
    const double sc[] = {1.17142857, 1.4, 5.05714286, 6.91428571, 7.05714286, 5.57142857, 6.82857143};
    for (int i = 0; i < 7; ++i)
        QVERIFY2(std::abs(s[i] - sc[i]) < 1e-7, qPrintable(QStringLiteral("%1: %2").arg(i).arg(s[i])));
}

void TestSavitzkyGolay::rejectsBadParameters()
{
    QVERIFY(!SavitzkyGolay(4, 2).isValid());
    QVERIFY(!SavitzkyGolay(5, 5).isValid());
    QVERIFY(SavitzkyGolay(3, 0).isValid());
}

QTEST_GUILESS_MAIN(TestSavitzkyGolay)
#include "tst_savitzkygolay.moc"
