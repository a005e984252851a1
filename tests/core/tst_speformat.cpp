// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "FormatTestFiles.h"
#include "TestData.h"
#include "io/ReaderRegistry.h"
#include "io/spe/SpeFormat.h"
#include "io/spe/SpeReader.h"
#include "library/SpectrumDataset.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace photopeak;

namespace {
// Independent of the reader: the numbers between "$DATA:" + its range line and the next "$" record.
std::vector<double> dataRecord(const QString &path)
{
    std::vector<double> out;
    const QList<QByteArray> lines = fileBytes(path).split('\n');
    qsizetype i = lines.indexOf(QByteArray("$DATA:\r"));
    if (i < 0)
        i = lines.indexOf(QByteArray("$DATA:"));
    if (i < 0)
        return out;
    for (i += 2; i < lines.size() && !lines[i].startsWith('$'); ++i)
        for (const QByteArray &t : lines[i].simplified().split(' '))
            if (!t.isEmpty())
                out.push_back(t.toDouble());
    return out;
}

} // namespace

class TestSpeFormat : public QObject {
    Q_OBJECT
private slots:
    void realFiles_data();
    void realFiles();
    void headerFields();
    void invalidZeroCalibrationIsFlagged();
    void confidenceFromContent();
    void truncatedCopiesGiveErrorsNamingTheFile_data();
    void truncatedCopiesGiveErrorsNamingTheFile();
    void damagedContentGivesClearErrors_data();
    void damagedContentGivesClearErrors();
    void readingLeavesTheFileUnchanged();
};

void TestSpeFormat::realFiles_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addColumn<int>("channels");
    QTest::addColumn<double>("total");
    QTest::addColumn<double>("live");
    QTest::addColumn<double>("real");
    QTest::addColumn<QList<double>>("calibration");  // empty: the file has none (or an unusable one)
    const QString b = QStringLiteral("formats/becquerel/");
    // Values read from the files with a text viewer ($DATA range, $MEAS_TIM, $MCA_CAL or $ENER_FIT); totals summed
    // independently.
    QTest::newRow("cave background") << b + "1110C NAA cave background May 2017.spe" << 16384 << 1052900.0 << 437817.0
                                     << 437903.0 << QList<double>{-3.508700E-002, 1.828039E-001, -6.866130E-010};
    QTest::newRow("D3S") << b + "SGM102432.spe" << 4094 << 166239.0 << 300.0 << 300.0 << QList<double>{};
    QTest::newRow("digibase") << b + "digibase_5min_30_1.spe" << 1024 << 892301.0 << 296.0 << 300.0 << QList<double>{};
    QTest::newRow("nai") << b + "nai_detector.spe" << 1001 << 398163.0 << 3600.0 << 3600.0 << QList<double>{};
    QTest::newRow("cnf converted") << b + "samples_converted/01122014152731-GT01122014182338-GA37.4963000N-GO122.4633000W.spe"
                                   << 4096 << 683658.0 << 841.42 << 849.51 << QList<double>{-0.21, 0.718993, 0.0};
    QTest::newRow("spc converted") << b + "samples_converted/Alcatraz14.spe" << 8192 << 132978.0 << 900.0 << 905.41998
                                   << QList<double>{0.5783, 0.374436, 2.985859e-007};
}

void TestSpeFormat::realFiles()
{
    QFETCH(QString, relative);
    QFETCH(int, channels);
    QFETCH(double, total);
    QFETCH(double, live);
    QFETCH(double, real);
    QFETCH(QList<double>, calibration);
    PHOTOPEAK_REQUIRE_DATA(file, relative);
    QCOMPARE(ReaderRegistry::instance().readerFor(file)->formatName(), SpeReader().formatName());
    auto r = ReaderRegistry::instance().read(file);
    QVERIFY2(r.ok(), qPrintable(errorText(r)));
    QCOMPARE(r->size(), size_t(1));
    const Spectrum &s = r->front();
    QCOMPARE(s.sourcePath, file);
    QCOMPARE(s.channelCount(), channels);
    QCOMPARE(s.totalCounts(), total);
    QCOMPARE(s.counts, dataRecord(file));
    QCOMPARE(s.liveTime, live);
    QCOMPARE(s.realTime, real);
    if (calibration.isEmpty()) {
        QVERIFY(s.problems.has(SpectrumProblem::MissingCalibration));
    } else {
        QVERIFY2(s.problems.none(), qPrintable(s.problems.names().join(',')));
        const double x = 1000.0;
        QCOMPARE(s.calibration.energyAt(x), calibration[0] + calibration[1] * x + calibration[2] * x * x);
    }
}

