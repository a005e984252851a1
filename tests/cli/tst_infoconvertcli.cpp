// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliRun.h"
#include "TestData.h"
#include "io/ReaderRegistry.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace photopeak;

using photopeak::testcli::cli;
using photopeak::testcli::Run;

class TestInfoConvertCli : public QObject {
    Q_OBJECT
private slots:
    void helpAndVersion();
    void unknownCommandIsUsageError();
    void infoFilePrintsHeader();
    void infoBadFileNamesFileAndProblem();
    void infoFolderListsLabelsAndProblems();
    void convertSpsToCsvAndBack();
    void convertRefusesToOverwriteInput();
};

void TestInfoConvertCli::helpAndVersion()
{
    const Run help = cli({QStringLiteral("--help")});
    QCOMPARE(help.code, 0);
    QVERIFY(help.out.contains(QLatin1String("info")));
    QVERIFY(help.out.contains(QLatin1String("convert")));
    const Run version = cli({QStringLiteral("--version")});
    QCOMPARE(version.code, 0);
    QVERIFY(version.out.contains(QLatin1String(PHOTOPEAK_VERSION)));
    QCOMPARE(cli({QStringLiteral("info"), QStringLiteral("--help")}).code, 0);
}

void TestInfoConvertCli::unknownCommandIsUsageError()
{
    const Run r = cli({QStringLiteral("frobnicate")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QLatin1String("unknown command 'frobnicate'")));
    QCOMPARE(cli({QStringLiteral("info")}).code, 2);
}

void TestInfoConvertCli::infoFilePrintsHeader()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("xgd/bkgs/15s/badcal/2022629_13510_bkg_15s.sps"));
    const Run r = cli({QStringLiteral("info"), file});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QLatin1String("channels      4096")));
    QVERIFY(r.out.contains(QLatin1String("15.064 s")));
    QVERIFY(r.out.contains(QLatin1String("total counts  4912")));
    QVERIFY(r.out.contains(QLatin1String("labels        background")));
    QVERIFY(r.out.contains(QLatin1String("slope is 0")));
}

void TestInfoConvertCli::infoBadFileNamesFileAndProblem()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("bad/xgd-all-zero-header.sps"));
    const Run r = cli({QStringLiteral("info"), file});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QLatin1String("xgd-all-zero-header.sps")));
    QVERIFY(r.err.contains(QLatin1String("0 channels")));
    const Run missing = cli({QStringLiteral("info"), QStringLiteral("/no/such/file.sps")});
    QCOMPARE(missing.code, 1);
    QVERIFY(missing.err.contains(QLatin1String("/no/such/file.sps")));
}

void TestInfoConvertCli::infoFolderListsLabelsAndProblems()
{
    PHOTOPEAK_REQUIRE_DATA(folder, QStringLiteral("xgd/misc"));
    const Run r = cli({QStringLiteral("info"), folder});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QLatin1String("Co60+Cs137")));
    QVERIFY(r.out.contains(QLatin1String("Am241+Cs137")));
    QVERIFY(r.out.contains(QLatin1String("background")));
    QVERIFY(r.out.contains(QLatin1String("flagged spectra")));
}

void TestInfoConvertCli::convertSpsToCsvAndBack()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("xgd/long/Cs_137_15cm.sps"));
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("cs.csv")), back = dir.filePath(QStringLiteral("cs.sps"));
    QCOMPARE(cli({QStringLiteral("convert"), file, csv}).code, 0);
    QCOMPARE(cli({QStringLiteral("convert"), csv, back}).code, 0);
    auto a = ReaderRegistry::instance().read(file), b = ReaderRegistry::instance().read(back);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(b->front().counts, a->front().counts);
    QVERIFY(std::abs(b->front().liveTime - a->front().liveTime) < 1e-9);
    // A second convert replaces Photopeak's own output; a file it did not write needs --force.
    QCOMPARE(cli({QStringLiteral("convert"), file, csv}).code, 0);
    const QString foreign = dir.filePath(QStringLiteral("notes.csv"));
    QFile notes(foreign);
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("notes");
    notes.close();
    const Run again = cli({QStringLiteral("convert"), file, foreign});
    QCOMPARE(again.code, 2);
    QVERIFY(again.err.contains(QLatin1String("--force")));
}

void TestInfoConvertCli::convertRefusesToOverwriteInput()
{
    QTemporaryDir dir;
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("xgd/long/Cs_137_15cm.sps"));
    const QString copy = dir.filePath(QStringLiteral("in.sps"));
    QVERIFY(QFile::copy(file, copy));
    const Run r = cli({QStringLiteral("convert"), QStringLiteral("--force"), copy, copy});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QLatin1String("is an input")));
}

QTEST_GUILESS_MAIN(TestInfoConvertCli)
#include "tst_infoconvertcli.moc"
