// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "FormatTestFiles.h"
#include "TestData.h"
#include "io/ReaderRegistry.h"
#include "io/spc/SpcFormat.h"
#include "io/spc/SpcReader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace photopeak;

class TestSpcFormat : public QObject {
    Q_OBJECT
private slots:
    void matchesTheReferenceSpeConversion();
    void headerFields();
    void confidenceFromContent();
    void truncatedCopiesGiveErrorsNamingTheFile_data();
    void truncatedCopiesGiveErrorsNamingTheFile();
    void unsupportedOrDamagedHeadersGiveClearErrors();
    void readingLeavesTheFileUnchanged();
};

void TestSpcFormat::matchesTheReferenceSpeConversion()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/becquerel/Alcatraz14.Spc"));
    PHOTOPEAK_REQUIRE_DATA(reference, QStringLiteral("formats/becquerel/samples_converted/Alcatraz14.spe"));
    QCOMPARE(ReaderRegistry::instance().readerFor(file)->formatName(), SpcReader().formatName());
    auto r = ReaderRegistry::instance().read(file);
    auto ref = ReaderRegistry::instance().read(reference);
    QVERIFY2(r.ok() && ref.ok(), qPrintable(errorText(r) + errorText(ref)));
    QCOMPARE(r->size(), size_t(1));
    const Spectrum &s = r->front(), &e = ref->front();
    QCOMPARE(s.channelCount(), 8192);
    QCOMPARE(s.counts, e.counts);
    QCOMPARE(s.totalCounts(), 132978.0);
    QVERIFY(std::abs(s.liveTime - e.liveTime) < 5e-6);  // 900.00000
    QVERIFY(std::abs(s.realTime - e.realTime) < 5e-5);  // 905.41998 (float32 905.419983)
    // "0.5783 0.374436 2.985859e-007": the SPE rounds the offset to 4 decimals.
    QVERIFY(std::abs(s.calibration.offset() - e.calibration.offset()) < 5e-5);
    QVERIFY(std::abs(s.calibration.slope() - e.calibration.slope()) < 5e-7);
    QVERIFY(std::abs(s.calibration.coefficients()[2] - e.calibration.coefficients()[2]) < 5e-13);
    for (int ch : {0, 1000, 3888, 8191})
        QVERIFY(std::abs(s.calibration.energyAt(ch) - e.calibration.energyAt(ch)) < 1e-3);
    QCOMPARE(s.startTime, e.startTime);  // 09/17/2012 13:41:07
    QVERIFY2(s.problems.none(), qPrintable(s.problems.names().join(',')));
}

void TestSpcFormat::headerFields()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/becquerel/Alcatraz14.Spc"));
    auto r = ReaderRegistry::instance().read(file);
    QVERIFY2(r.ok(), qPrintable(errorText(r)));
    const Spectrum &s = r->front();
    QCOMPARE(s.liveTime, 900.0);
    QCOMPARE(float(s.realTime), 905.42f);
    QCOMPARE(s.startTime, QDateTime(QDate(2012, 9, 17), QTime(13, 41, 7)));
    QCOMPARE(s.description, QStringLiteral("Alcatraz14"));
    QCOMPARE(s.detector, QStringLiteral("Transpec MCB129"));
    // Hand-checked: first non-zero channels 35 (1), 39 (7), 40 (118), 41 (234).
    QCOMPARE(s.counts[34], 0.0);
    QCOMPARE(s.counts[35], 1.0);
    QCOMPARE(s.counts[39], 7.0);
    QCOMPARE(s.counts[40], 118.0);
    QCOMPARE(s.counts[41], 234.0);
}

void TestSpcFormat::confidenceFromContent()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/becquerel/Alcatraz14.Spc"));
    const QByteArray head = fileBytes(file).left(4096);
    const SpcReader reader;
    QCOMPARE(reader.confidence(file, 35840, head), 100);
    QCOMPARE(reader.confidence(QStringLiteral("renamed.dat"), 35840, head), 60);
    QCOMPARE(reader.confidence(QStringLiteral("x.spc"), 300, QByteArray(300, 'x')), 50);
    QCOMPARE(reader.confidence(QStringLiteral("x.dat"), 300, QByteArray(300, 'x')), 0);
    QVERIFY(ReaderRegistry::instance().readableSuffixes().contains(QStringLiteral("spc")));
}

void TestSpcFormat::truncatedCopiesGiveErrorsNamingTheFile_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("inside the header record") << 100;
    QTest::newRow("before the counts") << 0xa00;
    QTest::newRow("half the counts") << 0xa80 + 4 * 4096;
    QTest::newRow("last count cut") << 0xa80 + 4 * 8192 - 1;
}

void TestSpcFormat::truncatedCopiesGiveErrorsNamingTheFile()
{
    QFETCH(int, size);
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/becquerel/Alcatraz14.Spc"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString cut = writeCopy(dir, QStringLiteral("cut.spc"), fileBytes(file).left(size));
    auto r = ReaderRegistry::instance().read(cut);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().source, cut);
    QVERIFY2(r.error().toString().contains(cut), qPrintable(r.error().toString()));
    QVERIFY2(r.error().kind & unsigned(SpectrumProblem::Truncated), qPrintable(r.error().toString()));
    QVERIFY2(r.error().message.contains(QLatin1String("truncated")), qPrintable(r.error().message));
}

void TestSpcFormat::unsupportedOrDamagedHeadersGiveClearErrors()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/becquerel/Alcatraz14.Spc"));
    const QByteArray original = fileBytes(file);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        QByteArray b = original;
        b[2] = 5;  // real-valued SPC
        auto r = ReaderRegistry::instance().read(writeCopy(dir, QStringLiteral("real.spc"), b));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QLatin1String("file type 5) is not supported")), qPrintable(r.error().message));
    }
    {
        QByteArray b = original;
        b[0] = 7;
        auto r = ReaderRegistry::instance().read(writeCopy(dir, QStringLiteral("other.spc"), b));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QLatin1String("not those of an ORTEC SPC file")), qPrintable(r.error().message));
    }
    {
        QByteArray b = original;
        b[62] = 2;  // 2 records cannot hold 8192 channels
        b[63] = 0;
        auto r = ReaderRegistry::instance().read(writeCopy(dir, QStringLiteral("records.spc"), b));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QLatin1String("they do not fit")), qPrintable(r.error().message));
    }
}

void TestSpcFormat::readingLeavesTheFileUnchanged()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/becquerel/Alcatraz14.Spc"));
    const QString problem = readingChangesFile(file);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestSpcFormat)
#include "tst_spcformat.moc"
