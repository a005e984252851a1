// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "FormatTestFiles.h"
#include "TestData.h"
#include "io/ReaderRegistry.h"
#include "io/cnf/CnfFormat.h"
#include "io/cnf/CnfReader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace photopeak;

namespace {
const char *CnfName = "01122014152731-GT01122014182338-GA37.4963000N-GO122.4633000W";
} // namespace

class TestCnfFormat : public QObject {
    Q_OBJECT
private slots:
    void matchesTheReferenceSpeConversion();
    void headerFields();
    void confidenceFromContent();
    void truncatedCopiesGiveErrorsNamingTheFile_data();
    void truncatedCopiesGiveErrorsNamingTheFile();
    void damagedHeaderGivesClearErrors();
    void readingLeavesTheFileUnchanged();
};

void TestCnfFormat::matchesTheReferenceSpeConversion()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/becquerel/%1.cnf").arg(QLatin1String(CnfName)));
    PHOTOPEAK_REQUIRE_DATA(reference, QStringLiteral("formats/becquerel/samples_converted/%1.spe").arg(QLatin1String(CnfName)));
    QCOMPARE(ReaderRegistry::instance().readerFor(file)->formatName(), CnfReader().formatName());
    auto r = ReaderRegistry::instance().read(file);
    auto ref = ReaderRegistry::instance().read(reference);
    QVERIFY2(r.ok() && ref.ok(), qPrintable(errorText(r) + errorText(ref)));
    QCOMPARE(r->size(), size_t(1));
    const Spectrum &s = r->front(), &e = ref->front();
    // Same counts in every channel (4096), same times (the SPE prints 5 decimals), same calibration within the
    // SPE's printed precision ("-0.2100 0.718993"; the CNF holds -0.209713 0.7189929).
    QCOMPARE(s.channelCount(), 4096);
    QCOMPARE(s.counts, e.counts);
    QCOMPARE(s.totalCounts(), 683658.0);
    QVERIFY(std::abs(s.liveTime - e.liveTime) < 5e-6);
    QVERIFY(std::abs(s.realTime - e.realTime) < 5e-6);
    QVERIFY(std::abs(s.calibration.offset() - e.calibration.offset()) < 1e-3);
    QVERIFY(std::abs(s.calibration.slope() - e.calibration.slope()) < 5e-7);
    QCOMPARE(s.calibration.degree(), 1);
    for (int ch : {0, 100, 1000, 2032, 4095})
        QVERIFY(std::abs(s.calibration.energyAt(ch) - e.calibration.energyAt(ch)) < 1e-3);
    // The start agrees to the second ("01/12/2014 3:12:28 PM"; the CNF also has 0.125 s).
    QCOMPARE(s.startTime.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), e.startTime.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    QVERIFY2(s.problems.none(), qPrintable(s.problems.names().join(',')));
}

void TestCnfFormat::headerFields()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/becquerel/%1.cnf").arg(QLatin1String(CnfName)));
    auto r = ReaderRegistry::instance().read(file);
    QVERIFY2(r.ok(), qPrintable(errorText(r)));
    const Spectrum &s = r->front();
    QCOMPARE(s.liveTime, 841.42);
    QCOMPARE(s.realTime, 849.51);
    QCOMPARE(s.startTime, QDateTime(QDate(2014, 1, 12), QTime(15, 12, 28, 125)));
    QCOMPARE(float(s.calibration.slope()), 0.7189929f);
    QCOMPARE(s.description, QStringLiteral("Sample title."));
    // Hand-checked: the first stored values are 0 0 0 0 0 1 756 2190 (Genie channels 1..8).
    QCOMPARE(s.counts[0], 0.0);
    QCOMPARE(s.counts[6], 1.0);
    QCOMPARE(s.counts[7], 756.0);
    QCOMPARE(s.counts[8], 2190.0);
}

void TestCnfFormat::confidenceFromContent()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/becquerel/%1.cnf").arg(QLatin1String(CnfName)));
    const QByteArray head = fileBytes(file).left(4096);
    const CnfReader reader;
    QCOMPARE(reader.confidence(file, 182272, head), 100);
    QCOMPARE(reader.confidence(QStringLiteral("renamed.dat"), 182272, head), 80);
    QCOMPARE(reader.confidence(QStringLiteral("x.cnf"), 100, QByteArrayView("not a cnf file at all")), 50);
    QCOMPARE(reader.confidence(QStringLiteral("x.txt"), 100, QByteArrayView("not a cnf file at all")), 0);
    QVERIFY(ReaderRegistry::instance().readableSuffixes().contains(QStringLiteral("cnf")));
}

void TestCnfFormat::truncatedCopiesGiveErrorsNamingTheFile_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("inside the section table") << 0x100;
    QTest::newRow("before the acquisition section") << 0x900;
    QTest::newRow("inside the acquisition parameters") << 0xb10;
    QTest::newRow("half the file") << 182272 / 2;
    QTest::newRow("inside the counts") << 0x28800 + 4 * 2000;
    QTest::newRow("last byte missing") << 182272 - 1;
}

void TestCnfFormat::truncatedCopiesGiveErrorsNamingTheFile()
{
    QFETCH(int, size);
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/becquerel/%1.cnf").arg(QLatin1String(CnfName)));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString cut = writeCopy(dir, QStringLiteral("cut.cnf"), fileBytes(file).left(size));
    auto r = ReaderRegistry::instance().read(cut);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().source, cut);
    QVERIFY2(r.error().toString().contains(cut), qPrintable(r.error().toString()));
    QVERIFY2(r.error().kind & unsigned(SpectrumProblem::Truncated), qPrintable(r.error().toString()));
    QVERIFY2(r.error().message.contains(QLatin1String("truncated")), qPrintable(r.error().message));
}

void TestCnfFormat::damagedHeaderGivesClearErrors()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/becquerel/%1.cnf").arg(QLatin1String(CnfName)));
    const QByteArray original = fileBytes(file);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        QByteArray b = original;
        b[0x800] = 0x7f;  // the acquisition section no longer repeats its id
        auto r = ReaderRegistry::instance().read(writeCopy(dir, QStringLiteral("id.cnf"), b));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QLatin1String("does not start with its id")), qPrintable(r.error().message));
    }
    {
        QByteArray b = original;
        b[0x800 + 0xBA] = 0x20;  // 8192 channels announced, 4096 in the data section
        auto r = ReaderRegistry::instance().read(writeCopy(dir, QStringLiteral("channels.cnf"), b));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QLatin1String("8192 channels but the data section 4096")), qPrintable(r.error().message));
    }
    {
        QByteArray b = original;
        b.replace(0x3a0, 4, QByteArray("\x09\x20\x01\x00", 4));  // no data section left in the table
        auto r = ReaderRegistry::instance().read(writeCopy(dir, QStringLiteral("nodata.cnf"), b));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QLatin1String("no spectrum data section")), qPrintable(r.error().message));
    }
}

void TestCnfFormat::readingLeavesTheFileUnchanged()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/becquerel/%1.cnf").arg(QLatin1String(CnfName)));
    const QString problem = readingChangesFile(file);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestCnfFormat)
#include "tst_cnfformat.moc"