void TestSpeFormat::headerFields()
{
    PHOTOPEAK_REQUIRE_DATA(cave, QStringLiteral("formats/becquerel/1110C NAA cave background May 2017.spe"));
    auto r = ReaderRegistry::instance().read(cave);
    QVERIFY(r.ok());
    const Spectrum &s = r->front();
    QCOMPARE(s.startTime, QDateTime(QDate(2017, 4, 26), QTime(11, 5, 11)));
    QCOMPARE(s.detector, QStringLiteral("BETA MCB 129 Input 1"));
    QCOMPARE(s.description, QStringLiteral("No sample description was entered."));
    QCOMPARE(s.counts[506], *std::max_element(s.counts.begin(), s.counts.end()));
    // $MCA_CAL (quadratic) wins over the linear $ENER_FIT.
    QCOMPARE(s.calibration.degree(), 2);

    PHOTOPEAK_REQUIRE_DATA(cnf, QStringLiteral("formats/becquerel/samples_converted/"
                                               "01122014152731-GT01122014182338-GA37.4963000N-GO122.4633000W.spe"));
    auto c = ReaderRegistry::instance().read(cnf);
    QVERIFY(c.ok());
    QCOMPARE(c->front().startTime, QDateTime(QDate(2014, 1, 12), QTime(15, 12, 28)));  // "3:12:28 PM"
    QCOMPARE(c->front().description, QStringLiteral("Sample title."));
    QCOMPARE(c->front().counts[7], 756.0);  // first non-zero values: 1 at channel 6, 756 at 7
    QCOMPARE(c->front().counts[6], 1.0);

    PHOTOPEAK_REQUIRE_DATA(spc, QStringLiteral("formats/becquerel/samples_converted/Alcatraz14.spe"));
    auto a = ReaderRegistry::instance().read(spc);
    QVERIFY(a.ok());
    QCOMPARE(a->front().startTime, QDateTime(QDate(2012, 9, 17), QTime(13, 41, 7)));  // "13:41:07.0"
    QCOMPARE(a->front().description, QStringLiteral("Description: Alcatraz14"));

    PHOTOPEAK_REQUIRE_DATA(d3s, QStringLiteral("formats/becquerel/SGM102432.spe"));
    QCOMPARE(SpectrumDataset::openFile(d3s).entries().front().spectrum.startTime, QDateTime(QDate(2018, 7, 11), QTime(0, 0)));
}

void TestSpeFormat::invalidZeroCalibrationIsFlagged()
{
    // digibase_5min_30_1.spe has $ENER_FIT 0 0 and $MCA_CAL 0 0 0 on purpose.
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/becquerel/digibase_5min_30_1.spe"));
    auto r = ReaderRegistry::instance().read(file);
    QVERIFY(r.ok());
    const Spectrum &s = r->front();
    QVERIFY(s.problems.has(SpectrumProblem::MissingCalibration));
    QVERIFY(s.problems.has(SpectrumProblem::InvalidCalibration));
    QVERIFY(s.problems.blocksAnalysis());
    QCOMPARE(s.detector, QStringLiteral("digiBASE"));
}

void TestSpeFormat::confidenceFromContent()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/becquerel/SGM102432.spe"));
    const QByteArray head = fileBytes(file).left(4096);
    const SpeReader reader;
    QCOMPARE(reader.confidence(file, 28797, head), 100);
    QCOMPARE(reader.confidence(QStringLiteral("spectrum.txt"), 28797, head), 90);  // by content, any suffix
    QCOMPARE(reader.confidence(QStringLiteral("x.spe"), 100, QByteArrayView("\x01\x02\x00\x00 binary", 12)), 50);
    QCOMPARE(reader.confidence(QStringLiteral("x.txt"), 100, QByteArrayView("channel,counts\n1,2\n")), 0);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString upper = writeCopy(dir, QStringLiteral("COPY.Spe"), fileBytes(file));
    QCOMPARE(ReaderRegistry::instance().readerFor(upper)->formatName(), reader.formatName());
    QVERIFY(ReaderRegistry::instance().readableSuffixes().contains(QStringLiteral("spe")));
}

