// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "spectrum/LabelParser.h"

#include <QTest>

using namespace photopeak;

class TestLabelParser : public QObject {
    Q_OBJECT
private slots:
    void fromRelativePath_data();
    void fromRelativePath();
    void canonical();
};

void TestLabelParser::fromRelativePath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("labels");
    QTest::newRow("single") << "srcs/Cs137/5s/15cm/a.sps" << QStringList{"Cs137"};
    QTest::newRow("dash") << "x/Cs-137/a.sps" << QStringList{"Cs137"};
    QTest::newRow("lower") << "x/cs137/a.sps" << QStringList{"Cs137"};
    QTest::newRow("mixture underscore") << "misc/Co60_Cs137/15s/15cm/a.sps" << QStringList{"Co60", "Cs137"};
    QTest::newRow("mixture dashes") << "Co60-Na22-Cs137/a.sps" << QStringList{"Co60", "Na22", "Cs137"};
    QTest::newRow("bkg") << "bkgs/15s/badcal/2022629_134257_bkg_15s.sps" << QStringList{"background"};
    QTest::newRow("background word") << "Background/a.sps" << QStringList{"background"};
    QTest::newRow("from file name") << "set2/test/dist/25cm/202244_154224_Sig_Cs137_25cm.sps" << QStringList{"Cs137"};
    QTest::newRow("cyrillic C") << QStringLiteral("long/Сs_137_15cm.sps") << QStringList{"Cs137"};
    QTest::newRow("metastable") << "Tc99m/a.sps" << QStringList{"Tc99m"};
    QTest::newRow("no label") << "set2/test/time/sig/1s/a.sps" << QStringList{};
    QTest::newRow("distances and times are not isotopes") << "15cm/60s/set2/a.sps" << QStringList{};
    QTest::newRow("uranium") << "U235/a.h5" << QStringList{"U235"};
    QTest::newRow("mass number first") << "InterSpec/spec184_235U_12.9543.n42" << QStringList{"U235"};
    QTest::newRow("mass number first, dash") << "x/137-Cs_long.spe" << QStringList{"Cs137"};
    QTest::newRow("units are not curium") << "x/2022921_18751_Eu152_50cm_5sec.sps" << QStringList{"Eu152"};
    QTest::newRow("only units") << "x/2022921_18751_15cm_60sec.sps" << QStringList{};
    QTest::newRow("GPS field is not gallium") << "b/01122014152731-GT01122014182338-GA37.4963000N-GO122.4633000W.cnf" << QStringList{};
    QTest::newRow("beryllium-7 and tritium") << "x/Be7_H3.csv" << QStringList{"Be7", "H3"};
}

void TestLabelParser::fromRelativePath()
{
    QFETCH(QString, path);
    QFETCH(QStringList, labels);
    QCOMPARE(LabelParser::fromRelativePath(path), labels);
}

void TestLabelParser::canonical()
{
    QCOMPARE(LabelParser::canonical(QStringLiteral("co-60")), QStringLiteral("Co60"));
    QCOMPARE(LabelParser::canonical(QStringLiteral("BKG")), QStringLiteral("background"));
    QCOMPARE(LabelParser::canonical(QStringLiteral("background")), QStringLiteral("background"));
    QCOMPARE(LabelParser::canonical(QStringLiteral("hello")), QString());
}

QTEST_GUILESS_MAIN(TestLabelParser)
#include "tst_labelparser.moc"
