// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "metrics/BinaryMetrics.h"
#include "metrics/FolderEvaluation.h"

#include <QTest>

using namespace photopeak;

class TestBinaryMetrics : public QObject {
    Q_OBJECT
private slots:
    void handComputedCase();
    void emptyClassesAreUndefinedNotZero();
    void folderEvaluationPerFolderAndSets();
};

void TestBinaryMetrics::handComputedCase()
{
    BinaryMetrics m;
    // 4 sources: 3 called Source; 6 backgrounds: 2 called Source.
    for (bool c : {true, true, true, false})
        m.add(true, c);
    for (bool c : {true, true, false, false, false, false})
        m.add(false, c);
    QCOMPARE(m.truePositives(), 3);
    QCOMPARE(m.falseNegatives(), 1);
    QCOMPARE(m.falsePositives(), 2);
    QCOMPARE(m.trueNegatives(), 4);
    QCOMPARE(*m.detectionRate().value(), 0.75);
    QCOMPARE(*m.falseAlarmRate().value(), 2.0 / 6.0);
    QCOMPARE(*m.accuracy().value(), 0.7);
    QCOMPARE(*m.precision().value(), 0.6);
    QCOMPARE(*m.f1().value(), 6.0 / 9.0);
    QCOMPARE(m.detectionRate().fraction(), QStringLiteral("3/4 (75.0 %)"));
    const QString table = m.confusionTable();
    QVERIFY(table.contains(QLatin1String("Source")));
    QVERIFY(table.contains(QLatin1String("Background")));
    BinaryMetrics other;
    other.add(true, false);
    m.merge(other);
    QCOMPARE(*m.detectionRate().value(), 0.6);
}

void TestBinaryMetrics::emptyClassesAreUndefinedNotZero()
{
    BinaryMetrics m;
    QVERIFY(!m.accuracy().value());
    m.add(false, false);
    QVERIFY(!m.detectionRate().value());  // no sources: undefined, not 0 and not a division by zero
    QCOMPARE(m.detectionRate().percent(), QStringLiteral("n/a"));
    QCOMPARE(*m.falseAlarmRate().value(), 0.0);
    QVERIFY(!m.precision().value());
}

void TestBinaryMetrics::folderEvaluationPerFolderAndSets()
{
    FolderEvaluation ev({QStringLiteral("Am241"), QStringLiteral("Cs137")});
    const QStringList both{QStringLiteral("Am241"), QStringLiteral("Cs137")};
    ev.add(QStringLiteral("mix"), true, both, true, both);
    ev.add(QStringLiteral("mix"), true, both, true, {QStringLiteral("Cs137")});
    ev.add(QStringLiteral("mix"), true, both, false, {});
    ev.add(QStringLiteral("bkg"), false, {}, true, {});
    ev.add(QStringLiteral("bkg"), false, {}, false, {});
    QCOMPARE(ev.folders(), (QStringList{QStringLiteral("mix"), QStringLiteral("bkg")}));
    QCOMPARE(*ev.binary(QStringLiteral("mix")).detectionRate().value(), 2.0 / 3.0);
    QCOMPARE(*ev.binary(QStringLiteral("bkg")).falseAlarmRate().value(), 0.5);
    QCOMPARE(*ev.exactSetMatch(QStringLiteral("mix")).value(), 1.0 / 3.0);
    QVERIFY(!ev.exactSetMatch(QStringLiteral("bkg")).value());
    // All five spectra: perfect = mix #1 and the correctly empty background.
    QCOMPARE(ev.identification().count(), 5);
    QCOMPARE(ev.identification().perLabel(QStringLiteral("Am241")).falseNegative, 2);
    QCOMPARE(ev.identification().perLabel(QStringLiteral("Cs137")).truePositive, 2);
    QCOMPARE(*ev.overall().accuracy().value(), 3.0 / 5.0);
    QVERIFY(ev.folderTable(QStringLiteral("t")).contains(QLatin1String("1/3 (33.3 %)")));
    QVERIFY(ev.perIsotopeConfusion().contains(QLatin1String("Am241")));
}

QTEST_GUILESS_MAIN(TestBinaryMetrics)
#include "tst_binarymetrics.moc"