void TestSpeFormat::truncatedCopiesGiveErrorsNamingTheFile_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addColumn<double>("fraction");
    for (double f : {0.05, 0.3, 0.9}) {
        QTest::addRow("D3S %g", f) << "formats/becquerel/SGM102432.spe" << f;
        QTest::addRow("digibase %g", f) << "formats/becquerel/digibase_5min_30_1.spe" << f;
        QTest::addRow("alcatraz %g", f) << "formats/becquerel/samples_converted/Alcatraz14.spe" << f;
    }
}

void TestSpeFormat::truncatedCopiesGiveErrorsNamingTheFile()
{
    QFETCH(QString, relative);
    QFETCH(double, fraction);
    PHOTOPEAK_REQUIRE_DATA(file, relative);
    const QByteArray bytes = fileBytes(file);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString cut = writeCopy(dir, QFileInfo(file).fileName(), bytes.left(static_cast<qsizetype>(bytes.size() * fraction)));
    auto r = ReaderRegistry::instance().read(cut);
    QVERIFY2(!r.ok(), "a truncated SPE must not read");
    QCOMPARE(r.error().source, cut);
    QVERIFY2(r.error().toString().contains(cut), qPrintable(r.error().toString()));
    QVERIFY2(r.error().kind & unsigned(SpectrumProblem::Truncated), qPrintable(r.error().toString()));
    QVERIFY2(r.error().message.contains(QLatin1String("truncated")), qPrintable(r.error().message));

    // Cut inside the header, before $DATA: the channel data is missing.
    const QString header = writeCopy(dir, QStringLiteral("header.spe"), bytes.left(bytes.indexOf("$DATA:")));
    auto h = ReaderRegistry::instance().read(header);
    QVERIFY(!h.ok());
    QCOMPARE(h.error().source, header);
    QVERIFY2(h.error().message.contains(QLatin1String("no $DATA record (missing channel data)")), qPrintable(h.error().message));
}

void TestSpeFormat::damagedContentGivesClearErrors_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no data") << QByteArray("$DATA:") << QByteArray("$DATX:") << "no $DATA record (missing channel data)";
    QTest::newRow("bad count") << QByteArray("\n     972\r") << QByteArray("\n     97z\r") << "line 23: count '97z' of channel 10";
    QTest::newRow("bad range") << QByteArray("0 1023") << QByteArray("0 x") << "line 12: $DATA channel range";
    QTest::newRow("extra counts") << QByteArray("0 1023") << QByteArray("0 1000") << "more counts than $DATA 0 1000";
    QTest::newRow("bad times") << QByteArray("296 300") << QByteArray("296") << "line 10: $MEAS_TIM '296'";
    QTest::newRow("bad calibration") << QByteArray("0.000000 0.000000\r") << QByteArray("0.0 zero\r") << "$ENER_FIT";
    QTest::newRow("no records") << QByteArray("$SPEC_ID:") << QByteArray("SPEC_ID:") << "line 1: text before the first $ record";
}

void TestSpeFormat::damagedContentGivesClearErrors()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, expected);
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/becquerel/digibase_5min_30_1.spe"));
    QByteArray bytes = fileBytes(file);
    QVERIFY(bytes.contains(from));
    bytes.replace(bytes.indexOf(from), from.size(), to);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString damaged = writeCopy(dir, QStringLiteral("damaged.spe"), bytes);
    auto r = ReaderRegistry::instance().read(damaged);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().source, damaged);
    QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().toString()));
}

void TestSpeFormat::readingLeavesTheFileUnchanged()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/becquerel/1110C NAA cave background May 2017.spe"));
    const QString problem = readingChangesFile(file);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestSpeFormat)
#include "tst_speformat.moc"
