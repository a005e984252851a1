// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "metrics/MultiLabelAccuracy.h"

#include <QTest>

using namespace photopeak;

namespace {
QSet<QString> set(std::initializer_list<const char *> l)
{
    QSet<QString> s;
    for (const char *x : l)
        s << QString::fromLatin1(x);
    return s;
}
} // namespace

class TestMultiLabelAccuracy : public QObject {
    Q_OBJECT
private slots:
    void score_data()
    {
        QTest::addColumn<QSet<QString>>("truth");
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<QList<double>>("shares");
        QTest::addColumn<double>("expected");
        // Perfect: the shares of the correct labels add up.
        QTest::newRow("perfect") << set({"Co60", "background"}) << QStringList{"Co60", "background"}
                                 << QList<double>{0.4, 0.6} << 1.0;
        // One of two true labels missed: 0.9 - 1/2.
        QTest::newRow("missed one") << set({"Cs137", "background"}) << QStringList{"background"} << QList<double>{0.9} << 0.4;
        // A wrong label subtracts its share: 0.7 - 0.2 (+ background 0.1 correct).
        QTest::newRow("wrong label") << set({"Co60", "background"}) << QStringList{"Co60", "Eu152", "background"}
                                     << QList<double>{0.7, 0.2, 0.1} << 0.6;
        // Clipped at zero.
        QTest::newRow("clipped") << set({"Am241", "Eu152", "background"}) << QStringList{"Co60"} << QList<double>{1.0} << 0.0;
        // Empty truth: no division by zero, wrong shares still count.
        QTest::newRow("empty truth") << QSet<QString>() << QStringList{} << QList<double>{} << 0.0;
    }
    void score()
    {
        QFETCH(QSet<QString>, truth);
        QFETCH(QStringList, labels);
        QFETCH(QList<double>, shares);
        QFETCH(double, expected);
        QMap<QString, double> p;
        for (int i = 0; i < labels.size(); ++i)
            p[labels[i]] = shares[i];
        QVERIFY(qAbs(MultiLabelAccuracy::score(truth, p) - expected) < 1e-12);
    }
    void meanOverSpectra()
    {
        MultiLabelAccuracy m;
        QCOMPARE(m.mean(), 0.0);
        m.add(set({"Co60", "background"}), {{"Co60", 0.4}, {"background", 0.6}});
        m.add(set({"Cs137", "background"}), {{"background", 0.9}});
        QCOMPARE(m.count(), 2);
        QVERIFY(qAbs(m.mean() - 0.7) < 1e-12);
    }
};

QTEST_GUILESS_MAIN(TestMultiLabelAccuracy)
#include "tst_multilabelaccuracy.moc"
